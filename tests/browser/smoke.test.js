// The harness itself works: a built site is served and read by chromium.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SOURCE_DIR, buildSite, launch, removeSite, serve } from "./lib/harness.js";

let site, server, chrome;

before(async () => {
  site = buildSite(join(SOURCE_DIR, "tests", "sites", "basic", "content"));
  server = await serve(site);
  chrome = await launch();
});

after(async () => {
  await chrome?.close();
  await server?.close();
  if (site) removeSite(site);
});

test("the home page loads in chromium with its title and stylesheet", async () => {
  const page = await chrome.browser.newPage();
  const response = await page.goto(server.url + "/");
  assert.equal(response.status(), 200);
  assert.equal(await page.title(), "Exampleshire early help");
  const background = await page.$eval(".site-header", (el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, "rgb(29, 79, 145)");
  await page.close();
});

test("an unknown address gets the 404 page", async () => {
  const page = await chrome.browser.newPage();
  const response = await page.goto(server.url + "/no/such/page/");
  assert.equal(response.status(), 404);
  assert.match(await page.textContent("h1"), /Page not found/);
  await page.close();
});
