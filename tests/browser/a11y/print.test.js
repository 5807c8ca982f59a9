// Print: the print style sheet hides navigation and controls, prints every
// step of a pathway open, and writes out the address of every link in the
// content; the plan on a page prints on
// exactly one A4 landscape page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inParallel, newContext } from "../lib/harness.js";
import { SITES, onePagePerKind, sensitivePaths, useSite } from "./lib/sites.js";

const PLAN_ON_A_PAGE = "/strategy/plan-on-a-page/";

// "https://example.org" for `base_url: https://example.org/offer/` in
// site.yaml, and "" when there is no base_url or it has no origin.
function siteOrigin(content) {
  const match = /^base_url:\s*["']?(https?:\/\/[^/\s"']+)/m.exec(readFileSync(join(content, "site.yaml"), "utf8"));
  return match ? match[1] : "";
}

// In print: what should be hidden but shows, a step printed closed or without
// its heading, and each link in the content
// whose address does not follow it; links within the site get `origin` (the
// origin of site.yaml's base_url, or "") in front of it.
function printProblems(origin) {
  const problems = [];
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}> "${(el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  const hidden = "nav, .skip-link, .exit-this-page, .exit-this-page__hint, button, .button, input, select, textarea";
  for (const el of document.querySelectorAll(hidden))
    if (el.checkVisibility()) problems.push(`${describe(el)} is printed`);
  // Step-by-step pathways print every step open, each title as a heading.
  for (const panel of document.querySelectorAll("[data-step-panel]"))
    if (!panel.checkVisibility()) problems.push(`${describe(panel)} (a step) is printed closed`);
  for (const title of document.querySelectorAll("[data-step-title]"))
    if (!title.checkVisibility() || !title.closest("h2, h3, h4")) problems.push(`${describe(title)} is not printed as a heading`);
  for (const a of document.querySelectorAll("main a[href]")) {
    if (!a.checkVisibility()) continue;
    const href = a.getAttribute("href");
    if (href.startsWith("#")) continue;
    const after = getComputedStyle(a, "::after").content;
    const expected = href.startsWith("/") ? origin + href : href;
    if (!after.includes(expected)) problems.push(`${describe(a)} is printed without its address ${expected} (after it: ${after})`);
  }
  return problems;
}

for (const site of SITES) {
  describe(`print on the ${site.name} site`, { skip: site.skip }, () => {
    const s = useSite(site);

    test("every kind of page prints without navigation or controls, with the address after each link", async () => {
      const paths = [...new Set([...onePagePerKind(s.pages, site.content).map(([, p]) => p),
        ...sensitivePaths(site.content)])].sort();
      const problems = await inParallel(paths, 2, async () => {
        const context = await newContext(s.browser);
        const page = await context.newPage();
        await page.emulateMedia({ media: "print" });
        return { context, page };
      }, async (path, { page }) => {
        await page.goto(s.url + path);
        return (await page.evaluate(printProblems, siteOrigin(site.content))).map((p) => `${path}: ${p}`);
      }, ({ context }) => context.close());
      assert.deepEqual(problems.flat(), [], problems.flat().join("\n"));
    });

    test("the plan on a page prints on exactly one A4 landscape page", async (t) => {
      if (!s.pages.includes(PLAN_ON_A_PAGE)) {
        t.skip(`this site has no ${PLAN_ON_A_PAGE} yet`);
        return;
      }
      const context = await newContext(s.browser);
      const page = await context.newPage();
      await page.goto(s.url + PLAN_ON_A_PAGE);
      const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
      // Chromium writes one "/Type /Page" object per page.
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
      assert.equal(pages, 1, `the plan on a page prints on ${pages} A4 landscape pages`);
      await context.close();
    });
  });
}
