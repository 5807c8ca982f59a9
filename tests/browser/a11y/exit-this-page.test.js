// "Exit this page" on the pages that content marks as sensitive, behaving as
// the GOV.UK Design System's component does: the button, the hidden link after
// the skip link and three presses of Shift leave at once for the neutral site
// in site.yaml, the page is replaced in history, and without JavaScript the
// button is a link that still leaves.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NEUTRAL_PAGE, SOURCE_DIR, buildSite, launch, listPages, newContext, removeSite, serve } from "../lib/harness.js";
import { SITES, overlayContent, removeContent, sensitivePaths } from "./lib/sites.js";

// Sets `key: value` in the front matter of a Markdown file.
function setFrontMatter(file, key, value) {
  const [, front, rest] = /^---\r?\n([\s\S]*?)\r?\n(---[\s\S]*)$/.exec(readFileSync(file, "utf8"));
  const lines = front.split(/\r?\n/).filter((line) => !line.startsWith(`${key}:`));
  writeFileSync(file, `---\n${[...lines, `${key}: ${value}`].join("\n")}\n${rest}`);
}

// The pages with the button, from the built files.
function pagesWithExit(dir) {
  return listPages(dir).filter((path) => {
    const file = join(dir, path.endsWith(".html") ? path : `${path}index.html`);
    return readFileSync(file, "utf8").includes('class="exit-this-page__button"');
  });
}

// The default content, the basic fixture, wakefield, and basic with the
// strategy's introduction marked sensitive and a young people's page marked
// not sensitive (the two ways content can differ from the defaults).
const variants = [...SITES, {
  name: "basic with its flags changed",
  skip: false,
  make() {
    const content = overlayContent(join(SOURCE_DIR, "tests", "sites", "basic", "content"));
    setFrontMatter(join(content, "strategy", "index.md"), "sensitive", "true");
    setFrontMatter(join(content, "young-people", "what-you-told-us.md"), "sensitive", "false");
    return content;
  },
}];

describe("which pages have Exit this page", () => {
  for (const site of variants) {
    test(`on the ${site.name} site: the pages marked sensitive, and no others`, { skip: site.skip }, () => {
      const content = site.make ? site.make() : site.content;
      const dir = buildSite(content);
      try {
        const expected = sensitivePaths(content);
        assert.deepEqual(pagesWithExit(dir), expected);
        if (site.make) assert.ok(expected.includes("/strategy/") && !expected.includes("/young-people/what-you-told-us/"));
      } finally {
        removeSite(dir);
        if (site.make) removeContent(content);
      }
    });
  }
});

