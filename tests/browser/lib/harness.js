// Shared by the browser tests: builds a site with offergen, serves it on
// 127.0.0.1, and launches Debian's chromium through playwright-core.
import { spawnSync } from "node:child_process";
import { after, before } from "node:test";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import {
  createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, relative, resolve } from "node:path";
import { chromium } from "playwright-core";

export const SOURCE_DIR = resolve(new URL("../../..", import.meta.url).pathname);
export const OFFERGEN = process.env.OFFERGEN_BINARY || join(SOURCE_DIR, "build", "offergen");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Builds `content` and returns the folder of the built site. What offergen
// prints (the content's warnings) is kept out of the test log unless the build
// fails; then the error says what offergen printed.
//
// Several test files build the same content, each in a process of its own, so
// a built site is kept in a cache beside the offergen binary, keyed by the
// binary, the templates, every file of `content` and `extraArgs`: each site
// is built once per run, and again as soon as anything it is built from
// changes. Tests only read the sites. `{ cache: false }` builds into a fresh
// temporary folder instead.
export function buildSite(content, extraArgs = [], { cache = true } = {}) {
  if (!cache) {
    const out = join(mkdtempSync(join(tmpdir(), "offergen-browser-")), "site");
    runBuild(content, extraArgs, out);
    return out;
  }
  const stamp = binaryStamp();
  const hash = createHash("sha256");
  hashTree(hash, join(SOURCE_DIR, "templates"));
  hash.update("\0content\0");
  hashTree(hash, content);
  hash.update(JSON.stringify(extraArgs));
  const entry = join(CACHE_DIR, `${stamp}-${hash.digest("hex").slice(0, 20)}`);
  if (!existsSync(entry)) {
    // Built beside the entry and renamed into place, so that a test file
    // running at the same time never sees half a site.
    const building = mkdtempSync(`${entry}.building-`);
    try {
      runBuild(content, extraArgs, join(building, "site"));
      try {
        renameSync(building, entry);
      } catch (error) {
        if (!existsSync(entry)) throw error;  // another test file built it first
      }
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  }
  return join(entry, "site");
}

// Removes a site that buildSite() made; sites in the cache stay for the
// other test files.
export function removeSite(dir) {
  if (resolve(dir).startsWith(CACHE_DIR + "/")) return;
  rmSync(resolve(dir, ".."), { recursive: true, force: true });
}

const CACHE_DIR = join(dirname(resolve(OFFERGEN)), "browser-sites");

function runBuild(content, extraArgs, out) {
  const args = ["build", "--quiet", "--content", content, "--templates", join(SOURCE_DIR, "templates"),
    "--out", out, "--today", "2026-11-22", ...extraArgs];
  const run = spawnSync(OFFERGEN, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.error || run.status !== 0) {
    rmSync(resolve(out, ".."), { recursive: true, force: true });
    const how = run.error ? run.error.message : run.signal ? `was killed by ${run.signal}` : `exited with ${run.status}`;
    throw new Error(`offergen build of ${content} ${how}:\n${run.stdout}${run.stderr}`);
  }
}

// Which offergen binary built a site: its path, size and time. The first
// time a process asks, sites in the cache that another binary built (an
// earlier run's) are removed.
let stampOfBinary;
function binaryStamp() {
  if (stampOfBinary) return stampOfBinary;
  const { size, mtimeMs } = statSync(OFFERGEN);
  stampOfBinary = createHash("sha256").update(`${resolve(OFFERGEN)}\0${size}\0${mtimeMs}`).digest("hex").slice(0, 12);
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const name of readdirSync(CACHE_DIR))
    if (!name.startsWith(`${stampOfBinary}-`)) rmSync(join(CACHE_DIR, name), { recursive: true, force: true });
  return stampOfBinary;
}

// Adds every file under `dir` (its path from `dir` and its bytes), in a fixed
// order, to `hash`.
function hashTree(hash, dir, prefix = "") {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      hashTree(hash, path, `${prefix}${entry.name}/`);
    } else {
      const bytes = readFileSync(path);
      hash.update(`${prefix}${entry.name}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  }
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".svg": "image/svg+xml", ".pdf": "application/pdf", ".xml": "application/xml", ".txt": "text/plain",
  ".png": "image/png",
};

// Serves `root` on a free port of 127.0.0.1 the way a static host does:
// /x/ serves /x/index.html, unknown paths get /404.html with status 404.
export async function serve(root) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) { file = join(root, "404.html"); status = 404; }
    res.writeHead(status, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// Headless chromium with the flags this machine needs (see the env notes):
// no sandbox as root, no GPU, and no background networking to closed hosts.
// playwright gives every launch a fresh, temporary profile of its own.
export async function launch() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  return { browser, close: () => browser.close() };
}

// For a test file that reads one site: builds `content`, serves it on
// 127.0.0.1 and launches chromium before the file's tests (node:test's
// before), and cleans up after them. The returned object's `url` (the
// server's) and `browser` are set once they are ready.
export function servedSite(content) {
  const site = {};
  before(async () => {
    site.dir = buildSite(content);
    site.server = await serve(site.dir);
    site.url = site.server.url;
    site.chrome = await launch();
    site.browser = site.chrome.browser;
  });
  after(async () => {
    await site.chrome?.close();
    await site.server?.close();
    if (site.dir) removeSite(site.dir);
  });
  return site;
}

// Every page of a built site, as the path a browser asks for ("/", "/services/",
// "/services/home-start/", "/404.html"), sorted. Read from the folder, so a new
// kind of page is tested the day it is added. Not openreferral/: its lists are
// JSON in index.html files, for static hosts (docs/open-referral.md).
export function listPages(root) {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) { if (full !== join(root, "openreferral")) walk(full); }
      else if (entry.name.endsWith(".html")) pages.push("/" + relative(root, full).replace(/(^|\/)index\.html$/, "$1"));
    }
  };
  walk(root);
  return pages.sort();
}

// A page that stands in for every other website: the machine has no internet,
// and the site must never ask another site for anything.
export const NEUTRAL_PAGE = "<!DOCTYPE html><html lang=\"en\"><title>Neutral site</title><h1>Neutral site</h1></html>";

// A browser context whose requests to anything but 127.0.0.1 are answered with
// NEUTRAL_PAGE and recorded in `context.outsideRequests`, so tests can follow a
// link off the site (such as "Exit this page") and can prove that a page asks
// no other site for anything.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.outsideRequests = [];
  await context.route((url) => url.hostname !== "127.0.0.1", (route) => {
    context.outsideRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: NEUTRAL_PAGE });
  });
  return context;
}

// Runs `work(item, worker)` over `items` with `count` workers; each worker gets
// its own value from `makeWorker` (such as a browser page) and `closeWorker`
// cleans it up. Results come back in the order of `items`.
export async function inParallel(items, count, makeWorker, work, closeWorker = async () => {}) {
  const results = new Array(items.length);
  let next = 0;
  const run = async () => {
    const worker = await makeWorker();
    try {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], worker);
      }
    } finally {
      await closeWorker(worker);
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, items.length) }, run));
  return results;
}
