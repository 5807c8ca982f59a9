// The partnership's real content in a browser: locality charts reflow at
// 320 px and sit side by side when there is room, and the pages that issue 3
// added pass axe-core's WCAG 2.2 A and AA rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { SOURCE_DIR, servedSite } from "./lib/harness.js";

const site = servedSite(join(SOURCE_DIR, "content"));

// A page in its own browser context (axe-core needs one).
async function open(path, width) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(site.url + path);
  assert.equal(response.status(), 200, path);
  return page;
}

async function close(page) {
  await page.context().close();
}

test("locality charts reflow at 320 px without scrolling sideways", async () => {
  const page = await open("/localities/huddersfield/", 320);
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll(".chart__svg")].map((svg) => svg.getBoundingClientRect().right),
  }));
  assert.ok(widths.document <= 320, `the page is ${widths.document} px wide`);
  assert.equal(widths.charts.length, 13);
  for (const right of widths.charts) assert.ok(right <= 320, `a chart ends at ${right} px`);
  // Each chart is an image with a summary; the table after it holds the values.
  const names = await page.$$eval(".chart__svg", (svgs) =>
    svgs.map((svg) => svg.getAttribute("role") + ":" + document.getElementById(svg.getAttribute("aria-labelledby")).textContent));
  for (const name of names) assert.match(name, /^img:.+: (highest in .+, lowest in .+|the same in every area .+)\.$/);
  assert.equal(await page.locator("table.figures").count(), 3);
  await close(page);
});

test("locality charts sit side by side on a wide screen", async () => {
  const page = await open("/localities/", 1280);
  const tops = await page.$$eval(".charts:first-of-type .chart", (charts) => charts.map((c) => Math.round(c.getBoundingClientRect().top)));
  assert.ok(tops.length >= 2);
  assert.equal(tops[0], tops[1], "the first two charts share a row");
  await close(page);
});

for (const path of ["/localities/huddersfield/", "/strategy/action-plan/", "/pathways/continuum-of-need/",
  "/young-people/what-you-told-us/", "/accessibility/"]) {
  test(`${path} passes axe-core's WCAG 2.2 A and AA rules`, async () => {
    const page = await open(path, 1280);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const problems = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(problems, []);
    await close(page);
  });
}
