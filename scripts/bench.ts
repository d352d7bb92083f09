// npm run bench -- --articles N [--seed S] [--from YYYY-MM-DD [--per-day N]] [--json] [--workers W] [--writers W] [--runs R] [--keep-db] [--db FILE|URL [--add]] [--postgres URL [--both]] [--explain]
// --db FILE (or a postgresql:// URL) times the queries over an archive kept by an earlier
// --keep-db run, without ingesting; with --add, after ingesting the N articles into it (the
// rate at that size: the archive grows, so give it a copy).
// --postgres URL runs it on PostgreSQL instead: a database of its own made on the server URL
// names (the user needs CREATEDB), dropped at the end unless --keep-db.
// Generates (or reuses, under .bench/) a corpus of N articles, ingests it into a fresh
// archive through the real ingest path, serves it with the real server in a child process,
// and times eight everyday questions over HTTP beside the same answers in raw SQL. Each figure
// is held to its target (bench/targets.ts); one that misses says why: the ingest's profile, or
// the plans of the statements a slow query ran (--explain: every query's).
// --both (with --postgres): the same corpus on SQLite and on PostgreSQL, side by side.
import { fork, spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { mkdirSync, rmSync, statSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { cachedCorpus } from "./bench/corpus-cache.js";
import { corpusDates } from "../src/corpus-generator/write-corpus.js";
import { benchQueries, findTargets, type Post } from "./bench/bench-queries.js";
import { timeRepeated } from "./bench/timing.js";
import { ingestCause, type IngestPace, type MainThreadProfile, type ThreadCpu } from "./bench/ingest-profile.js";
import { explainSlowest, postgresPlan, sqlitePlan, type Explain } from "./bench/explain-slow.js";
import { describeStatements, TARGETS, verdictLines, verdicts, type QueryExplanation } from "./bench/targets.js";
import { printSideBySide, type BenchRun } from "./bench/side-by-side.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    articles: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
    workers: { type: "string" },
    writers: { type: "string" },
    runs: { type: "string" },
    "keep-db": { type: "boolean" },
    db: { type: "string" },
    postgres: { type: "string" },
    both: { type: "boolean" },
    add: { type: "boolean" },
    from: { type: "string" },
    "per-day": { type: "string" },
    explain: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
const articles = Number(values.articles);
const seed = values.seed != null ? Number(values.seed) : 1;
const maxRuns = values.runs != null ? Number(values.runs) : 300;
const postgresUrl = values.postgres;
const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
const keptPostgres = values.db != null && isPostgresUrl(values.db) ? values.db : null;
const onPostgres = postgresUrl != null || keptPostgres != null;
const writersGiven = values.writers != null ? Number(values.writers) : 1;
const dates = corpusDates(values.from, values["per-day"]);
if (dates === false || values.help || !(Number.isInteger(articles) && articles > 0) || !(maxRuns >= 5) || !(Number.isInteger(writersGiven) && writersGiven >= 1 && writersGiven <= 8) || (postgresUrl != null && (!isPostgresUrl(postgresUrl) || values.db != null)) || (values.both && postgresUrl == null) || (values.add && values.db == null)) {
  console.error(
    "usage: npm run bench -- --articles N [--seed S] [--from YYYY-MM-DD [--per-day N]] [--json] [--workers W] [--writers W] [--runs R] [--keep-db] [--db FILE|URL [--add]] [--postgres postgresql://USER@HOST:PORT/DB [--both]] [--explain]\n" +
      "  Ingests N generated articles into a fresh archive and times queries over HTTP (on SQLite, against raw SQL too).\n" +
      "  --postgres: on PostgreSQL, in a database of its own made beside DB on that server (not with --db).\n" +
      "  --db: time the queries over an archive kept earlier; --add: ingest the N articles into it first (it grows).\n" +
      "  --from: the generated stories day after day from that day, N a day (--per-day, 274 unless told), as an intake comes;\n" +
      "  without it, on days drawn from 2016-2025 in no order, as a backfill of ten years comes.\n" +
      "  --both: with --postgres, the same corpus on SQLite too, the two side by side.\n" +
      "  --explain: the plans of every query's slowest statements (a query that misses its target gets them anyway).\n" +
      "  --workers: extraction threads of the ingest; --writers: files it saves at once (PostgreSQL; default 2).",
  );
  process.exit(values.help ? 0 : 2);
}
const say = (line: string) => (values.json ? process.stderr : process.stdout).write(line + "\n");

// A server that does not answer is said before anything is generated or ingested.
if (postgresUrl) {
  try {
    await onServer(postgresUrl, "SELECT 1");
  } catch (error) {
    console.error(`bench: cannot use the PostgreSQL server at ${redacted(postgresUrl)}: ${(error as Error).message || (error as { code?: string }).code}`);
    process.exit(2);
  }
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

if (values.both) {
  // Each store in a run of its own, one after the other (never side by side on the same cores).
  const rest = process.argv.slice(2).filter((arg) => arg !== "--both" && arg !== "--json");
  const withoutPostgres = rest.filter((arg, i) => arg !== "--postgres" && rest[i - 1] !== "--postgres" && !arg.startsWith("--postgres="));
  const sqlite = await benchInChild(withoutPostgres);
  const postgresql = await benchInChild(rest);
  if (values.json) console.log(JSON.stringify({ sqlite, postgresql }));
  else printSideBySide(sqlite, postgresql);
  process.exit(0);
}

function benchInChild(args: string[]): Promise<BenchRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), ...args, "--json"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.once("close", (code) => (code === 0 ? resolveRun(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`bench exited with ${code}`))));
  });
}

