// The Nu HTML Checker (npm's vnu-jar, run with the machine's Java).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { SOURCE_DIR } from "../../lib/harness.js";

const VNU = join(SOURCE_DIR, "tests", "browser", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

// The errors the checker finds in the HTML files under `dir`, one line each:
// "/services/index.html:12:5: message" and the source it points at. The
// checker writes its JSON report to standard error and exits 1 when it finds
// errors; any other exit means it did not run.
export function htmlErrors(dir) {
  const run = spawnSync("java", ["-jar", VNU, "--errors-only", "--format", "json", "--skip-non-html", dir],
    { encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) throw new Error(`vnu.jar exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stderr).messages
    .filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => `${(m.url || "").replace(`file:${dir}`, "")}:${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}: ` +
      `${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, " ")}` : ""}`);
}
