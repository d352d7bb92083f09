// npm run ingest -- [--max-bytes N] [--workers N] PATH...   Adds articles to the archive at DATABASE_URL.
// Prints a line per file and a total; exits 1 if any file failed, 3 if it stopped because the disk filled.
import { parseArgs } from "node:util";
import { maxBytesOption } from "./cli/max-bytes-option.js";
import { readingProgress } from "./terminal/progress-bar.js";
import { defaultExtractionWorkers } from "../src/archive/extraction-pool.js";
import { describeOutcome, describeTotals, ingestFiles } from "../src/archive/ingest-files.js";
import { databaseUrl, migrateStore, openStore } from "../src/store/open-store.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "max-bytes": { type: "string" }, workers: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help || positionals.length === 0) {
  console.error("usage: npm run ingest -- [--max-bytes N] [--workers N] FILE_OR_DIR...\n  Stores every article in the archive at DATABASE_URL: text files (with manifest.json or front matter),\n  HTML pages (.html, .htm, .html.gz), WARC archives (.warc, .warc.gz) and news-please JSON (.json, .jsonl).\n  --workers: threads extracting while the main thread writes (default: one per core, at most 4; 0 for none).");
  process.exit(values.help ? 0 : 2);
}
const maxBytes = maxBytesOption(values["max-bytes"]);
const workers = values.workers != null ? Number(values.workers) : defaultExtractionWorkers();
if (!(Number.isInteger(workers) && workers >= 0)) {
  console.error(`--workers must be a whole number of threads (0 for none), got "${values.workers}"`);
  process.exit(2);
}

const url = databaseUrl();
const store = await (async () => {
  try {
    await migrateStore(url);
    return await openStore(url);
  } catch (error) {
    // A wrong DATABASE_URL is the operator's to fix: one line, no stack trace.
    console.error(`ingest: ${(error as Error).message}`);
    process.exit(1);
  }
})();
// A WARC of a million records reads for a long while: on a terminal, a bar says how far it is.
const progress = readingProgress();
try {
  const totals = await ingestFiles(store, positionals, { maxBytes, workers, onProgress: progress.onProgress, onFile: (o) => progress.out(describeOutcome(o)) });
  progress.stop();
  console.log(describeTotals(totals));
  if (totals.stopped) console.error(`STOPPED: ${totals.stopped.message} [${totals.stopped.code}]`);
  process.exitCode = totals.stopped ? 3 : totals.failed > 0 ? 1 : 0;
} finally {
  progress.stop();
  await store.close();
}
