// The Nu HTML Checker (npm's vnu-jar, run with the machine's Java).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { SOURCE_DIR } from "../../lib/harness.js";

const VNU = join(SOURCE_DIR, "tests", "browser", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

// The errors the checker finds in the HTML files under each of `dirs`, one
// list per folder, one line per error: "/services/index.html:12:5: message"
// and the source it points at. One run checks every folder, as starting Java
// takes longer than checking a site. The checker writes its JSON report to
// standard error and exits 1 when it finds errors; any other exit means it
// did not run. The Open Referral API's lists are JSON in index.html files
// (docs/open-referral.md), not pages.
export function htmlErrors(...dirs) {
  const run = spawnSync("java", ["-jar", VNU, "--errors-only", "--format", "json", "--skip-non-html", ...dirs],
    { encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) throw new Error(`vnu.jar exited with ${run.status}: ${run.stderr}`);
  const messages = JSON.parse(run.stderr).messages.filter((m) => m.type === "error" || m.subType === "fatal");
  return dirs.map((dir) => messages
    .filter((m) => (m.url || "").startsWith(`file:${dir}/`) && !m.url.startsWith(`file:${dir}/openreferral/`))
    .map((m) => `${m.url.slice(`file:${dir}`.length)}:${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}: ` +
      `${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, " ")}` : ""}`));
}
