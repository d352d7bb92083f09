import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where scripts/build-ide.ts writes the IDE bundle (gitignored, rebuilt by `npm install`). */
export const IDE_BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "ide");

/** What the build wrote, as paths relative to IDE_BUILD_DIR. */
export interface IdeManifest {
  script: string;
  stylesheet: string;
  workers: { editor: string; json: string; graphql: string };
  /** Size of every file the build wrote. */
  bytes: number;
  /** Hash of what the bundle was built from: a build with the same inputs is skipped. */
  inputs?: string;
}

/** The manifest of the last build, or null when the IDE has not been built. */
export function readIdeManifest(buildDir = IDE_BUILD_DIR): IdeManifest | null {
  const path = join(buildDir, "manifest.json");
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as IdeManifest;
}
