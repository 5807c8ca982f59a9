// Keyboard: on every kind of page (and every sensitive page) the skip link is
// the first Tab stop and moves focus to <main>; Tab then reaches every link and
// control in order, each with a focus indicator that can be seen and that
// nothing covers; at 400 % zoom Shift+Tab does the same backwards (where a
// sticky bar at the top is most likely to cover what has focus).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { inParallel, newContext } from "../lib/harness.js";
import { focusState, tagFocusables } from "./lib/focus.js";
import { SITES, onePagePerKind, sensitivePaths, useSite } from "./lib/sites.js";

// An indicator that can be seen: an outline, a shadow, a background or a
// border (a change of text colour or underline alone is too easy to miss).
const STRONG = ["outline", "box-shadow", "background", "border"];

// Tabs through the page open in `page` and returns every problem found on
// the way: forwards from the top, or backwards with Shift+Tab from the last
// stop (reached by focusing it from a script, then Shift+Tab and Tab, so that
// the browser knows the keyboard put it there and shows focus as it would).
async function tabThrough(page, backwards) {
  const problems = [];
  const { focusables, positive } = await page.evaluate(tagFocusables);
  for (const p of positive) problems.push(`${p} has a positive tabindex, which breaks the reading order`);
  const expected = focusables.map((_, i) => (backwards ? focusables.length - 1 - i : i));
  const reached = [];
  for (let i = 0; i < focusables.length; i++) {
    if (backwards && i === 0) {
      await page.evaluate(() => [...document.querySelectorAll("[data-focus-index]")].pop().focus());
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
    } else {
      await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    }
    const state = await page.evaluate(focusState);
    reached.push(state.index);
    if (state.index < 0) {
      problems.push(`Tab ${i + 1} went to ${state.what}, which is not a link or control that can be seen`);
      continue;
    }
    if (!state.indicator.some((v) => STRONG.includes(v)))
      problems.push(`${state.what} shows no visible focus indicator (changes: ${state.indicator.join(", ") || "none"})`);
    if (!state.onScreen) problems.push(`${state.what} has focus but is not on screen`);
    else if (state.covered) problems.push(`${state.what} has focus but something covers it`);
  }
  if (reached.join() !== expected.join())
    problems.push(`Tab ${backwards ? "backwards " : ""}reached ${reached.map((i) => focusables[i] ?? "something else").join(", ")}` +
      `\n  but should reach, in order: ${expected.map((i) => focusables[i]).join(", ")}`);
  return problems;
}

for (const site of SITES) {
  describe(`keyboard on the ${site.name} site`, { skip: site.skip }, () => {
    const s = useSite(site);
    const pathsToCheck = () => [...new Set([...onePagePerKind(s.pages, site.content).map(([, p]) => p),
      ...sensitivePaths(site.content)])].sort();

    async function checkPages(viewport, check) {
      const problems = await inParallel(pathsToCheck(), 2, async () => {
        const context = await newContext(s.browser, { viewport });
        return { context, page: await context.newPage() };
      }, async (path, { page }) => {
        await page.goto(s.url + path);
        return (await check(page)).map((p) => `${path}: ${p}`);
      }, ({ context }) => context.close());
      return problems.flat();
    }

    test("the skip link is the first Tab stop, can be seen, and Enter moves focus to main", async () => {
      const problems = await checkPages({ width: 1280, height: 800 }, async (page) => {
        const found = [];
        await page.keyboard.press("Tab");
        const first = await page.evaluate(() => {
          const el = document.activeElement;
          const box = el.getBoundingClientRect();
          return { text: el.textContent, href: el.getAttribute("href"), seen: box.left >= 0 && box.top >= 0 && box.width > 0 };
        });
        if (first.text !== "Skip to main content" || first.href !== "#main")
          found.push(`the first Tab stop is "${first.text}" (${first.href}), not the skip link`);
        else if (!first.seen) found.push("the skip link has focus but cannot be seen");
        await page.keyboard.press("Enter");
        const focused = await page.evaluate(() => document.activeElement.tagName.toLowerCase());
        if (focused !== "main") found.push(`after the skip link, focus is on <${focused}>, not <main>`);
        return found;
      });
      assert.deepEqual(problems, [], problems.join("\n"));
    });

    test("Tab reaches every link and control in order, each with a visible, uncovered focus indicator", async () => {
      const problems = await checkPages({ width: 1280, height: 800 }, (page) => tabThrough(page, false));
      assert.deepEqual(problems, [], problems.join("\n"));
    });

    test("at 400 % zoom, Shift+Tab reaches everything backwards and nothing covers what has focus", async () => {
      const problems = await checkPages({ width: 320, height: 256 }, async (page) =>
        (await tabThrough(page, true)).map((p) => `backwards: ${p}`));
      assert.deepEqual(problems, [], problems.join("\n"));
    });
  });
}