const benchDir = join(root, ".bench");
// Articles are ingested into a fresh archive, or with --add into the one --db names.
const ingesting = !values.db || values.add === true;
const corpus = ingesting ? cachedCorpus(benchDir, articles, seed, dates) : null;
if (corpus) say(`corpus: ${corpus.dir} (${corpus.reused ? "reused" : "generated"})`);

// A fresh archive for every run.
const runDir = join(benchDir, `run-${process.pid}`);
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const dbPath = values.db && !keptPostgres ? resolve(values.db) : join(runDir, "archive.db");
const benchDatabase = `news_archive_bench_${process.pid}`;
const databaseUrl = postgresUrl ? await createPostgresDatabase(postgresUrl, benchDatabase) : (keptPostgres ?? `file:${dbPath}`);

/** Makes `name` on the server `url` names, as the README says to make an archive's database; returns its URL. */
async function createPostgresDatabase(url: string, name: string): Promise<string> {
  await onServer(url, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`);
  const made = new URL(url);
  made.pathname = `/${name}`;
  return made.toString();
}

async function onServer(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
const childEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" };

const writers = values.writers ?? (onPostgres ? "2" : "1");

function ingestInChild(): Promise<{ stored: number; failed: number; duplicate: number; seconds: number; workers: number; peakRssMb: number; cpu: ThreadCpu | null; mainThread: MainThreadProfile; pace: IngestPace | null }> {
  return new Promise((resolveIngest, reject) => {
    const args = ["--import", "tsx", join(root, "scripts/bench/ingest-child.ts"), corpus!.dir, writers, ...(values.workers != null ? [values.workers] : [])];
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.once("close", (code) => (code === 0 ? resolveIngest(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`ingest exited with ${code}`))));
  });
}

if (ingesting) say(`ingesting ${articles} articles${values.db ? ` into ${keptPostgres ? "the archive at --db" : dbPath}` : ""}…`);
const ingest = ingesting ? await ingestInChild() : null;
const dbBytes = onPostgres
  ? Number((await onServer(databaseUrl, `SELECT pg_database_size(current_database()) AS n`)).rows[0].n)
  : ["", "-wal", "-shm"].map((s) => dbPath + s).filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0);
const ingestFigures = ingest && {
  articlesPerSecond: Math.round(ingest.stored / ingest.seconds),
  peakRssMb: Math.round(ingest.peakRssMb),
  dbMb: Math.round((dbBytes / 2 ** 20) * 10) / 10,
  stored: ingest.stored,
  failed: ingest.failed,
  seconds: Math.round(ingest.seconds * 10) / 10,
  writers: Number(writers),
  cpu: ingest.cpu && Object.fromEntries(Object.entries(ingest.cpu).map(([k, v]) => [k, round(v, 1)])),
  mainThread: ingest.mainThread,
  pace: ingest.pace,
  cause: ingestCause({ seconds: ingest.seconds, cores: availableParallelism(), workers: ingest.workers, cpu: ingest.cpu, profile: ingest.mainThread, pace: ingest.pace }),
};
if (ingest) say(`ingest: ${ingest.stored} stored, ${ingest.failed} failed in ${ingestFigures!.seconds} s`);

const server = fork(join(root, "scripts/bench/server-child.ts"), [], { cwd: root, env: childEnv, execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
const nextMessage = () => new Promise<any>((resolveMessage) => server.once("message", resolveMessage));
const { url } = await nextMessage();

const post: Post = async (query, variables) => {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return res.json();
};

// On SQLite the raw floors read the same file; PostgreSQL has none (its SQL is the store's own).
const db = onPostgres ? null : new Database(dbPath, { readonly: true });
const reader = onPostgres ? new pg.Client({ connectionString: databaseUrl }) : null;
await reader?.connect();
const firstRow = async (sql: string) => (db ? db.prepare(sql).get() : (await reader!.query(sql)).rows[0]) as never;
const targets = await findTargets(firstRow);
// The archive's own count: with --db, what was kept, whatever --articles says.
const stored = Number((await firstRow(`SELECT count(*) AS n FROM articles`) as { n: number | string }).n);
const pageNumber = Math.max(1, Math.min(200, Math.floor(targets.outletArticles / 20)));
// What any answer costs over HTTP here, whatever it reads: Express, Apollo, the query limits,
// the read snapshot and the log line around an empty query. The ratios are read against it.
const httpFloor = await timeRepeated(() => post(`{ __typename }`), { maxRuns, minRuns: Math.min(maxRuns, 30), budgetMs: 4_000 });
const queries = [];
const asked = benchQueries(targets, pageNumber, db);
for (const q of asked) {
  await q.prepare?.(post);
  const budget = { maxRuns, minRuns: Math.min(maxRuns, 30), budgetMs: 4_000 };
  const httpRows = await q.http(post);
  const floor = q.raw;
  const rawRows = floor ? floor() : null;
  const http = await timeRepeated(() => q.http(post), budget);
  const raw = floor ? await timeRepeated(() => floor(), budget) : null;
  queries.push({
    name: q.name,
    p50Ms: round(http.p50Ms),
    p99Ms: round(http.p99Ms),
    rawP50Ms: raw && round(raw.p50Ms, 4), // a few microseconds on a small archive
    ratio: raw && round(http.p50Ms / Math.max(raw.p50Ms, 0.0001), 1),
    runs: http.runs,
    rows: httpRows,
    rawRows,
    explained: undefined as QueryExplanation | undefined,
  });
}

// A query that missed its target (or every query, with --explain) is asked once more with the
// server recording what the store read, and the slowest of those statements are explained.
const explain: Explain = db ? sqlitePlan(db) : postgresPlan(reader!);
for (const [i, q] of asked.entries()) {
  const timed = queries[i];
  if (!values.explain && timed.p50Ms <= TARGETS.queryP50Ms && timed.p99Ms <= TARGETS.queryP99Ms) continue;
  server.send("observe");
  await nextMessage();
  await q.prepare?.(post);
  const started = performance.now();
  await q.http(post);
  const requestMs = performance.now() - started;
  server.send("observed");
  const { statements } = await nextMessage();
  timed.explained = await explainSlowest(requestMs, statements, explain);
}
await reader?.end();
db?.close();
server.send("rss");
const { rssMb } = await nextMessage();
server.send("stop");
await new Promise((r) => server.once("exit", r));
if (values["keep-db"]) say(`archive kept at ${onPostgres ? databaseUrl : dbPath}`);
else if (postgresUrl) await onServer(postgresUrl, `DROP DATABASE ${benchDatabase}`);
// With --db, or on PostgreSQL, the folder is empty: the archive is elsewhere.
if (!values["keep-db"] || onPostgres) rmSync(runDir, { recursive: true, force: true });

const measured = { articles, stored, seed, store: onPostgres ? ("postgresql" as const) : ("sqlite" as const), ingest: ingestFigures, httpFloorP50Ms: round(httpFloor.p50Ms), queries, serverRssMb: Math.round(rssMb) };
const result = { ...measured, verdicts: verdicts(measured) };
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  const when = dates ? `, ${dates.perDay} a day from ${dates.from}` : "";
  console.log(`\n${stored} articles stored (corpus of ${articles}, seed ${seed}${when}) on ${result.store === "postgresql" ? "PostgreSQL" : "SQLite"}`);
  const into = values.db && ingestFigures ? `, into an archive of ${stored - ingestFigures.stored} articles` : "";
  const pace = ingestFigures?.pace ? `; ${ingestFigures.pace.afterPerSecond}/s after its first ${ingestFigures.pace.startFiles} files (${ingestFigures.pace.startSeconds} s)` : "";
  if (ingestFigures) console.log(`ingest: ${ingestFigures.articlesPerSecond} articles/s end to end (${ingestFigures.seconds} s${into})${pace}, peak RSS ${ingestFigures.peakRssMb} MB, database ${ingestFigures.dbMb} MB`);
  else console.log(`ingest: not run (--db ${keptPostgres ?? dbPath}, ${Math.round((dbBytes / 2 ** 20) * 10) / 10} MB)`);
  console.log(`server RSS after the run: ${result.serverRssMb} MB`);
  console.log(`HTTP floor (\`{ __typename }\`): p50 ${result.httpFloorP50Ms} ms\n`);
  const header = ["query", "p50 ms", "p99 ms", "raw p50 ms", "ratio", "rows"];
  const rows = queries.map((q) => [q.name, q.p50Ms, q.p99Ms, q.rawP50Ms ?? "–", q.ratio == null ? "–" : `${q.ratio}×`, q.rawRows == null ? q.rows : `${q.rows}/${q.rawRows}`].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [header, ...rows]) console.log(r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  "));
  console.log("\nagainst the targets:");
  for (const line of verdictLines(measured)) console.log(line);
  // A missed rate has its cause among the verdicts already.
  if (ingestFigures && ingestFigures.articlesPerSecond >= TARGETS.ingestPerSecond[measured.store]) console.log(`\nwhere the ingest's time went: ${ingestFigures.cause}`);
  if (values.explain) for (const q of queries) for (const line of [`\n${q.name}:`, ...describeStatements(q.explained, measured.httpFloorP50Ms).map((l) => `  ${l}`)]) console.log(line);
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
