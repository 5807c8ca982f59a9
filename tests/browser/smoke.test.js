// The harness itself works: a built site is served and read by chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SOURCE_DIR, servedSite } from "./lib/harness.js";

const site = servedSite(join(SOURCE_DIR, "tests", "sites", "basic", "content"));

test("the home page loads in chromium with its title and stylesheet", async () => {
  const page = await site.browser.newPage();
  const response = await page.goto(site.url + "/");
  assert.equal(response.status(), 200);
  assert.equal(await page.title(), "Exampleshire early help");
  const background = await page.$eval(".site-header", (el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, "rgb(29, 79, 145)");
  await page.close();
});

test("an unknown address gets the 404 page", async () => {
  const page = await site.browser.newPage();
  const response = await page.goto(site.url + "/no/such/page/");
  assert.equal(response.status(), 404);
  assert.match(await page.textContent("h1"), /Page not found/);
  await page.close();
});
