// offergen serve: the preview server on a free loopback port. It serves the
// site, sends a reload event when a file changes, shows the content's
// problems over the last good page, refuses paths outside the site, listens
// on 127.0.0.1 unless told otherwise, and stops cleanly on Ctrl-C. Every
// response carries the content security policy, which the reload script and
// the problems keep to (they are files, not inline).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OFFERGEN, SOURCE_DIR, launch } from "./lib/harness.js";

let dir, server, url, port, output = "";
const service = () => join(dir, "content", "services", "teen-support.md");

// Starts 'offergen serve --port 0' and waits for the address it prints.
function startServer(args = []) {
  const child = spawn(OFFERGEN, ["serve", "--port", "0", "--content", join(dir, "content"), "--templates",
    join(dir, "templates"), "--today", "2026-11-22", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start:\n" + output)), 20000);
    const read = (chunk) => {
      output += chunk;
      const m = output.match(/Serving http:\/\/([0-9.]+):(\d+)\//);
      if (m) { clearTimeout(timer); resolve({ child, host: m[1], port: Number(m[2]) }); }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", (chunk) => { output += chunk; });
    child.on("exit", (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

// Opens the reload stream; resolves with the first event's text.
function nextReload() {
  return new Promise((resolve, reject) => {
    let opened;
    const request = get(`${url}/__offergen/events`, (res) => {
      assert.equal(res.headers["content-type"], "text/event-stream");
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
        if (text.includes("\n\n") && text.includes("event: reload")) { request.destroy(); resolve(text); }
      });
      opened();
    });
    request.on("error", (e) => { if (e.code !== "ECONNRESET") reject(e); });
    setTimeout(() => reject(new Error("no reload event within 10 s")), 10000);
    // Resolve the caller's edit only once the stream is open.
    nextReload.opened = new Promise((ok) => { opened = ok; });
  });
}

async function editAndWait(edit) {
  const event = nextReload();
  await nextReload.opened;
  edit();
  return event;
}

// A document printed in the background also reloads open pages, so an
// edit's reload may come after another one: waits up to 10 s for `check`
// to hold, trying again every 100 ms.
async function eventually(check) {
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

async function page(path) {
  const res = await fetch(url + path);
  return { status: res.status, text: await res.text() };
}

// Sends a request line exactly as written (fetch would remove the "..").
function rawGet(path) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let text = "";
    socket.on("data", (chunk) => { text += chunk; });
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "offergen-serve-"));
  cpSync(join(SOURCE_DIR, "tests", "sites", "basic", "content"), join(dir, "content"), { recursive: true });
  cpSync(join(SOURCE_DIR, "templates"), join(dir, "templates"), { recursive: true });
  server = await startServer();
  port = server.port;
  url = `http://127.0.0.1:${port}`;
});

after(() => {
  if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

test("listens on 127.0.0.1 by default", () => {
  assert.equal(server.host, "127.0.0.1");
  // /proc/net/tcp lists listening sockets (state 0A) as hex address:port.
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const listening = readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)
    .map((line) => line.trim().split(/\s+/)).filter((f) => f[3] === "0A" && f[1]?.endsWith(":" + hexPort));
  assert.deepEqual(listening.map((f) => f[1]), ["0100007F:" + hexPort]);
});

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function assertSecurityHeaders(headers, what) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(headers.get(name), value, `${what}: ${name}`);
}

test("serves the pages with the reload script, and a 404 page", async () => {
  const home = await page("/");
  assert.equal(home.status, 200);
  assert.match(home.text, /<script src="\/__offergen\/reload\.js" data-since="\d+" defer><\/script>\n<\/body>/);
  assert.doesNotMatch(home.text, /<script>/);
  const script = await fetch(url + "/__offergen/reload.js");
  assert.equal(script.status, 200);
  assert.match(script.headers.get("content-type"), /^text\/javascript/);
  assert.match(await script.text(), /new EventSource\("\/__offergen\/events\?since=" \+ since\)/);
  const service = await page("/services/teen-support/");
  assert.match(service.text, /<h1>Teen support &lt;team&gt;<\/h1>/);
  const missing = await page("/no-such-page/");
  assert.equal(missing.status, 404);
  assert.match(missing.text, /Page not found/);
  const css = await fetch(url + "/assets/" + (home.text.match(/assets\/(style\.[0-9a-f]+\.css)/) || [])[1]);
  assert.equal(css.status, 200);
  assert.match(css.headers.get("content-type"), /text\/css/);
});

test("every response carries the security headers", async () => {
  for (const path of ["/", "/services/teen-support/", "/no-such-page/", "/search/docs.json", "/__offergen/reload.js",
    "/__offergen/problems.css", "/services"]) {
    const response = await fetch(url + path, { redirect: "manual" });
    assertSecurityHeaders(response.headers, path);
  }
  const head = await fetch(url + "/", { method: "HEAD" });
  assertSecurityHeaders(head.headers, "HEAD /");
  const events = new AbortController();
  const stream = await fetch(url + "/__offergen/events", { signal: events.signal });
  assertSecurityHeaders(stream.headers, "/__offergen/events");
  events.abort();
  // httplib's own answer to a request it cannot route.
  const refused = await rawGet("/%2e%2e/etc/passwd");
  assert.match(refused, /\r\nContent-Security-Policy: default-src 'self';/);
  assert.match(refused, /\r\nX-Content-Type-Options: nosniff\r\n/);
});

test("refuses paths outside the site", async () => {
  for (const path of ["/../etc/passwd", "/services/../../etc/passwd", "/%2e%2e/etc/passwd"]) {
    const response = await rawGet(path);
    assert.match(response, /^HTTP\/1\.1 (403|400) /, path);
    assert.doesNotMatch(response, /root:/, path);
  }
});

test("an edited service is rebuilt and open pages are told to reload", async () => {
  const event = await editAndWait(() => {
    writeFileSync(service(), readFileSync(service(), "utf8").replace("name: Teen support <team>", "name: Teen support plus"));
  });
  assert.match(event, /event: reload\ndata: \d+\n\n/);
  await eventually(async () => {
    assert.match((await page("/services/teen-support/")).text, /<h1>Teen support plus<\/h1>/);
    assert.match((await page("/services/")).text, />Teen support plus</);
  });
});

test("problems are shown over the last good page until they are fixed", async () => {
  const good = readFileSync(service(), "utf8");
  const before = output.length;
  await editAndWait(() => {
    writeFileSync(service(), good.replace("localities: all", "localities: [nowhere]").replace("Teen support plus", "Broken"));
  });
  const shown = (await page("/services/teen-support/")).text;
  assert.match(shown, /<h1>Teen support plus<\/h1>/, "the last good page is still served");
  const overlay = shown.match(/<div id="offergen-problems" role="alert"[\s\S]*?<pre[^>]*>([\s\S]*?)<\/pre>/);
  assert.ok(overlay, "the page shows the problems");
  assert.equal(overlay[1],
    `${join(dir, "content", "services", "teen-support.md")}:8:14: error: unknown locality &#39;nowhere&#39; ` +
    "(see localities/ for the ones there are)\n  localities: [nowhere]\n               ^\n1 error, 0 warnings\n");

  await editAndWait(() => writeFileSync(service(), good));
  await eventually(async () => {
    const fixed = (await page("/services/teen-support/")).text;
    assert.doesNotMatch(fixed, /offergen-problems/);
    assert.match(fixed, /<h1>Teen support plus<\/h1>/);
  });
  // The terminal says "No problems" once, for the fix: not also while the
  // errors last, when a document printing since the edit before finishes.
  await eventually(async () => assert.match(output.slice(before), /No problems/));
  const terminal = output.slice(before);
  assert.equal((terminal.match(/No problems/g) ?? []).length, 1, terminal);
  assert.equal((terminal.match(/The content has errors/g) ?? []).length, 1, terminal);
});

// Collects the content security policy violations of every page the tab
// loads, reloads included (an init script and a binding are not subject to
// the policy).
async function watchViolations(tab) {
  const violations = [];
  await tab.exposeFunction("reportCspViolation", (v) => violations.push(v));
  await tab.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) =>
    window.reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)));
  return violations;
}

