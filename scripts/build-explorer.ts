// npm run build:explorer (run by `npm install` too, after the IDE): bundles the analysts'
// explorer (React, wouter, Observable Plot) from src/server/explorer-browser/ into
// dist/explorer/ with esbuild, so the archive serves it with nothing from another host.
// Writes dist/explorer/manifest.json: the hashed file names, and every GraphQL operation
// the explorer sends with its sha256, which the server takes as known persisted queries.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { exitIfUpToDate, filesUnder, inputsHash } from "./build/bundle-inputs.js";
import { EXPLORER_BUILD_DIR, readExplorerManifest, type ExplorerManifest } from "../src/server/explorer-manifest.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const browserDir = join(root, "src/server/explorer-browser");
const assetsDir = join(EXPLORER_BUILD_DIR, "assets");

const inputs = inputsHash([fileURLToPath(import.meta.url), join(root, "package-lock.json"), ...filesUnder(browserDir)]);
exitIfUpToDate("Explorer", "npm run build:explorer", root, EXPLORER_BUILD_DIR, inputs, readExplorerManifest());

const started = performance.now();
rmSync(EXPLORER_BUILD_DIR, { recursive: true, force: true });
mkdirSync(assetsDir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { explorer: join(browserDir, "main.jsx") },
  bundle: true,
  minify: true,
  format: "esm",
  // Observable Plot (charts.jsx imports it lazily) becomes a chunk of its own.
  splitting: true,
  jsx: "automatic",
  outdir: assetsDir,
  // Content hashes in every name: the server caches these files for a year.
  entryNames: "[name]-[hash]",
  chunkNames: "chunks/[name]-[hash]",
  assetNames: "[name]-[hash]",
  target: "es2022",
  define: { "process.env.NODE_ENV": '"production"' },
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});

const [scriptFile, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)!;
if (!output.cssBundle) throw new Error("esbuild produced no stylesheet for the explorer");

// The operations as the bundle holds them: the same module, so the same text and hash.
const { OPERATIONS } = (await import(pathToFileURL(join(browserDir, "operations.js")).href)) as { OPERATIONS: Record<string, string> };
const operations = Object.fromEntries(
  Object.entries(OPERATIONS).map(([name, query]) => [name, { sha256: createHash("sha256").update(query).digest("hex"), query }]),
);

const files = Object.keys(result.metafile.outputs);
// Every other script the entry may load, for the page to fetch and compile early.
const preload = files.filter((file) => file !== scriptFile && file.endsWith(".js")).map((file) => relative(EXPLORER_BUILD_DIR, join(root, file)));
const bytes = files.reduce((sum, file) => sum + statSync(join(root, file)).size, 0);
const manifest: ExplorerManifest = {
  script: relative(EXPLORER_BUILD_DIR, join(root, scriptFile)),
  stylesheet: relative(EXPLORER_BUILD_DIR, join(root, output.cssBundle)),
  preload,
  operations,
  bytes,
  inputs,
};
writeFileSync(join(EXPLORER_BUILD_DIR, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(
  `Explorer built into ${relative(root, EXPLORER_BUILD_DIR)}/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB, ` +
    `${Object.keys(operations).length} persisted operations, in ${Math.round(performance.now() - started)} ms`,
);
