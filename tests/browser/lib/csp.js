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
  // Problems are labelled with the address under test (page.testedPath, for
  // a page that visits several) rather than where the page is when the
  // report arrives.
  const where = () => page.testedPath ?? new URL(page.url()).pathname;
  page.on("console", (m) => {
    if (m.type() === "error") page.problems.push(`${where()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => page.problems.push(`${where()}: ${e.message}`));
  return page;
}
