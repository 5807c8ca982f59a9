// Safety for a reader at risk from someone at home (issue 21): searching does
// not pile the words up in the browser's history, "Exit this page" on the
// search page and on a sensitive topic page leaves for good, and its link to
// the page on covering your tracks works. On the default content, which marks
// the domestic abuse topic sensitive and has that page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SOURCE_DIR, newContext, servedSite } from "./lib/harness.js";

const site = servedSite(join(SOURCE_DIR, "content"));

test("no template or script sets a cookie, uses storage other than sessionStorage, or reaches another site", () => {
  const dir = join(SOURCE_DIR, "templates");
  const files = readdirSync(dir, { recursive: true }).filter((f) => /\.(js|mustache|css)$/.test(f)).sort();
  const bad = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8").replace(/^\s*\/\/.*$/gm, "");  // not comments
    for (const [what] of text.matchAll(/document\.cookie|localStorage|indexedDB|caches\.open|serviceWorker|rel="(?:preconnect|dns-prefetch|prefetch|prerender|preload)"|(?:src|href)="(?:https?:)?\/\/|url\((?:["']?)(?:https?:)?\/\//g))
      bad.push(`templates/${file}: ${what}`);
  }
  assert.ok(files.length > 20);
  assert.deepEqual(bad, []);
});

async function searchFor(page, words) {
  await page.fill("#search-q", words);
  await page.press("#search-q", "Enter");
  await page.waitForFunction((w) => document.getElementById("search-status").textContent.includes(w), words);
}

test("two searches on the search page add no entries to the history", async () => {
  const context = await newContext(site.browser);
  const page = await context.newPage();
  await page.goto(site.url + "/");
  await page.goto(site.url + "/search/");
  const entries = await page.evaluate(() => history.length);
  await searchFor(page, "domestic abuse");
  await searchFor(page, "parenting");
  assert.equal(await page.evaluate(() => history.length), entries);
  // The entry holds the last search, so that reloading shows it again...
  assert.equal(new URL(page.url()).searchParams.get("q"), "parenting");
  // ...and Back leaves the search page rather than going through the searches.
  await page.goBack();
  assert.equal(page.url(), site.url + "/");
  await context.close();
});

test("without JavaScript each search is a page of its own in the history, as the docs say", async () => {
  const context = await newContext(site.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + "/search/");
  const entries = await page.evaluate(() => history.length);
  for (const words of ["domestic abuse", "parenting"]) {
    await page.fill("#search-q", words);
    await Promise.all([page.waitForURL(/\?q=/), page.press("#search-q", "Enter")]);
  }
  assert.equal(new URL(page.url()).searchParams.get("q"), "parenting");
  assert.equal(await page.evaluate(() => history.length), entries + 2);
  await context.close();
});

// From the home page to `path`, then out by `leave(page)`: the neutral site
// replaces the page in the history, and Back goes to the home page.
async function assertExitLeaves(path, leave) {
  const context = await newContext(site.browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.url + "/");
  await page.goto(site.url + path);
  const exitUrl = await page.getAttribute(".exit-this-page", "data-exit-url");
  const entries = await page.evaluate(() => history.length);
  await leave(page);
  await page.waitForURL(exitUrl);
  assert.equal(await page.title(), "Neutral site");
  assert.equal(await page.evaluate(() => history.length), entries, `leaving ${path} added to the history`);
  await page.goBack();
  assert.equal(page.url(), site.url + "/", `Back returned to ${path}`);
  assert.ok(!context.outsideRequests.some((url) => url !== exitUrl), context.outsideRequests.join("\n"));
  await context.close();
}

test("the button leaves the search results and the domestic abuse topic for good", async () => {
  for (const path of ["/search/?q=domestic+abuse", "/categories/domestic-abuse/", "/glossary/"])
    await assertExitLeaves(path, (page) => page.getByRole("link", { name: "Emergency Exit this page" }).click());
});

test("Shift three times leaves the search results and the keeping children safe topic for good", async () => {
  for (const path of ["/search/?q=neglect", "/categories/keeping-safe/"]) {
    await assertExitLeaves(path, async (page) => {
      await page.waitForSelector(".exit-this-page__shift-hint:not([hidden])");
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    });
  }
});

test("the exit control links to the page on covering your tracks, which has the control too", async () => {
  const context = await newContext(site.browser);
  const page = await context.newPage();
  await page.goto(site.url + "/categories/domestic-abuse/");
  await page.getByRole("link", { name: "How to cover your tracks online" }).click();
  await page.waitForURL(site.url + "/covering-your-tracks/");
  assert.equal(await page.textContent("h1"), "Covering your tracks online");
  assert.equal(await page.locator(".exit-this-page__button").count(), 1);
  // Not a link to itself.
  assert.equal(await page.getByRole("link", { name: "How to cover your tracks online" }).count(), 0);
  assert.equal(await page.evaluate(() => document.cookie), "");
  await context.close();
});
