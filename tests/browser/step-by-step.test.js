// The step-by-step navigation: open without JavaScript, shown and hidden with
// it, remembered per page in sessionStorage, and never a cookie.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SOURCE_DIR, servedSite } from "./lib/harness.js";

const site = servedSite(join(SOURCE_DIR, "tests", "sites", "basic", "content"));

const PATHWAY = "/pathways/asking-for-help/";

test("without JavaScript every step is open and there are no buttons", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + PATHWAY);
  // "Review the plan" has only its title, so three steps have panels.
  assert.equal(await page.locator("[data-step-panel]").count(), 3);
  for (const panel of await page.locator("[data-step-panel]").all()) assert.equal(await panel.isVisible(), true);
  // The header's search form keeps its Search button, which works without
  // JavaScript; the page's content has no button at all.
  assert.equal(await page.locator("main button").count(), 0);
  assert.equal(await page.locator("header button").count(), 1);
  await context.close();
});

test("with JavaScript, steps are real buttons that show and hide their panels", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + PATHWAY);
  const buttons = page.locator(".step-nav__button");
  assert.equal(await buttons.count(), 3);
  const first = buttons.nth(0);
  assert.equal(await first.getAttribute("aria-expanded"), "false");
  assert.equal(await first.getAttribute("aria-controls"), "step-1-panel");
  assert.equal(await page.locator("#step-1-panel").isVisible(), false);
  // The heading keeps its level and holds the button.
  assert.equal(await page.locator("h2.step-nav__title > button.step-nav__button").count(), 3);

  await first.click();
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#step-1-panel").isVisible(), true);
  assert.match(await first.textContent(), /Hide this step/);

  // Remembered for this page after a reload, in sessionStorage, not a cookie.
  await page.reload();
  assert.equal(await page.locator(".step-nav__button").nth(0).getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator(".step-nav__button").nth(1).getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.cookie), "");
  assert.deepEqual(JSON.parse(await page.evaluate((k) => sessionStorage.getItem(k), "step-nav:" + PATHWAY)), ["step-1"]);
  await context.close();
});

test("Show all steps opens and closes every step, with the keyboard too", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + PATHWAY);
  const all = page.locator(".step-nav__show-all");
  assert.equal(await all.textContent(), "Show all steps");
  assert.equal(await all.getAttribute("aria-expanded"), "false");
  await all.focus();
  await page.keyboard.press("Enter");
  assert.equal(await all.textContent(), "Hide all steps");
  assert.equal(await all.getAttribute("aria-expanded"), "true");
  for (const panel of await page.locator("[data-step-panel]").all()) assert.equal(await panel.isVisible(), true);
  await page.keyboard.press("Space");
  assert.equal(await all.textContent(), "Show all steps");
  for (const panel of await page.locator("[data-step-panel]").all()) assert.equal(await panel.isVisible(), false);
  await context.close();
});

test("a link to a step opens it", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + PATHWAY + "#step-3");
  assert.equal(await page.locator("#step-3-panel").isVisible(), true);
  assert.equal(await page.locator("#step-1-panel").isVisible(), false);
  await context.close();
});
