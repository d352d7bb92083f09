import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where scripts/build-explorer.ts writes the explorer's bundle (gitignored, rebuilt by `npm install`). */
export const EXPLORER_BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "explorer");

/** One GraphQL operation the explorer sends, by the sha256 of its text (a persisted query). */
export interface ExplorerOperation {
  sha256: string;
  query: string;
}

/** What the build wrote, as paths relative to EXPLORER_BUILD_DIR. */
export interface ExplorerManifest {
  script: string;
  stylesheet: string;
  /** The chunks the script loads later (Observable Plot), for the page to fetch early. */
  preload: string[];
  /** Every operation of the explorer by name: the server knows them before any browser sends one. */
  operations: Record<string, ExplorerOperation>;
  /** Size of every file the build wrote. */
  bytes: number;
  /** Hash of what the bundle was built from: a build with the same inputs is skipped. */
  inputs: string;
}

/** The manifest of the last build, or null when the explorer has not been built. */
export function readExplorerManifest(buildDir = EXPLORER_BUILD_DIR): ExplorerManifest | null {
  const path = join(buildDir, "manifest.json");
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as ExplorerManifest;
}
