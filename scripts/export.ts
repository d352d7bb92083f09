// npm run export -- --out FILE [--kind articles|quotes] [filters]
// Writes every matching article (or quote) of the archive at DATABASE_URL to FILE as NDJSON,
// the same lines as GET /export/<kind>.ndjson, ending with the {"complete":true,…} trailer.
// FILE appears only once complete (written as FILE.partial, then renamed); `--out -` writes
// to stdout. A progress bar shows on stderr when it is a terminal.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { EXPORT_KINDS, exportChunks, type ExportKind } from "../src/server/export-lines.js";
import { EXPORT_PARAMETERS, parseExportParams } from "../src/server/export-params.js";
import { writeChunks } from "../src/server/write-chunks.js";
import { databaseReadUrls, databaseUrl, openStore } from "../src/store/open-store.js";
import { progressBar } from "./terminal/progress-bar.js";

const filterOptions = Object.fromEntries(
  Object.keys(EXPORT_PARAMETERS).map((name) => [name, { type: "string", multiple: true }] as const),
) as Record<keyof typeof EXPORT_PARAMETERS, { type: "string"; multiple: true }>;

const usage = `usage: npm run export -- --out FILE [--kind articles|quotes] [filters]
  Writes the archive at DATABASE_URL as NDJSON, one object per line, then a {"complete":true,"count":N} trailer.
  --out FILE      where to write (FILE.partial until complete); - for stdout
  --kind KIND     articles (default) or quotes
${Object.entries(EXPORT_PARAMETERS)
  .map(([name, help]) => `  --${name.padEnd(13)} ${help}`)
  .join("\n")}`;

let parsed;
try {
  parsed = parseArgs({
    options: { out: { type: "string" }, kind: { type: "string", default: "articles" }, help: { type: "boolean", short: "h" }, ...filterOptions },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help || !values.out) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const kind = values.kind as ExportKind;
if (!EXPORT_KINDS.includes(kind)) {
  console.error(`--kind must be ${EXPORT_KINDS.join(" or ")}, got "${values.kind}"`);
  process.exit(2);
}
const params = new URLSearchParams();
for (const name of Object.keys(EXPORT_PARAMETERS) as (keyof typeof EXPORT_PARAMETERS)[]) {
  for (const value of values[name] ?? []) params.append(name, value);
}
const filter = parseExportParams(params);
if (!filter.ok) {
  console.error(`--${filter.parameter}: ${filter.message}`);
  process.exit(2);
}

const store = await openStore(databaseUrl(), { readUrls: databaseReadUrls() });
const toStdout = values.out === "-";
const partial = `${values.out}.partial`;
try {
  const total = await store.countForExport(kind, filter.filter);
  const bar = progressBar(process.stderr, total, kind);
  const out = toStdout ? process.stdout : createWriteStream(partial);
  const started = performance.now();
  let count = 0;
  const complete = (await writeChunks(out, exportChunks(store, kind, filter.filter, (n) => bar.update((count = n))))) === "written";
  bar.finish();
  if (!complete) throw new Error(`the output closed before the export was complete`);
  if (!toStdout) {
    out.end();
    await once(out, "close");
    await rename(partial, values.out);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`${count.toLocaleString("en-US")} ${kind} written to ${toStdout ? "stdout" : values.out} in ${seconds} s`);
} catch (error) {
  if (!toStdout) await rm(partial, { force: true });
  console.error(`export failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
