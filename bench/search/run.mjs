// Compares offergen's search with Pagefind on the same built site, in headless
// Debian chromium:
//   - bytes a browser downloads to answer a first query (cold cache), over a
//     server that gzips text as a web host does;
//   - time from pressing Enter to the first results, on localhost and on a
//     throttled "slow 4G" connection (150 ms, 1.6 Mbit/s);
//   - how many of the queries of a query file get their page into the top 3.
//
//   cd bench/search && npm install && node run.mjs [QUERY_FILE]
//
// QUERY_FILE is relative to the repository root, default
// tests/search/fixture-queries.yaml; its `content:` is what is built. The
// offergen binary is $OFFERGEN_BINARY or build/offergen (./build.sh makes it).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { readQueryFile, runQueries } from "../../tests/browser/search/queries.js";

const HERE = dirname(new URL(import.meta.url).pathname);
const SOURCE_DIR = resolve(HERE, "../..");
const OFFERGEN = process.env.OFFERGEN_BINARY || join(SOURCE_DIR, "build", "offergen");
const PAGEFIND = join(HERE, "node_modules", ".bin", "pagefind");
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const queryFile = process.argv[2] || "tests/search/fixture-queries.yaml";
const file = readQueryFile(join(SOURCE_DIR, queryFile));

// The same built site, indexed by both.
const work = mkdtempSync(join(tmpdir(), "offergen-search-bench-"));
const site = join(work, "site");
execFileSync(OFFERGEN, ["build", "--quiet", "--content", join(SOURCE_DIR, file.content), "--templates",
  join(SOURCE_DIR, "templates"), "--out", site, "--today", "2026-11-22"], { stdio: ["ignore", "ignore", "inherit"] });
execFileSync(PAGEFIND, ["--site", site], { stdio: ["ignore", "ignore", "inherit"] });
// A bare page for Pagefind's own JavaScript API: its lightest way to search
// (no UI code or CSS is counted for it). It shows the first 5 results, as
// Pagefind's UI does, loading each result's fragment for its title and URL.
mkdirSync(join(site, "pagefind-bench"));
writeFileSync(join(site, "pagefind-bench", "index.html"), `<!DOCTYPE html><html lang="en"><title>Pagefind</title>
<script type="module">
window.runQuery = async (q) => {
  const t0 = performance.now();
  const pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  return { ms: performance.now() - t0, urls: data.map((d) => d.url) };
};
</script>`);

// Static files, gzipped when the browser accepts it (text only: Pagefind's
// index files are compressed already).
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm", ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream", ".pf_filter": "application/octet-stream" };
const TEXT = new Set([".html", ".js", ".css", ".json", ".xml", ".txt", ".svg"]);
const server = createServer((req, res) => {
  let file = normalize(join(site, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  if (!file.startsWith(site)) return res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) return res.writeHead(404).end();
  let body = readFileSync(file);
  const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
  if (TEXT.has(extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
    body = gzipSync(body, { level: 9 });
    headers["content-encoding"] = "gzip";
  }
  res.writeHead(200, headers).end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

const engines = {
  offergen: {
    page: "/search/",
    ours: (path) => /^\/(assets\/search\.|search\/.+\.json$)/.test(path),
    // From Enter to the results on the page.
    query: (page, q) => page.evaluate((q) => new Promise((done) => {
      const input = document.getElementById("search-q");
      const status = document.getElementById("search-status");
      input.value = q;
      const t0 = performance.now();
      new MutationObserver((_, observer) => {
        if (!status.textContent.includes("\u201c" + q + "\u201d")) return;
        observer.disconnect();
        done({ ms: performance.now() - t0 });
      }).observe(status, { childList: true, characterData: true, subtree: true });
      input.form.requestSubmit();
    }), q),
  },
  pagefind: {
    page: "/pagefind-bench/",
    ours: (path) => path.startsWith("/pagefind/"),
    query: (page, q) => page.evaluate((q) => window.runQuery(q), q),
  },
};

// One cold first query: a fresh browser profile (empty cache), the search
// page loaded, then the query. Counts the bytes of every search file fetched
// (the search page's own HTML and CSS are not counted for either).
async function firstQuery(engine, q, network) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", network);
  }
  const responses = [];
  page.on("requestfinished", (r) => responses.push(r));
  await page.goto(origin + engine.page, { waitUntil: "load" });
  const { ms } = await engine.query(page, q);
  await page.waitForLoadState("networkidle");
  let bytes = 0, files = 0;
  for (const r of responses) {
    if (!engine.ours(new URL(r.url()).pathname)) continue;
    bytes += (await r.sizes()).responseBodySize;
    files++;
  }
  await context.close();
  return { ms, bytes, files };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const rows = {};
for (const [name, engine] of Object.entries(engines)) {
  const cold = [], slow = [];
  for (const q of file.queries) cold.push(await firstQuery(engine, q.query));
  for (const q of file.queries.slice(0, 5)) slow.push(await firstQuery(engine, q.query, SLOW_4G));
  rows[name] = { cold, slow };
}

// Answers: our search page through the query test's own runner; Pagefind's
// first 3 results. Pagefind finds pages, not glossary entries, so
// "/glossary/#cpp" counts as found when it returns "/glossary/".
const answers = {};
const misses = { offergen: [], pagefind: [] };
{
  const ours = await runQueries(browser, origin, file);
  answers.offergen = ours.hits.length;
  misses.offergen = ours.misses.map((m) => `"${m.query}" (${m.expect}): ${m.got.join(", ") || "nothing"}`);
}
{
  const page = await browser.newPage();
  await page.goto(origin + engines.pagefind.page);
  let hits = 0;
  for (const q of file.queries) {
    const { urls } = await engines.pagefind.query(page, q.query);
    const expect = q.expect.replace(/#.*$/, "");
    if (urls.slice(0, 3).includes(expect)) hits++;
    else misses.pagefind.push(`"${q.query}" (${q.expect}): ${urls.slice(0, 3).join(", ") || "nothing"}`);
  }
  answers.pagefind = hits;
  await page.close();
}

await browser.close();
await new Promise((ok) => server.close(ok));
rmSync(work, { recursive: true, force: true });

const kb = (b) => (b / 1024).toFixed(1) + " KB";
const fmt = (ms) => ms.toFixed(0) + " ms";
console.log(`Search benchmark: ${file.queries.length} queries from ${queryFile}, content ${file.content}\n`);
console.log("| | offergen | Pagefind |");
console.log("| --- | --- | --- |");
const line = (label, f) => console.log(`| ${label} | ${f("offergen")} | ${f("pagefind")} |`);
line("bytes for a first query, cold cache (median over the queries)", (e) => kb(median(rows[e].cold.map((r) => r.bytes))));
line(`bytes for the first query ("${file.queries[0].query}")`, (e) => `${kb(rows[e].cold[0].bytes)} in ${rows[e].cold[0].files} files`);
line("time to first results, localhost, cold (median)", (e) => fmt(median(rows[e].cold.map((r) => r.ms))));
line("time to first results, slow 4G, cold (median of 5)", (e) => fmt(median(rows[e].slow.map((r) => r.ms))));
line("queries with their page in the top 3", (e) => `${answers[e]} of ${file.queries.length}`);
for (const [name, list] of Object.entries(misses)) {
  if (list.length) console.log(`\n${name} missed:\n  ${list.join("\n  ")}`);
}
