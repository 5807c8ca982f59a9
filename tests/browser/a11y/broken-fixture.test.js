// A test of the accessibility tests: a page with an image without alt text, a
// skipped heading level and low-contrast text must make them fail, with
// messages that name the page, the rule and the element.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { SOURCE_DIR, buildSite, launch, removeSite, serve } from "../lib/harness.js";
import { auditPages } from "./lib/axe.js";
import { htmlErrors } from "./lib/nu.js";
import { overlayContent, removeContent } from "./lib/sites.js";

const SITES_DIR = join(SOURCE_DIR, "tests", "sites");
let content, site, server, chrome;

before(async () => {
  content = overlayContent(join(SITES_DIR, "basic", "content"), join(SITES_DIR, "broken-a11y", "content"),
    ["allow_raw_html: true"]);
  site = buildSite(content);
  server = await serve(site);
  chrome = await launch();
});

after(async () => {
  await chrome?.close();
  await server?.close();
  if (site) removeSite(site);
  if (content) removeContent(content);
});

test("axe reports the missing alt text, the skipped heading and the low contrast, naming page and element", async () => {
  const { failures } = await auditPages(chrome.browser, server.url, ["/broken/"]);
  const report = failures.join("\n\n");
  const expected = [
    ["image-alt", "Images must have alternative text", '<img src="/no-such-picture.png">'],
    ["heading-order", "Heading levels should only increase by one", "<h4>A heading that skips two levels</h4>"],
    ["color-contrast", "Elements must meet minimum color contrast ratio thresholds", '<p style="color: #c0c0c0">'],
  ];
  for (const [rule, help, html] of expected) {
    for (const width of [1280, 320]) {
      const block = failures.find((f) => f.startsWith(`/broken/ at ${width}px: ${rule} `));
      assert.ok(block, `no ${rule} violation at ${width}px in:\n${report}`);
      assert.ok(block.includes(help), `the ${rule} message does not say "${help}":\n${block}`);
      assert.ok(block.includes(html), `the ${rule} message does not show the element ${html}:\n${block}`);
    }
  }
  assert.match(report, /color-contrast[\s\S]*Element has insufficient color contrast of \d/);
  // Nothing else on the page is wrong.
  const rules = new Set(failures.map((f) => f.split(" ")[3]));
  assert.deepEqual([...rules].sort(), ["color-contrast", "heading-order", "image-alt"]);
});

test("the Nu HTML Checker reports the image without alt text, with file and line", () => {
  const [errors] = htmlErrors(site);
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0], /^\/broken\/index\.html:\d+:\d+: An “img” element must have an “alt” attribute/);
});

test("the test of every page itself fails on the broken site, and says why", () => {
  // A test run that node --test started marks itself in NODE_TEST_CONTEXT;
  // without it, the child is a test run of its own.
  const env = { ...process.env, OFFERGEN_A11Y_SITES: `broken=${content}` };
  delete env.NODE_TEST_CONTEXT;
  const run = spawnSync(process.execPath, ["--test", join(SOURCE_DIR, "tests", "browser", "a11y", "all-pages.test.js")],
    { encoding: "utf8", env });
  assert.equal(run.status, 1, `the test of every page did not fail:\n${run.stdout}${run.stderr}`);
  // The page keeps its content security policy there, so the pale text's
  // inline style is blocked (and reported) rather than shown to axe.
  for (const line of ["axe found 4 violations:",
    "/broken/ at 1280px: image-alt (critical): Images must have alternative text",
    "/broken/ at 320px: heading-order (moderate): Heading levels should only increase by one",
    "/broken/: CSP violation: style-src-attr blocked inline at"])
    assert.ok(run.stdout.includes(line), `the report of every page lacks "${line}":\n${run.stdout}`);
});
