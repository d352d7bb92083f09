// The API, the server, ingestion and the scripts reach the archive through one interface
// (src/store/store.ts) and open it through open-store.ts: none of them holds an engine's
// connection or writes SQL, so either engine serves them unchanged.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

const CALLERS = ["src/graphql", "src/server", "src/archive", "scripts"];
const ALLOWED = /\/store\/(store|open-store)\.js$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

describe("the store interface", () => {
  it("is the only part of src/store/ that the API, the server, ingestion and the scripts import", () => {
    const strays = CALLERS.flatMap((dir) => sourceFiles(join(projectRoot, dir))).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from "([^"]*\/store\/[^"]*)"/g)]
        .map((m) => m[1])
        .filter((specifier) => !ALLOWED.test(specifier))
        .map((specifier) => `${relative(projectRoot, file)} imports ${specifier}`),
    );
    expect(strays).toEqual([]);
  });
});
