// Shared by the browser tests: builds a site with offergen, serves it on
// 127.0.0.1, and launches Debian's chromium through playwright-core.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative, resolve } from "node:path";
import { chromium } from "playwright-core";

export const SOURCE_DIR = resolve(new URL("../../..", import.meta.url).pathname);
export const OFFERGEN = process.env.OFFERGEN_BINARY || join(SOURCE_DIR, "build", "offergen");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Builds `content` into a fresh temporary folder; returns the folder. What
// offergen prints (the content's warnings) is kept out of the test log unless
// the build fails; then the error says what offergen printed.
export function buildSite(content, extraArgs = []) {
  const out = join(mkdtempSync(join(tmpdir(), "offergen-browser-")), "site");
  const args = ["build", "--quiet", "--content", content, "--templates", join(SOURCE_DIR, "templates"),
    "--out", out, "--today", "2026-11-22", ...extraArgs];
  const run = spawnSync(OFFERGEN, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.error || run.status !== 0) {
    removeSite(out);
    const how = run.error ? run.error.message : run.signal ? `was killed by ${run.signal}` : `exited with ${run.status}`;
    throw new Error(`offergen build of ${content} ${how}:\n${run.stdout}${run.stderr}`);
  }
  return out;
}

export function removeSite(dir) {
  rmSync(resolve(dir, ".."), { recursive: true, force: true });
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

// Every page of a built site, as the path a browser asks for ("/", "/services/",
// "/services/home-start/", "/404.html"), sorted. Read from the folder, so a new
// kind of page is tested the day it is added.
export function listPages(root) {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
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
