// axe-core on every generated page of every site, at 1280 px and at 320 px:
// no WCAG 2.2 AA violation anywhere, and no request to any other site.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { auditPages } from "./lib/axe.js";
import { SITES, useSite } from "./lib/sites.js";

for (const site of SITES) {
  describe(`axe on the ${site.name} site`, { skip: site.skip }, () => {
    const s = useSite(site);

    test("every page has no WCAG 2.2 AA violation at 1280 px and 320 px", async (t) => {
      const { failures, outsideRequests } = await auditPages(s.browser, s.url, s.pages);
      t.diagnostic(`${s.pages.length} pages checked`);
      assert.ok(s.pages.length > 1, "the site has pages");
      assert.equal(failures.length, 0, `axe found ${failures.length} violations:\n\n${failures.join("\n\n")}\n`);
      assert.deepEqual(outsideRequests, [], "pages asked another site for something");
    });
  });
}
