// The budgets for what a phone downloads: the search JavaScript at most
// 10 KB gzipped, and the whole index of the default content at most 40 KB
// gzipped. Measured on the built files, compressed as a web server would.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { SOURCE_DIR, buildSite, removeSite } from "../lib/harness.js";

const KB = 1024;
let site;

before(() => {
  site = buildSite(join(SOURCE_DIR, "content"));
});

after(() => {
  if (site) removeSite(site);
});

function gzipped(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

test("search.js is at most 10 KB gzipped", () => {
  const js = readdirSync(join(site, "assets")).filter((f) => /^search\.[0-9a-f]+\.js$/.test(f));
  assert.equal(js.length, 1);
  const size = gzipped(join(site, "assets", js[0]));
  assert.ok(size <= 10 * KB, `search.js is ${size} bytes gzipped`);
});

test("the default content's search index is at most 40 KB gzipped in all", () => {
  const files = readdirSync(join(site, "search")).filter((f) => f.endsWith(".json"));
  assert.ok(files.some((f) => f.startsWith("docs.")));
  const total = files.reduce((sum, f) => sum + gzipped(join(site, "search", f)), 0);
  assert.ok(total <= 40 * KB, `the index is ${total} bytes gzipped in ${files.length} files`);
});
