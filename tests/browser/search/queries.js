// Reads a query file (tests/search/*.yaml) and runs its queries on a built
// site's search page in chromium. Shared by the query test and bench/search.
//
// The files use a small, strict subset of YAML, read here without a YAML
// library: top-level `key: value` lines (`content:`), and a `queries:` list
// of mappings with `query`, `expect` and `who`. Values may be in quotes;
// `#` starts a comment. Anything else is an error, so a typo cannot silently
// drop a query.
import { readFileSync } from "node:fs";

function scalar(text, where) {
  let v = text.trim();
  if (v.startsWith('"') || v.startsWith("'")) {
    const q = v[0];
    const end = v.indexOf(q, 1);
    if (end < 0) throw new Error(`${where}: unclosed quote`);
    const rest = v.slice(end + 1).trim();
    if (rest && !rest.startsWith("#")) throw new Error(`${where}: text after the closing quote`);
    return v.slice(1, end);
  }
  const hash = v.search(/(^|\s)#/);
  if (hash >= 0) v = v.slice(0, hash).trim();
  return v;
}

export function readQueryFile(path) {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const file = { path, content: null, queries: [] };
  let inList = false;
  let current = null;
  lines.forEach((line, i) => {
    const where = `${path}:${i + 1}`;
    if (/^\s*(#.*)?$/.test(line)) return;
    let m;
    if ((m = /^([a-z_]+):\s*(.*)$/.exec(line))) {
      inList = m[1] === "queries";
      if (inList) {
        if (scalar(m[2], where) !== "") throw new Error(`${where}: 'queries:' takes a list on the lines below`);
      } else if (m[1] === "content") {
        file.content = scalar(m[2], where);
      } else {
        throw new Error(`${where}: unknown key '${m[1]}'`);
      }
      return;
    }
    if (!inList) throw new Error(`${where}: expected 'content:' or 'queries:'`);
    if ((m = /^\s+-\s+([a-z_]+):\s*(.*)$/.exec(line))) {
      current = {};
      file.queries.push(current);
    } else if (!(m = /^\s+([a-z_]+):\s*(.*)$/.exec(line)) || !current) {
      throw new Error(`${where}: expected '- query: ...' or '  expect: ...'`);
    }
    if (!["query", "expect", "who"].includes(m[1])) throw new Error(`${where}: unknown key '${m[1]}'`);
    current[m[1]] = scalar(m[2], where);
  });
  if (!file.content) throw new Error(`${path}: no 'content:' folder`);
  file.queries.forEach((q, i) => {
    if (!q.query || !q.expect) throw new Error(`${path}: query ${i + 1} needs both 'query' and 'expect'`);
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
