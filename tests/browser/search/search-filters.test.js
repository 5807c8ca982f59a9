// Filters on the services index and on the search page, with the mouse, with
// the keyboard alone, with the Back button, and without JavaScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SOURCE_DIR, servedSite } from "../lib/harness.js";
import { searchPage } from "./queries.js";

const site = servedSite(join(SOURCE_DIR, "tests", "sites", "search", "content"));

async function visibleServices(page) {
  return page.$$eval("li[data-facets]", (cards) =>
    cards.filter((li) => !li.hidden).map((li) => new URL(li.querySelector("a").href).pathname));
}

// What the fixture's facets say Huddersfield + age 14 must leave.
async function expectedFor(page, area, age) {
  return page.$$eval("li[data-facets]", (cards, [area, age]) => cards.filter((li) => {
    const f = JSON.parse(li.dataset.facets);
    const a = f.a || [];
    return (!f.l || f.l.includes(area)) && (a[0] == null || a[0] <= age) && (a[1] == null || age <= a[1]);
  }).map((li) => new URL(li.querySelector("a").href).pathname), [area, age]);
}

test("Huddersfield and age 14 narrow the services index, and clearing restores it", async () => {
  const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(site.url + "/services/");
  const all = await visibleServices(page);
  assert.ok(all.length >= 20);
  assert.equal(await page.getAttribute("#filter-status", "aria-live"), "polite");

  await page.click(".filters__summary");
  await page.selectOption("#filter-area", "huddersfield");
  await page.fill("#filter-age", "14");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("age") === "14");
  const narrowed = await visibleServices(page);
  assert.deepEqual(narrowed, await expectedFor(page, "huddersfield", 14));
  assert.ok(narrowed.length < all.length);
  assert.ok(narrowed.includes("/services/huddersfield-teen-space/"));
  assert.ok(!narrowed.includes("/services/rural-toddler-groups/"));   // another area
  assert.ok(!narrowed.includes("/services/health-visiting/"));        // under fives
  assert.equal(await page.textContent("#filter-status"), `Showing ${narrowed.length} of ${all.length} services.`);
  assert.equal(new URL(page.url()).search, "?area=huddersfield&age=14");

  await page.click("[data-clear]");
  assert.deepEqual(await visibleServices(page), all);
  assert.equal(await page.textContent("#filter-status"), "");
  assert.equal(new URL(page.url()).search, "");
  await page.close();
});

test("the filters' state is in the address: shareable, and Back undoes a filter", async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url + "/services/?area=kirklees-rural&free=1");
  assert.equal(await page.$eval(".filters", (d) => d.open), true);
  assert.equal(await page.inputValue("#filter-area"), "kirklees-rural");
  assert.equal(await page.isChecked("#filter-free"), true);
  const shared = await visibleServices(page);
  assert.ok(!shared.includes("/services/rural-toddler-groups/"));  // costs £1
  assert.ok(!shared.includes("/services/huddersfield-teen-space/"));

  await page.selectOption("#filter-level", "4");
  const level4 = await visibleServices(page);
  assert.ok(level4.length < shared.length);
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has("level"));
  assert.equal(await page.inputValue("#filter-level"), "");
  assert.deepEqual(await visibleServices(page), shared);
  await page.close();
});

test("the filters work with the keyboard alone", async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url + "/services/");
  // Tab from the top of the page to the filters, as a keyboard user would.
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement.matches(".filters__summary")))) {
    await page.keyboard.press("Tab");
    assert.ok(++tabs < 80, "the filters cannot be reached with Tab");
  }
  await page.keyboard.press("Enter");
  assert.equal(await page.$eval(".filters", (d) => d.open), true);
  await page.keyboard.press("Tab");   // area
  await page.keyboard.press("Tab");   // age
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");   // level
  await page.keyboard.press("Tab");   // topic
  await page.keyboard.press("Tab");   // you can refer yourself or drop in
  await page.keyboard.press("Space");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("self") === "1");
  const shown = await visibleServices(page);
  assert.ok(shown.includes("/services/two-year-old-childcare/"));
  assert.ok(shown.includes("/services/rural-toddler-groups/"));       // drop in
  assert.ok(!shown.includes("/services/kirklees-youth-council/"));     // 11 to 18
  assert.ok(!shown.includes("/services/family-group-conferences/"));  // professionals refer
  assert.match(await page.textContent("#filter-status"), /^Showing \d+ of \d+ services\.$/);
  await page.close();
});

test("search results are filtered too, and the count is announced", async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url + "/search/?q=parenting&area=huddersfield");
  await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
  const inHuddersfield = await page.$$eval("#search-results a", (as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(inHuddersfield.includes("/services/parenting-group-work/"));
  assert.ok(inHuddersfield.every((p) => p.startsWith("/services/")), "filters keep services only");
  assert.equal(await page.getAttribute("#search-status", "aria-live"), "polite");
  assert.match(await page.textContent("#search-status"), /results? for “parenting”, with the filters you chose\./);

  await page.selectOption("#filter-area", "kirklees-rural");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("area") === "kirklees-rural");
  await page.waitForFunction(() => !document.querySelector("#search-results a[href$='/parenting-group-work/']"));

  // Filters without words list the services that pass them.
  await page.fill("#search-q", "");
  await page.waitForFunction(() => !/for “/.test(document.getElementById("search-status").textContent));
  const rural = await page.$$eval("#search-results a", (as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(rural.includes("/services/rural-toddler-groups/"));
  assert.ok(!rural.includes("/services/huddersfield-teen-space/"));
  await page.close();
});

test("results highlight the words that matched", async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url + "/search/");
  const results = await searchPage(page, "volunteer");
  assert.equal(results[0], "/services/home-start/");
  const marks = await page.$$eval("#search-results li:first-child mark", (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.some((m) => /^volunteers?$/i.test(m)), `marked: ${marks}`);
  await page.close();
});

test("the page downloads no index until the reader searches, then only what the query needs", async () => {
  const page = await site.browser.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(site.url + "/search/");
  await page.waitForLoadState("networkidle");
  assert.deepEqual(fetched.filter((p) => p.startsWith("/search/") && p.endsWith(".json")), []);
  await searchPage(page, "parenting");
  const index = fetched.filter((p) => p.startsWith("/search/") && p.endsWith(".json"));
  assert.equal(index.length, 2, `fetched ${index}`);
  assert.match(index[0], /^\/search\/docs\.json$/);
  assert.match(index[1], /^\/search\/p\.[0-9a-f]+\.json$/);
  await page.close();
});

test("without JavaScript the search page says how to browse, and the browse pages list services", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + "/search/?q=parenting");
  assert.ok(await page.isVisible("text=Search as you type needs JavaScript"));
  for (const link of ["Support by topic", "Support by area", "Support by age", "Support by level of need"]) {
    assert.ok(await page.isVisible(`.search-browse >> text=${link}`), link);
  }
  await page.goto(site.url + "/services/");
  assert.equal(await page.isVisible(".filters"), false);
  await page.click("text=Ages 11 to 15");
  assert.equal(new URL(page.url()).pathname, "/ages/11-15/");
  const teen = await page.$$eval("li.card .card__title a", (as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(teen.includes("/services/huddersfield-teen-space/"));
  assert.ok(!teen.includes("/services/health-visiting/"));
  await context.close();
});
