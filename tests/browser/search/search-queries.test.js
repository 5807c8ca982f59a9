// The queries people type, run against the built index in chromium: each
// must bring its page into the top 3.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SOURCE_DIR, buildSite, launch, removeSite, serve } from "../lib/harness.js";
import { readQueryFile, runQueries } from "./queries.js";

// The query files to run: the search test site's and the default content's.
// OFFERGEN_QUERIES runs other files instead (a comma-separated list), for
// example against new content.
const QUERY_FILES = process.env.OFFERGEN_QUERIES
  ? process.env.OFFERGEN_QUERIES.split(",")
  : ["tests/search/fixture-queries.yaml", "tests/search/queries.yaml"];

let chrome;
const sites = [];

before(async () => {
  chrome = await launch();
});

after(async () => {
  await chrome?.close();
  for (const { server, site } of sites) {
    await server.close();
    removeSite(site);
  }
});

for (const name of QUERY_FILES) {
  test(`every query in ${name} finds its page in the top 3`, async () => {
    const file = readQueryFile(join(SOURCE_DIR, name));
    assert.ok(file.queries.length >= 25, `${name} has only ${file.queries.length} queries; the issue asks for 25`);
    const site = buildSite(join(SOURCE_DIR, file.content));
    const server = await serve(site);
    sites.push({ server, site });
    const { misses } = await runQueries(chrome.browser, server.url, file);
    const report = misses.map((m) => `  "${m.query}": expected ${m.expect}, top 3 were ${JSON.stringify(m.got)}`);
    assert.equal(misses.length, 0, `${misses.length} of ${file.queries.length} queries missed:\n${report.join("\n")}`);
  });
}
