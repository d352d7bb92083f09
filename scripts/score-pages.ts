// npm run score:pages -- FOLDER [--ground-truth FILE] [--evaluate FILE] [--out FILE]
// Extracts every page of a benchmark folder (e.g. ../shared/corpus/html/scrapinghub/html,
// pages named <id>.html or <id>.html.gz) through the same pipeline as ingest, and scores
// the bodies with the benchmark's evaluate.mjs (by default the one in FOLDER/..), whose
// table it prints. Predictions are written to a temporary file: bodies are the
// publishers' text and must not land in the repository.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readCorpus } from "../src/corpus/read-corpus.js";
import { extractArticle } from "../src/extract/pipeline.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "ground-truth": { type: "string" }, evaluate: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help || positionals.length !== 1) {
  console.error("usage: npm run score:pages -- FOLDER [--ground-truth FILE] [--evaluate FILE] [--out predictions.json]");
  process.exit(values.help ? 0 : 2);
}
const folder = resolve(positionals[0]);
const evaluate = resolve(values.evaluate ?? join(dirname(folder), "evaluate.mjs"));
const groundTruth = resolve(values["ground-truth"] ?? join(dirname(folder), "ground-truth.json"));
for (const needed of [evaluate, groundTruth]) {
  if (!existsSync(needed)) {
    console.error(`${needed} does not exist; name it with --evaluate or --ground-truth`);
    process.exit(2);
  }
}

const predictions: Record<string, string> = {};
let pages = 0;
const started = performance.now();
for await (const entry of readCorpus([folder])) {
  if (!entry.raw) continue;
  const id = basename(entry.file).replace(/\.html?(?:\.gz)?$/, "");
  const result = extractArticle(entry.raw);
  predictions[id] = result.ok ? result.draft.body : "";
  pages++;
}
const seconds = (performance.now() - started) / 1000;
console.error(`${pages} pages extracted in ${seconds.toFixed(1)} s (${(pages / seconds).toFixed(1)} pages/s)`);

const scratch = mkdtempSync(join(tmpdir(), "score-pages-"));
const out = values.out ? resolve(values.out) : join(scratch, "news-archive.json");
writeFileSync(out, JSON.stringify(predictions));
const run = spawnSync(process.execPath, [evaluate, "--gt", groundTruth, "--missing-as-empty", out], { stdio: "inherit" });
rmSync(scratch, { recursive: true, force: true });
process.exitCode = run.status ?? 1;
