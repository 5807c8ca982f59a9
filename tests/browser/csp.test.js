// The content security policy (issue 21): every page of every site carries
// it, and no page breaks it, neither when it loads (its scripts, styles, SVG
// charts and JSON-LD) nor while it is used: searching, filtering the services,
// opening steps and leaving with "Exit this page". A violation is caught both
// as a `securitypolicyviolation` event and as the console error chromium
// prints for it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SOURCE_DIR, buildSite, inParallel, launch, newContext, removeSite, serve } from "./lib/harness.js";
import { SITES, useSite } from "./a11y/lib/sites.js";
import { watchedPage } from "./lib/csp.js";

const POLICY = /kPageSecurityPolicy =\s*"([^"]+)"/.exec(
  readFileSync(join(SOURCE_DIR, "generator", "core", "security_policy.hpp"), "utf8"))[1];

async function withPage(browser, work) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await watchedPage(context);
  try {
    await work(page);
    return page.problems;
  } finally {
    await context.close();
  }
}

// The policy in a page's <meta>, as the page's source has it.
function policyOf(html) {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
}

for (const site of SITES) {
  describe(`the content security policy on the ${site.name} site`, { skip: site.skip }, () => {
    const s = useSite(site);

    test("every page carries the policy first in <head>, and has no inline script, handler or style", () => {
      const bad = [];
      for (const path of s.pages) {
        const html = readFileSync(join(s.dir, path.endsWith(".html") ? path : `${path}index.html`), "utf8");
        if (!/<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="[^"]*">/.test(html))
          bad.push(`${path}: the policy is not first in <head> after the charset`);
        else if (policyOf(html) !== POLICY) bad.push(`${path}: the policy is '${policyOf(html)}'`);
        for (const [, tag] of html.matchAll(/(<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>)/g))
          bad.push(`${path}: inline ${tag}`);
        for (const [what] of html.matchAll(/<[^>]*\s(?:style|on[a-z]+)=[^>]*>|<style[\s>]/g)) bad.push(`${path}: ${what}`);
      }
      assert.deepEqual(bad, []);
    });

    test("searching from the header and on the search page breaks nothing", async () => {
      const problems = await withPage(s.browser, async (page) => {
        await page.goto(s.url + "/");
        await page.fill("#site-search-q", "parent");
        await page.waitForSelector(".site-search__panel:not([hidden])");
        await page.press("#site-search-q", "Enter");
        await page.waitForURL(/\/search\/\?q=parent/);
        await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
        await page.fill("#search-q", "help with my teenager");
        await page.waitForFunction(() => /teenager/.test(document.getElementById("search-status").textContent));
        await page.click(".filters__summary");
        await page.selectOption("#filter-category", { index: 1 });
        await page.waitForFunction(() => /filters/.test(document.getElementById("search-status").textContent));
      });
      assert.deepEqual(problems, []);
    });

    test("filtering the services breaks nothing", async () => {
      const problems = await withPage(s.browser, async (page) => {
        await page.goto(s.url + "/services/");
        await page.click(".filters__summary");
        await page.selectOption("#filter-area", { index: 1 });
        await page.check("#filter-free");
        await page.waitForFunction(() => document.getElementById("filter-status").textContent !== "");
        await page.click("[data-clear]");
      });
      assert.deepEqual(problems, []);
    });

    test("opening and closing steps breaks nothing", async (t) => {
      const pathway = s.pages.find((p) => /^\/pathways\/[^/]+\/$/.test(p));
      if (!pathway) return t.skip("the site has no step-by-step pathway");
      const problems = await withPage(s.browser, async (page) => {
        await page.goto(s.url + pathway);
        await page.locator(".step-nav__button").first().click();
        await page.click(".step-nav__show-all");
        await page.click(".step-nav__show-all");
      });
      assert.deepEqual(problems, []);
    });

    test("Exit this page breaks nothing before it leaves", async () => {
      const problems = await withPage(s.browser, async (page) => {
        await page.goto(s.url + "/search/?q=abuse");
        await page.keyboard.press("Shift");
        await page.keyboard.press("Shift");
        await page.waitForSelector(".exit-this-page__indicator--visible");
        const problems = [...page.problems];
        await page.click(".exit-this-page__button");
        await page.waitForURL((url) => url.hostname !== "127.0.0.1");
        page.problems = problems;  // the neutral site stands in for another site
      });
      assert.deepEqual(problems, []);
    });
  });
}

// A test of the test: a page with an inline style attribute, an inline
// script and a script from another site is reported three times over.
test("the check catches what the policy blocks", async () => {
  const dir = buildSite(join(SOURCE_DIR, "tests", "sites", "basic", "content"));
  const server = await serve(dir);
  const chrome = await launch();
  try {
    const problems = await withPage(chrome.browser, async (page) => {
      await page.route(server.url + "/about/", async (route) => {
        const html = readFileSync(join(dir, "about", "index.html"), "utf8").replace(
          "</main>", "<p style=\"color:red\">Red</p><script>document.title = 'x'</script>" +
          "<script src=\"https://example.org/track.js\"></script></main>");
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      });
      await page.goto(server.url + "/about/");
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 100)));
    });
    const violations = problems.filter((p) => p.includes("CSP violation"));
    assert.equal(violations.length, 3, problems.join("\n"));
    assert.ok(violations.some((p) => p.includes("style-src-attr")), problems.join("\n"));
    assert.ok(violations.some((p) => p.includes("script-src-elem blocked inline")), problems.join("\n"));
    assert.ok(violations.some((p) => p.includes("https://example.org/track.js")), problems.join("\n"));
  } finally {
    await chrome.close();
    await server.close();
    removeSite(dir);
  }
});
