// Reflow and zoom: every kind of page (every page is checked at 320 × 640 in
// all-pages.test.js) neither scrolls sideways nor cuts text off at 400 % zoom
// of a 1280 × 1024 window and with a reader's own text spacing; at 1280 × 800
// the layout uses the width. Screenshots of each
// kind of page at 320 px and 1280 px go to build/screenshots/<site>/.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { SOURCE_DIR, inParallel, newContext } from "../lib/harness.js";
import { TEXT_SPACING_CSS, reflowProblems, stuckElements, wideLayout } from "./lib/layout.js";
import { SITES, onePagePerKind, sensitivePaths, useSite } from "./lib/sites.js";

const PHONE = { width: 320, height: 640 };
// A 1280 × 1024 window at 400 % zoom lays pages out in 320 × 256 CSS pixels.
const ZOOM_400 = { width: 320, height: 256 };
const WIDE = { width: 1280, height: 800 };

for (const site of SITES) {
  describe(`reflow and zoom on the ${site.name} site`, { skip: site.skip }, () => {
    const s = useSite(site);

    // Runs `check(path, page)` on each of `paths` in two pages of `viewport`
    // and fails with every problem it returns.
    async function checkPages(paths, viewport, check, options = {}) {
      const problems = await inParallel(paths, 2, async () => {
        const context = await newContext(s.browser, { viewport, ...options });
        return { context, page: await context.newPage() };
      }, async (path, { page }) => {
        await page.goto(s.url + path);
        return (await check(path, page)).map((p) => `${path}: ${p}`);
      }, ({ context }) => context.close());
      return problems.flat();
    }

    test("every kind of page and every sensitive page reflows at 400 % zoom, and what stays on screen covers at most a third of it", async () => {
      const paths = [...new Set([...onePagePerKind(s.pages, site.content).map(([, path]) => path),
        ...sensitivePaths(site.content)])].sort();
      const problems = await checkPages(paths, ZOOM_400, async (path, page) => {
        const found = await page.evaluate(reflowProblems);
        const { stuck, windowHeight } = await page.evaluate(stuckElements);
        const covered = stuck.reduce((sum, e) => sum + e.height, 0);
        if (covered > windowHeight / 3)
          found.push(`${stuck.map((e) => `${e.element} (${e.height}px)`).join(" and ")} stay on screen and cover ` +
            `${covered}px of the ${windowHeight}px window`);
        return found;
      });
      assert.deepEqual(problems, [], `at 400 % zoom (320 × 256):\n${problems.join("\n")}`);
    });

    test("every kind of page keeps working with a reader's text spacing at 320 px", async () => {
      const paths = onePagePerKind(s.pages, site.content).map(([, path]) => path);
      // A reader's own style sheet is not the page's, so the page's content
      // security policy does not apply to it.
      const problems = await checkPages(paths, PHONE, async (path, page) => {
        await page.addStyleTag({ content: TEXT_SPACING_CSS });
        return page.evaluate(reflowProblems);
      }, { bypassCSP: true });
      assert.deepEqual(problems, [], `with WCAG 1.4.12 text spacing at 320 px:\n${problems.join("\n")}`);
    });

    test("at 1280 × 800 the content uses the width and cards sit side by side", async () => {
      const paths = onePagePerKind(s.pages, site.content).map(([, path]) => path);
      const problems = await checkPages(paths, WIDE, async (path, page) => {
        const found = [];
        const { mainWidth, grids } = await page.evaluate(wideLayout);
        if (mainWidth < 900) found.push(`<main> is only ${mainWidth}px wide in a 1280px window`);
        for (const grid of grids)
          if (grid.cards > 1 && grid.columns < 2) found.push(`a grid of ${grid.cards} cards has only one column`);
        return found;
      });
      assert.deepEqual(problems, [], `at 1280 × 800:\n${problems.join("\n")}`);
    });

    test("screenshots of every kind of page at 320 px and 1280 px", async (t) => {
      const dir = join(SOURCE_DIR, "build", "screenshots", site.name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const kinds = onePagePerKind(s.pages, site.content);
      for (const viewport of [PHONE, WIDE]) {
        await inParallel(kinds, 2, async () => {
          const context = await newContext(s.browser, { viewport });
          return { context, page: await context.newPage() };
        }, async ([kind, path], { page }) => {
          await page.goto(s.url + path);
          await page.screenshot({ path: join(dir, `${kind}-${viewport.width}.png`), fullPage: true });
        }, ({ context }) => context.close());
      }
      t.diagnostic(`${kinds.length * 2} screenshots in ${dir}`);
    });
  });
}
