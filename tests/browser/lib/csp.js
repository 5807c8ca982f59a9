// Shared by the content security policy tests (csp.test.js, a11y/all-pages.test.js).

// A browser page that records what breaks the policy, from before the page's
// first byte is parsed.
export async function watchedPage(context) {
  const page = await context.newPage();
  page.problems = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error") page.problems.push(`${new URL(page.url()).pathname}: ${m.text()}`);
  });
  page.on("pageerror", (e) => page.problems.push(`${new URL(page.url()).pathname}: ${e.message}`));
  return page;
}
