// The content security policy, page by page (issue 21): no page of any site
// breaks it when it loads, with its scripts, SVG charts and JSON-LD. Apart
// from csp.test.js, whose interactions it would push past node's time limit
// for one test file.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { inParallel, newContext } from "./lib/harness.js";
import { SITES, useSite } from "./a11y/lib/sites.js";
import { watchedPage } from "./lib/csp.js";

for (const site of SITES) {
  describe(`the content security policy on each page of the ${site.name} site`, { skip: site.skip }, () => {
    const s = useSite(site);

    test("no page breaks the policy when it loads, with its scripts, charts and JSON-LD", async (t) => {
      const problems = (await inParallel(s.pages, 2, () => newContext(s.browser), async (path, context) => {
        const page = await watchedPage(context);
        // Deferred scripts have run by "load"; violations are reported a
        // task later.
        await page.goto(s.url + path, { waitUntil: "load" });
        await page.evaluate(() => new Promise((ok) => setTimeout(ok, 100)));
        await page.close();
        return page.problems;
      }, (context) => context.close())).flat();
      t.diagnostic(`${s.pages.length} pages loaded`);
      assert.deepEqual(problems, []);
    });
  });
}
