// Runs axe-core on a page and turns its violations into messages a person can
// act on: the page, the rule, what it asks for, and each failing element.
import AxeBuilder from "@axe-core/playwright";
import { createRequire } from "node:module";
import { watchedPage } from "../../lib/csp.js";
import { inParallel, newContext } from "../../lib/harness.js";

// The WCAG 2.2 AA rules, as the issue asks.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Rules that axe files under "best practice" but that the site promises by
// construction (one h1, no skipped heading levels, everything in a landmark),
// so they run too.
export const PROMISED_RULES = [
  "heading-order", "page-has-heading-one", "landmark-one-main", "region", "landmark-unique",
  "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main",
  "skip-link", "empty-heading",
];

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// Loads axe-core into every page the context opens, before the page's own
// scripts. AxeBuilder would otherwise send all of axe-core over again for
// every run (three times a run in legacy mode), which triples the time.
export async function preloadAxe(context) {
  await context.addInitScript({ path: AXE_SCRIPT });
}

// The violations axe finds on the page that is open in `page`, whose context
// went through preloadAxe(). Legacy mode runs axe.run() in the page itself
// (the sites have no frames) instead of finishing in a second, blank page.
export async function axeViolations(page) {
  const rules = Object.fromEntries(PROMISED_RULES.map((id) => [id, { enabled: true }]));
  // options() replaces all options, so it goes before withTags().
  const results = await new AxeBuilder({ page, axeSource: "void 0;" }).setLegacyMode(true)
    .options({ rules }).withTags(WCAG_TAGS).analyze();
  return results.violations;
}

// One block of text per violation, e.g.
//   /services/ at 320px: target-size (serious): All touch targets must be 24px large, or leave sufficient space
//     https://dequeuniversity.com/rules/axe/4.13/target-size?application=playwright
//       .breadcrumbs__item:nth-child(1) > a[href="/"]  <a href="/">Home</a>
//         Fix any of the following:
//         Target has insufficient size (42.7px by 22.5px, should be at least 24px by 24px)
export function describeViolations(where, violations) {
  return violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const summary = (n.failureSummary || "").split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 3);
      return `    ${n.target.join(" ")}  ${n.html.replace(/\s+/g, " ").slice(0, 200)}\n` +
        summary.map((l) => `      ${l}`).join("\n");
    });
    return `${where}: ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes.join("\n")}`;
  });
}

// The sizes every page is checked at: a laptop, and a phone (which is also
// what a 1280 px wide window shows at 400 % zoom).
export const AXE_VIEWPORTS = [{ width: 1280, height: 800 }, { width: 320, height: 640 }];

// Runs axe on each of `paths` of the site served at `baseUrl`, at each of
// AXE_VIEWPORTS, two pages at a time. Returns the violations described as
// above, and the addresses of other sites that the pages asked for anything.
//
// With `watchPolicy`, the pages keep the site's content security policy and
// `policyProblems` lists what chromium reports it blocked (and any script
// error); without it the policy is bypassed, so that the broken fixture's
// inline style shows its low contrast to axe. `atPhone(page)`, when given,
// runs after axe at 320 px and returns more problems for `phoneProblems`.
// One visit to each page serves all of these checks.
export async function auditPages(browser, baseUrl, paths, { watchPolicy = false, atPhone = null } = {}) {
  const failures = [];
  const outsideRequests = [];
  const policyProblems = [];
  const phoneProblems = [];
  await inParallel(paths, 2, async () => {
    const context = await newContext(browser, { viewport: AXE_VIEWPORTS[0], bypassCSP: !watchPolicy });
    await preloadAxe(context);
    return { context, page: watchPolicy ? await watchedPage(context) : await context.newPage() };
  }, async (path, { page }) => {
    page.testedPath = path;
    await page.goto(baseUrl + path);
    for (const viewport of AXE_VIEWPORTS) {
      await page.setViewportSize(viewport);
      failures.push(...describeViolations(`${path} at ${viewport.width}px`, await axeViolations(page)));
    }
    if (atPhone) phoneProblems.push(...(await atPhone(page)).map((p) => `${path}: ${p}`));
  }, async ({ context, page }) => {
    outsideRequests.push(...context.outsideRequests);
    if (watchPolicy) policyProblems.push(...page.problems);
    await context.close();
  });
  return { failures, outsideRequests, policyProblems, phoneProblems };
}
