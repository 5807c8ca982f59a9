// The search box in the header of every page: the first results as you type,
// reachable with Tab, closed with Escape; Enter opens the search page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SOURCE_DIR, servedSite } from "../lib/harness.js";

const site = servedSite(join(SOURCE_DIR, "tests", "sites", "search", "content"));

test("typing in the header shows the first results, fetched only once the reader types", async () => {
  const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(site.url + "/pathways/");
  await page.waitForLoadState("networkidle");
  assert.deepEqual(fetched.filter((p) => p.endsWith(".json")), []);
  assert.equal(await page.isVisible("#site-search-panel"), false);

  await page.fill("#site-search-q", "mst");
  await page.waitForSelector("#site-search-panel:not([hidden]) a");
  const links = await page.$$eval("#site-search-panel li a", (as) => as.map((a) => new URL(a.href).pathname + new URL(a.href).hash));
  assert.ok(links.slice(0, 3).includes("/services/multi-systemic-therapy/"), `${links}`);
  assert.ok(links.length <= 5);
  assert.match(await page.textContent(".site-search [role=status], header [role=status]"), /results? for “mst”\. Press Tab to reach them\./);
  assert.equal(await page.getAttribute("#site-search-q", "aria-controls"), "site-search-panel");
  assert.ok(fetched.some((p) => /^\/search\/docs\.json$/.test(p)));
  assert.ok(fetched.some((p) => /^\/search\/m\.[0-9a-f]+\.json$/.test(p)));

  // Tab reaches the results; Escape closes them and goes back to the box.
  await page.focus("#site-search-q");
  await page.keyboard.press("Tab");   // the Search button
  await page.keyboard.press("Tab");   // the first result
  assert.equal(await page.evaluate(() => document.activeElement.closest("#site-search-panel") !== null), true);
  await page.keyboard.press("Escape");
  assert.equal(await page.isVisible("#site-search-panel"), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), "site-search-q");
  await page.close();
});

test("Enter in the header opens the search page with the results", async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url + "/");
  await page.fill("#site-search-q", "parenting course dewsbury");
  await page.press("#site-search-q", "Enter");
  await page.waitForURL(/\/search\/\?q=parenting\+course\+dewsbury$/);
  await page.waitForFunction(() => document.getElementById("search-status").textContent.includes("“parenting course dewsbury”"));
  assert.equal(await page.inputValue("#search-q"), "parenting course dewsbury");
  const first = await page.$eval("#search-results a", (a) => new URL(a.href).pathname);
  assert.equal(first, "/services/parenting-group-work/");
  await page.close();
});

test("a result in the header panel opens its page", async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url + "/about/");
  await page.fill("#site-search-q", "youth council");
  await page.click("#site-search-panel li a >> nth=0");
  await page.waitForURL(/\/services\/kirklees-youth-council\/$/);
  await page.close();
});
