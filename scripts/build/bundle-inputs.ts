// What a browser bundle (the IDE's, the explorer's) is made from: its build script, its
// browser code and the installed packages (the lockfile). `npm install` runs each build on
// every install; when none of its inputs changed since the last build, the bundle is kept.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `dir`, in a fixed order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A hash of the files' paths and contents (a missing file counts as empty). */
export function inputsHash(files: string[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update(existsSync(file) ? readFileSync(file) : "");
  return hash.digest("hex");
}

/**
 * Exits, saying so, when the bundle in `buildDir` was built from these `inputs` and its
 * script is there; `--force` on the command line rebuilds anyway.
 */
export function exitIfUpToDate(what: string, command: string, root: string, buildDir: string, inputs: string, previous: { inputs?: string; script: string } | null): void {
  if (process.argv.includes("--force") || previous?.inputs !== inputs || !existsSync(join(buildDir, previous.script))) return;
  console.log(`${what} in ${relative(root, buildDir)}/ is up to date (${command} -- --force rebuilds it)`);
  process.exit(0);
}
