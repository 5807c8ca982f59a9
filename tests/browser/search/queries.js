// Reads a query file (tests/search/*.yaml) and runs its queries on a built
// site's search page in chromium. Shared by the query test and bench/search.
//
// A query file is YAML: `content:` (the content folder to build, from the
// repository's root) and `queries:`, a list of mappings with `query`,
// `expect` and `who`. It is read with the failsafe schema, so every value is
// a string, as typed. A YAML error, an unknown key or a query without `query`
// or `expect` is an error, so a typo cannot silently drop a query.
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

export function readQueryFile(path) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, "utf8"), { schema: "failsafe", lineCounter });
  const [error] = doc.errors;
  if (error) {
    const { line, col } = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    throw new Error(`${path}:${line}:${col}: ${error.message}`);
  }
  const fail = (node, message) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    throw new Error(`${path}:${line}:${col}: ${message}`);
  };
  const mapping = (node, keys, what) => {
    if (!isMap(node)) fail(node, `expected ${what}`);
    for (const { key, value } of node.items) {
      if (!keys.includes(key?.value)) fail(key, `unknown key '${key?.value}'`);
      if (key.value !== "queries" && !isScalar(value)) fail(value ?? key, `'${key.value}' takes a single value`);
    }
  };
  mapping(doc.contents, ["content", "queries"], "'content:' and 'queries:'");
  let list = doc.contents.get("queries", true);
  if (isScalar(list) && list.value === "") list = undefined; // `queries:` with no items
  if (list !== undefined && !isSeq(list)) fail(list, "'queries:' takes a list on the lines below");
  list?.items.forEach((item) => mapping(item, ["query", "expect", "who"], "'- query: ...' with '  expect: ...'"));
  const file = { path, content: doc.contents.get("content") || null, queries: list ? doc.toJS().queries : [] };
  if (!file.content) throw new Error(`${path}: no 'content:' folder`);
  file.queries.forEach((q, i) => {
    if (!q.query || !q.expect) fail(list.items[i], `query ${i + 1} needs both 'query' and 'expect'`);
  });
  return file;
}

// Types `query` into the search page (already open) and returns the result
// addresses (paths) in order, once the results for this query are shown.
export async function searchPage(page, query) {
  await page.fill("#search-q", "");
  await page.fill("#search-q", query);
  await page.waitForFunction(
    (q) => document.getElementById("search-status").textContent.includes("\u201c" + q.trim() + "\u201d"),
    query, { timeout: 10000 });
  return page.$$eval("#search-results a", (links) => links.map((a) => new URL(a.href).pathname + new URL(a.href).hash));
}

// Runs every query of `file` on the search page at `url`; returns the misses.
export async function runQueries(browser, url, file, top = 3) {
  const page = await browser.newPage();
  await page.goto(url + "/search/");
  const misses = [];
  const hits = [];
  for (const q of file.queries) {
    const results = await searchPage(page, q.query);
    const rank = results.indexOf(q.expect);
    if (rank < 0 || rank >= top) misses.push({ ...q, got: results.slice(0, top) });
    else hits.push({ ...q, rank: rank + 1 });
  }
  await page.close();
  return { hits, misses };
}