describe("how Exit this page behaves", () => {
  let dir, server, chrome, exitUrl;
  const SENSITIVE = "/worried/";

  before(async () => {
    dir = buildSite(join(SOURCE_DIR, "tests", "sites", "basic", "content"));
    server = await serve(dir);
    chrome = await launch();
    exitUrl = /data-exit-url="([^"]+)"/.exec(readFileSync(join(dir, "worried", "index.html"), "utf8"))[1];
  });

  after(async () => {
    await chrome?.close();
    await server?.close();
    if (dir) removeSite(dir);
  });

  // A page that came to the sensitive page from the home page, so that there
  // is a page to go Back to.
  async function openSensitivePage(options = {}) {
    const context = await newContext(chrome.browser, { viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    await page.goto(server.url + "/");
    await page.goto(server.url + SENSITIVE);
    return { context, page };
  }

  // Left for the neutral site, the sensitive page's entry in the history was
  // replaced (not added to), and Back goes to the page before it.
  async function assertLeftForGood(page, entries) {
    await page.waitForURL(exitUrl);
    assert.equal(await page.title(), "Neutral site");
    assert.equal(await page.evaluate(() => history.length), entries, "leaving added to the history instead of replacing");
    await page.goBack();
    assert.equal(page.url(), server.url + "/", "Back did not skip the sensitive page");
  }

  test("the button leaves for the site.yaml exit_url and Back does not return", async () => {
    const { context, page } = await openSensitivePage();
    const button = page.getByRole("link", { name: "Emergency Exit this page" });
    assert.equal(await button.getAttribute("href"), exitUrl);
    const entries = await page.evaluate(() => history.length);
    await button.click();
    await assertLeftForGood(page, entries);
    await context.close();
  });

  test("the page is blanked with a Loading. message while the neutral site loads", { timeout: 60_000 }, async () => {
    const { context, page } = await openSensitivePage();
    // The neutral site answers only once the page has said what it shows, so
    // that the page cannot be gone before (routes run newest first).
    let answer;
    const answered = new Promise((ok) => { answer = ok; });
    await context.route((url) => url.href === exitUrl, async (route) => {
      await answered;
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: NEUTRAL_PAGE });
    });
    // Playwright's locators and evaluate() wait for the pending navigation, so
    // the page reports what it shows in a console message instead.
    const seen = new Promise((ok) => page.on("console", (m) => m.text().startsWith("overlay") && ok(m.text())));
    await page.evaluate(() => new MutationObserver(() => {
      const overlay = document.querySelector(".exit-this-page-overlay");
      if (overlay && overlay.textContent)
        console.log(`overlay role=${overlay.getAttribute("role")} text=${overlay.textContent} ` +
          `main visible=${document.querySelector("main").checkVisibility()}`);
    }).observe(document.body, { childList: true, subtree: true }));
    await page.getByRole("link", { name: "Emergency Exit this page" }).click({ noWaitAfter: true });
    assert.equal(await seen, "overlay role=alert text=Loading. main visible=false");
    answer();
    await page.waitForURL(exitUrl);
    await context.close();
  });

  test("pressing Shift 3 times leaves, saying how many presses are left", async () => {
    const { context, page } = await openSensitivePage();
    const entries = await page.evaluate(() => history.length);
    const status = page.locator(".exit-this-page [role=status]");
    await page.keyboard.press("Shift");
    assert.equal(await status.textContent(), "Shift, press 2 more times to exit.");
    assert.equal(await page.locator(".exit-this-page__indicator .is-on").count(), 1);
    await page.keyboard.press("Shift");
    assert.equal(await status.textContent(), "Shift, press 1 more time to exit.");
    await page.keyboard.press("Shift");
    await assertLeftForGood(page, entries);
    await context.close();
  });

  test("Shift used for capital letters, or pressed with more than 5 seconds between, does not leave", async () => {
    const { context, page } = await openSensitivePage();
    await page.clock.install();
    await page.reload();
    for (const key of ["Shift+A", "Shift+B", "Shift+C"]) await page.keyboard.press(key);
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.clock.runFor(5100);
    assert.equal(await page.locator(".exit-this-page [role=status]").textContent(), "Exit this page expired.");
    await page.keyboard.press("Shift");
    await page.clock.runFor(1000);
    assert.equal(page.url(), server.url + SENSITIVE);
    assert.equal(await page.locator(".exit-this-page__indicator .is-on").count(), 1);
    await context.close();
  });

  test("the second Tab reaches a visible Exit this page link that leaves", async () => {
    const { context, page } = await openSensitivePage();
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, href: el.getAttribute("href"), onScreen: box.left >= 0 && box.top >= 0 && box.width > 0 };
    });
    assert.deepEqual(focused, { text: "Exit this page", href: exitUrl, onScreen: true });
    await page.keyboard.press("Enter");
    await assertLeftForGood(page, entries);
    await context.close();
  });

  test("without JavaScript the button is a link that still leaves, and the hint does not mention Shift", async () => {
    const { context, page } = await openSensitivePage({ javaScriptEnabled: false });
    assert.equal(await page.locator(".exit-this-page__shift-hint").isVisible(), false);
    await page.getByRole("link", { name: "Emergency Exit this page" }).click();
    await page.waitForURL(exitUrl);
    assert.equal(await page.title(), "Neutral site");
    await context.close();
  });

  test("with JavaScript the hint says that Shift 3 times also leaves", async () => {
    const { context, page } = await openSensitivePage();
    assert.equal(await page.locator(".exit-this-page__hint").innerText(),
      "This takes you to another website at once. You can also press the Shift key 3 times.");
    await context.close();
  });

  test("a page that is not sensitive does not leave when Shift is pressed 3 times", async () => {
    const context = await newContext(chrome.browser);
    const page = await context.newPage();
    await page.goto(server.url + "/about/");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForTimeout(200);
    assert.equal(page.url(), server.url + "/about/");
    assert.deepEqual(context.outsideRequests, []);
    await context.close();
  });
});
