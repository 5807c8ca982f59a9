// The harness's builds: quiet in the test log when they succeed (the content's
// warnings are for authors, not for test runs), a failed build says what
// offergen printed, and the same content is built once for all test files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SOURCE_DIR, buildSite, removeSite } from "./lib/harness.js";
import { overlayContent, removeContent } from "./a11y/lib/sites.js";

const SITES_DIR = join(SOURCE_DIR, "tests", "sites");

test("a build with warnings prints nothing into the test log", () => {
  // The wakefield example has services without contact details, which are warnings.
  const content = join(SOURCE_DIR, "examples", "wakefield", "content");
  const script = `import { buildSite, removeSite } from ${JSON.stringify(join(SOURCE_DIR, "tests", "browser", "lib", "harness.js"))};
    removeSite(buildSite(${JSON.stringify(content)}, [], { cache: false }));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout + run.stderr, "");
});

test("a build that fails throws with what offergen printed", () => {
  const content = overlayContent(join(SITES_DIR, "basic", "content"), join(SITES_DIR, "invalid", "unknown-key", "content"));
  try {
    assert.throws(() => buildSite(content), (error) => {
      assert.match(error.message, /^offergen build of .* exited with 1:\n/);
      assert.match(error.message, /teen-support\.md:8:1: error: unknown key 'localitys' \(did you mean 'localities'\?\)/);
      assert.match(error.message, /6 errors, 1 warning/);
      return true;
    });
  } finally {
    removeContent(content);
  }
});

test("the same content is built once; a changed file or option builds it anew", () => {
  const content = overlayContent(join(SITES_DIR, "basic", "content"));
  try {
    const first = buildSite(content);
    const built = statSync(join(first, "index.html")).mtimeMs;
    removeSite(first);  // a cached site stays for the other test files
    const again = buildSite(content);
    assert.equal(again, first);
    assert.equal(statSync(join(again, "index.html")).mtimeMs, built, "the site was built again");

    assert.notEqual(buildSite(content, ["--base-url", "/offer/"]), first);
    appendFileSync(join(content, "pages", "about.md"), "\nOne more line.\n");
    const changed = buildSite(content);
    assert.notEqual(changed, first);
    assert.match(readFileSync(join(changed, "about", "index.html"), "utf8"), /One more line\./);
  } finally {
    removeContent(content);
  }
});