// The violations so far. Nothing is read from the page itself: a reload
// (a print finishing after the edit reloads it once more) may be under way.
async function violationsSoFar(violations) {
  await new Promise((ok) => setTimeout(ok, 200));  // the events are reported asynchronously
  return [...violations];
}

test("a page open in chromium reloads itself after an edit, within its security policy", async () => {
  const chrome = await launch();
  try {
    const tab = await chrome.browser.newPage();
    const violations = await watchViolations(tab);
    const response = await tab.goto(url + "/services/teen-support/");
    assertSecurityHeaders(new Headers(await response.allHeaders()), "the page in chromium");
    assert.equal(await tab.textContent("h1"), "Teen support plus");
    await new Promise((ok) => setTimeout(ok, 300));  // the page opens its event stream
    writeFileSync(service(), readFileSync(service(), "utf8").replace("Teen support plus", "Teen support again"));
    // Only a reload changes the heading: nothing else in the page fetches it.
    // A document printed for the edit before may reload the page first.
    await eventually(async () => assert.equal(await tab.textContent("h1", { timeout: 1000 }), "Teen support again"));
    assert.deepEqual(await violationsSoFar(violations), []);

    // The problems, styled by their own sheet, and the reload once fixed.
    const good = readFileSync(service(), "utf8");
    await new Promise((ok) => setTimeout(ok, 300));
    writeFileSync(service(), good.replace("localities: all", "localities: [nowhere]"));
    await eventually(async () => {
      const position = await tab.evaluate(() => {
        const panel = document.getElementById("offergen-problems");
        return panel && getComputedStyle(panel).position;
      });
      assert.equal(position, "fixed");
    });
    await new Promise((ok) => setTimeout(ok, 300));
    writeFileSync(service(), good);
    // A count, not the element: a failed check that prints an element
    // handle inspects the whole browser connection, seconds under load.
    await eventually(async () => assert.equal(await tab.locator("#offergen-problems").count(), 0, output));
    assert.equal(await tab.textContent("h1"), "Teen support again");
    assert.deepEqual(await violationsSoFar(violations), []);
  } finally {
    await chrome.close();
  }
});

test("stops cleanly on Ctrl-C, also with a reload stream open", async () => {
  const stream = get(`${url}/__offergen/events`, () => {});
  stream.on("error", () => {});
  await new Promise((ok) => setTimeout(ok, 200));
  const exited = new Promise((ok) => server.child.on("exit", (code, signal) => ok({ code, signal })));
  server.child.kill("SIGINT");
  const result = await Promise.race([exited, new Promise((ok) => setTimeout(() => ok("timeout"), 10000))]);
  assert.deepEqual(result, { code: 0, signal: null }, output);
  assert.match(output, /Stopping/);
});
