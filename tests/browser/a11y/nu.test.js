// The Nu HTML Checker over every file of every built site: no errors.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildSite, listPages, removeSite } from "../lib/harness.js";
import { htmlErrors } from "./lib/nu.js";
import { SITES } from "./lib/sites.js";

const built = SITES.filter((site) => !site.skip).map((site) => ({ site }));
let errors;

before(() => {
  for (const b of built) b.dir = buildSite(b.site.content);
  errors = htmlErrors(...built.map((b) => b.dir));
});

after(() => {
  for (const b of built) if (b.dir) removeSite(b.dir);
});

for (const site of SITES) {
  describe(`the Nu HTML Checker on the ${site.name} site`, { skip: site.skip }, () => {
    test("every page is valid HTML", (t) => {
      const i = built.findIndex((b) => b.site === site);
      t.diagnostic(`${listPages(built[i].dir).length} pages checked`);
      assert.equal(errors[i].length, 0, `the Nu HTML Checker found ${errors[i].length} errors:\n${errors[i].join("\n")}\n`);
    });
  });
}
