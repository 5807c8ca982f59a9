// The sites the accessibility tests run over, and what the tests need to know
// about a built site: its pages, their kinds, and which ones are sensitive.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { after, before } from "node:test";
import { parse as parseYaml } from "yaml";
import { SOURCE_DIR, buildSite, launch, listPages, removeSite, serve } from "../../lib/harness.js";

// The default content, the fixture with every kind of page, and the second
// example partnership (while its folder does not exist, its tests are skipped
// with that reason printed). OFFERGEN_A11Y_SITES="name=folder,..." tests other
// content folders instead, such as an author's own.
const DEFAULT_SITES = [
  { name: "default", content: join(SOURCE_DIR, "content") },
  { name: "basic", content: join(SOURCE_DIR, "tests", "sites", "basic", "content") },
  { name: "wakefield", content: join(SOURCE_DIR, "examples", "wakefield", "content") },
];
const chosen = (process.env.OFFERGEN_A11Y_SITES || "").split(",").filter(Boolean).map((entry) => {
  const [name, folder] = entry.includes("=") ? entry.split("=", 2) : [basename(resolve(entry, "..")), entry];
  return { name, content: resolve(folder) };
});
export const SITES = (chosen.length ? chosen : DEFAULT_SITES).map((site) => ({
  ...site,
  skip: existsSync(site.content) ? false : `${relative(SOURCE_DIR, site.content)} does not exist yet`,
}));

// Builds and serves `site` before the tests of a file and launches chromium;
// cleans everything up after them. The returned object is filled in by then.
export function useSite(site) {
  const state = { site };
  before(async () => {
    if (site.skip) return;
    state.dir = buildSite(site.content);
    state.server = await serve(state.dir);
    state.url = state.server.url;
    state.pages = listPages(state.dir);
    state.chrome = await launch();
    state.browser = state.chrome.browser;
  });
  after(async () => {
    await state.chrome?.close();
    await state.server?.close();
    if (state.dir) removeSite(state.dir);
  });
  return state;
}

// Pages that are kinds of their own, whatever section they are in.
const SPECIAL_PAGES = { "/strategy/plan-on-a-page/": "plan-on-a-page" };

// The kind of a page, from its address: "home", "404", "services-index",
// "services" (one service), "page" (a free page from content/pages/),
// "glossary" and so on. A section of the site is an index when other pages
// sit below it; any other page at the top is a kind of its own.
export function pageKind(path, allPaths, freePages) {
  if (SPECIAL_PAGES[path]) return SPECIAL_PAGES[path];
  if (path === "/") return "home";
  if (path.endsWith(".html")) return basename(path, ".html");
  const parts = path.split("/").filter(Boolean);
  if (parts.length > 1) return parts[0];
  if (allPaths.some((p) => p !== path && p.startsWith(path))) return `${parts[0]}-index`;
  return freePages.includes(parts[0]) ? "page" : parts[0];
}

// The ids of the free pages of `content` (content/pages/*.md).
export function freePageIds(content) {
  return filesIn(join(content, "pages"), ".md").map((f) => basename(f, ".md"));
}

// One page of each kind (the first by address), as [kind, path] pairs.
export function onePagePerKind(paths, content) {
  const free = freePageIds(content);
  const kinds = new Map();
  for (const path of paths) {
    const kind = pageKind(path, paths, free);
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

// The `sensitive:` of a Markdown file's front matter (read with npm's yaml
// package), or `fallback` when it is not set.
function sensitiveFlag(file, fallback) {
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  if (lines[0].trimEnd() !== "---") return fallback;
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === "---" || line.trimEnd() === "..."));
  if (end < 0) return fallback;
  const front = parseYaml(lines.slice(1, end).join("\n"));
  return typeof front?.sensitive === "boolean" ? front.sensitive : fallback;
}

function filesIn(dir, extension) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(extension)).sort() : [];
}

// The addresses of the pages that the content marks as sensitive: a page,
// pathway, strategy part or service with `sensitive: true`, and every young
// people's page unless it says `sensitive: false`. Worked out from the content
// files, independently of offergen, so the test checks offergen's rule. Also
// the search page, always; the topic page of each category of site.yaml with
// `sensitive: true`; and the glossary when one of its terms has it.
export function sensitivePaths(content) {
  const paths = [];
  const markdown = (folder, route, fallback) => {
    const dir = join(content, folder);
    const files = filesIn(dir, ".md");
    const hasIndexPage = folder === "pages" || files.length > 0;
    let indexSensitive = fallback;
    for (const file of files) {
      const id = basename(file, ".md");
      const sensitive = sensitiveFlag(join(dir, file), fallback);
      if (id === "index") indexSensitive = sensitive;
      else if (sensitive) paths.push(folder === "pages" ? `/${id}/` : `${route}${id}/`);
    }
    if (hasIndexPage && indexSensitive) paths.push(folder === "pages" ? "/" : route);
  };
  markdown("pages", "/", false);
  markdown("pathways", "/pathways/", false);
  markdown("strategy", "/strategy/", false);
  markdown("young-people", "/young-people/", true);
  for (const file of filesIn(join(content, "services"), ".md"))
    if (sensitiveFlag(join(content, "services", file), false)) paths.push(`/services/${basename(file, ".md")}/`);
  paths.push("/search/");
  const yamlOf = (name) => (existsSync(join(content, name)) ? parseYaml(readFileSync(join(content, name), "utf8")) : null);
  const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  for (const c of yamlOf("site.yaml")?.categories ?? [])
    if (c.sensitive === true) paths.push(`/categories/${c.id ?? slug(c.name)}/`);
  if ((yamlOf("glossary.yaml")?.terms ?? []).some((t) => t.sensitive === true)) paths.push("/glossary/");
  return paths.sort();
}

// A copy of the content folder `base` with the files of `overlay` (a folder
// laid out like a content folder) put over it, and `siteYamlLines` added to
// its site.yaml. Returns the new content folder, inside a temporary folder
// that removeContent() deletes.
export function overlayContent(base, overlay, siteYamlLines = []) {
  const dir = join(mkdtempSync(join(tmpdir(), "offergen-content-")), "content");
  cpSync(base, dir, { recursive: true });
  if (overlay) cpSync(overlay, dir, { recursive: true });
  if (siteYamlLines.length) appendFileSync(join(dir, "site.yaml"), `\n${siteYamlLines.join("\n")}\n`);
  return dir;
}

export function removeContent(dir) {
  rmSync(join(dir, ".."), { recursive: true, force: true });
}
