// Every generated page of every site, visited once: axe-core at 1280 px and
// at 320 px finds no WCAG 2.2 AA violation; at 320 × 640 nothing scrolls
// sideways or is cut off; chromium reports nothing that the content security
// policy blocked, as the page loads with its scripts, charts and JSON-LD; and
// no page asks another site for anything. (Each kind of page is also checked
// at 400 % zoom and with a reader's text spacing in reflow.test.js, and while
// a reader uses it in csp.test.js.)
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { auditPages } from "./lib/axe.js";
import { reflowProblems } from "./lib/layout.js";
import { SITES, useSite } from "./lib/sites.js";

for (const site of SITES) {
  describe(`every page of the ${site.name} site`, { skip: site.skip }, () => {
    const s = useSite(site);
    let found;
    before(async () => {
      found = await auditPages(s.browser, s.url, s.pages, {
        watchPolicy: true,
        atPhone: (page) => page.evaluate(reflowProblems),
      });
    });

    test("no WCAG 2.2 AA violation at 1280 px and 320 px", (t) => {
      t.diagnostic(`${s.pages.length} pages checked`);
      assert.ok(s.pages.length > 1, "the site has pages");
      const { failures } = found;
      assert.equal(failures.length, 0, `axe found ${failures.length} violations:\n\n${failures.join("\n\n")}\n`);
    });

    test("no page scrolls sideways or cuts text off at 320 × 640", () => {
      assert.deepEqual(found.phoneProblems, [], `at 320 × 640:\n${found.phoneProblems.join("\n")}`);
    });

    test("no page breaks the content security policy when it loads, nor shows a script or console error", () => {
      assert.deepEqual(found.policyProblems, [],
        `chromium reported, while the pages loaded:\n${found.policyProblems.join("\n")}`);
    });

    test("no page asks another site for anything", () => {
      assert.deepEqual(found.outsideRequests, [], "pages asked another site for something");
    });
  });
}
