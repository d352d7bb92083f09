// npm run build:ide (run by `npm install` too): bundles the analysts' IDE, GraphiQL from the
// `graphiql` package, into dist/ide/ with esbuild, so the archive serves it with no CDN.
// Writes dist/ide/manifest.json, which src/server/ide.ts reads to build the page.
import { build, type Metafile, type Plugin } from "esbuild";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { exitIfUpToDate, filesUnder, inputsHash } from "./build/bundle-inputs.js";
import { IDE_BUILD_DIR, readIdeManifest, type IdeManifest } from "../src/server/ide-manifest.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const browserDir = join(root, "src/server/ide-browser");
const assetsDir = join(IDE_BUILD_DIR, "assets");

// Monaco's language services, each its own classic worker script.
const WORKERS = {
  editor: "monaco-editor/esm/vs/editor/editor.worker.js",
  json: "monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "monaco-graphql/esm/graphql.worker.js",
} as const;

// Monaco's modules import their own CSS, but graphiql/style.css already holds all of it,
// icon font included (same Monaco version). Bundled again it would be a second copy, and
// the CSS of Monaco's lazily loaded chunks would be written to files no page links.
const monacoCssFromGraphiqlStyle: Plugin = {
  name: "monaco-css-from-graphiql-style",
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.includes(join("node_modules", "monaco-editor")) ? { path: args.path, namespace: "monaco-css" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "monaco-css" }, () => ({ contents: "", loader: "js" }));
  },
};

const shared = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
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
} as const;

/** The output file built from `entry`, as a path relative to dist/ide/. */
function outputOf(metafile: Metafile, entry: string): { js: string; css?: string } {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint && join(root, output.entryPoint) === join(root, entry)) {
      return { js: relative(IDE_BUILD_DIR, join(root, file)), css: output.cssBundle && relative(IDE_BUILD_DIR, join(root, output.cssBundle)) };
    }
  }
  throw new Error(`esbuild produced no output for ${entry}`);
}

const inputs = inputsHash([fileURLToPath(import.meta.url), join(root, "package-lock.json"), ...filesUnder(browserDir)]);
exitIfUpToDate("IDE", "npm run build:ide", root, IDE_BUILD_DIR, inputs, readIdeManifest());

const started = performance.now();
rmSync(IDE_BUILD_DIR, { recursive: true, force: true });
mkdirSync(assetsDir, { recursive: true });

const page = await build({
  ...shared,
  entryPoints: { ide: join(browserDir, "main.jsx") },
  format: "esm",
  splitting: true,
  jsx: "automatic",
  plugins: [monacoCssFromGraphiqlStyle],
  // GraphiQL's Prettify imports prettier's parsers by their old names, which resolve to
  // UMD builds; split into a lazy chunk, such a module exports only `default` and the
  // `{ parsers }` GraphiQL reads is undefined ("Couldn't resolve parser"). The ESM builds
  // export `parsers` by name.
  alias: { "prettier/parser-graphql": "prettier/plugins/graphql", "prettier/parser-babel": "prettier/plugins/babel" },
  // Fonts a stylesheet links rather than inlines become files beside it.
  loader: { ".ttf": "file", ".woff": "file", ".woff2": "file" },
});
const workers = await build({
  ...shared,
  entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([name, path]) => [`${name}.worker`, path])),
  format: "iife",
});

const entry = outputOf(page.metafile, "src/server/ide-browser/main.jsx");
if (!entry.css) throw new Error("esbuild produced no stylesheet for the IDE");
const workerPath = (name: keyof typeof WORKERS) => {
  const key = Object.keys(workers.metafile.outputs).find((file) => workers.metafile.outputs[file].entryPoint?.endsWith(WORKERS[name]));
  if (!key) throw new Error(`esbuild produced no output for the ${name} worker`);
  return relative(IDE_BUILD_DIR, join(root, key));
};

const files = [...Object.keys(page.metafile.outputs), ...Object.keys(workers.metafile.outputs)];
const bytes = files.reduce((sum, file) => sum + statSync(join(root, file)).size, 0);
const manifest: IdeManifest = {
  script: entry.js,
  stylesheet: entry.css,
  workers: { editor: workerPath("editor"), json: workerPath("json"), graphql: workerPath("graphql") },
  bytes,
  inputs,
};
writeFileSync(join(IDE_BUILD_DIR, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(
  `IDE built into ${relative(root, IDE_BUILD_DIR)}/: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms`,
);
