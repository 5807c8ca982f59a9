// The Nu HTML Checker over every file of every built site: no errors.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildSite, listPages, removeSite } from "../lib/harness.js";
import { htmlErrors } from "./lib/nu.js";
import { SITES } from "./lib/sites.js";

for (const site of SITES) {
  describe(`the Nu HTML Checker on the ${site.name} site`, { skip: site.skip }, () => {
    test("every page is valid HTML", (t) => {
      const dir = buildSite(site.content);
      try {
        const errors = htmlErrors(dir);
        t.diagnostic(`${listPages(dir).length} pages checked`);
        assert.equal(errors.length, 0, `the Nu HTML Checker found ${errors.length} errors:\n${errors.join("\n")}\n`);
      } finally {
        removeSite(dir);
      }
    });
  });
}
