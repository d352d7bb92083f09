// `npm run ingest`, apart from the process it runs in: the script hands it its arguments and
// terminal, and tests call it in-process with their own output (a script's start-up costs
// seconds, once per case).
import { parseArgs } from "node:util";
import { checkMaxBytes } from "./max-bytes-option.js";
import { readingProgress, type ReadingProgress } from "../terminal/progress-bar.js";
import { defaultExtractionWorkers } from "../../src/archive/extraction-pool.js";
import { COMMIT_GROUP, describeOutcome, describeTotals, ingestFiles } from "../../src/archive/ingest-files.js";
import { databaseUrl, isPostgresUrl, migrateStore, openStore, type Store } from "../../src/store/open-store.js";

const USAGE = `usage: npm run ingest -- [--max-bytes N] [--workers N] [--writers N] [--commit-every N] FILE_OR_DIR...
  Stores every article in the archive at DATABASE_URL: text files (with manifest.json or front matter),
  HTML pages (.html, .htm, .html.gz), WARC archives (.warc, .warc.gz) and news-please JSON (.json, .jsonl).
  --workers: threads extracting while the main thread writes (default: one fewer than cores, at most 4; 0 for none).
  --writers: files saved at once, each on a connection of its own (PostgreSQL only; default 2).
  --commit-every: files committed together on SQLite (default ${COMMIT_GROUP.size}, and at least every ${COMMIT_GROUP.ms / 1000} s);
    a file's line is printed once it is committed, and a killed ingest loses at most one group.
  Several ingests may run at once on one PostgreSQL archive, from one machine or several.`;

// Two connections keep the server busy while one of them waits for its answers; more gained
// nothing measurable on two cores.
const DEFAULT_POSTGRES_WRITERS = 2;

/**
 * Ingests the files and folders `argv` names into the archive at DATABASE_URL and returns the
 * exit code: 0 all stored or already there, 1 a file failed, 2 a usage error, 3 stopped because
 * the disk filled. Each file's line and the total go to `io.out`, messages to `io.err`.
 */
export async function ingestCommand(argv: string[], io: ReadingProgress = readingProgress(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { "max-bytes": { type: "string" }, workers: { type: "string" }, "commit-every": { type: "string" }, writers: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.err(USAGE);
    return values.help ? 0 : 2;
  }
  const { maxBytes, error } = checkMaxBytes(values["max-bytes"]);
  if (error) {
    io.err(error);
    return 2;
  }
  const workers = values.workers != null ? Number(values.workers) : defaultExtractionWorkers();
  if (!(Number.isInteger(workers) && workers >= 0)) {
    io.err(`--workers must be a whole number of threads (0 for none), got "${values.workers}"`);
    return 2;
  }
  const commitEvery = values["commit-every"] != null ? Number(values["commit-every"]) : undefined;
  if (commitEvery !== undefined && !(Number.isInteger(commitEvery) && commitEvery >= 1)) {
    io.err(`--commit-every must be a whole number of files, at least 1, got "${values["commit-every"]}"`);
    return 2;
  }

  const url = databaseUrl(env);
  const onPostgres = isPostgresUrl(url);
  const writers = values.writers != null ? Number(values.writers) : onPostgres ? DEFAULT_POSTGRES_WRITERS : 1;
  if (!(Number.isInteger(writers) && writers >= 1 && writers <= 8)) {
    io.err(`--writers must be a whole number from 1 to 8, got "${values.writers}"`);
    return 2;
  }
  if (writers > 1 && !onPostgres) {
    io.err(`--writers ${writers}: SQLite writes one transaction at a time, so only a PostgreSQL archive (DATABASE_URL=postgresql://…) takes several writers`);
    return 2;
  }
  let store: Store;
  try {
    await migrateStore(url);
    store = await openStore(url);
  } catch (error) {
    // A wrong DATABASE_URL is the operator's to fix: one line, no stack trace.
    io.err(`ingest: ${(error as Error).message}`);
    return 1;
  }
  try {
    const totals = await ingestFiles(store, positionals, { maxBytes, workers, writers, commitEvery, onProgress: io.onProgress, onFile: (o) => io.out(describeOutcome(o)) });
    io.stop();
    io.out(describeTotals(totals));
    if (totals.stopped) io.err(`STOPPED: ${totals.stopped.message} [${totals.stopped.code}]`);
    return totals.stopped ? 3 : totals.failed > 0 ? 1 : 0;
  } finally {
    io.stop();
    await store.close();
  }
}
