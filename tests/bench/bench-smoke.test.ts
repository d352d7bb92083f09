// The benchmark at 120 articles (fewer, and the search word is in none of them), so it never rots: every field of its JSON is there and
// every number is sane. No speed thresholds: timings belong to docs/PERFORMANCE.md, not to tests.
// Where a PostgreSQL server can be started (CI's can), the first run is `--postgres URL --both`:
// the same corpus on each store, reported side by side, each store against its own targets
// (a bench run starts three processes; the SQLite half of --both is the run asked for alone).
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { printSideBySide } from "../../scripts/bench/side-by-side.js";
import { postgresUnavailable, runPostgres } from "../support/postgres-server.js";
import { runScript } from "../support/run-script.js";

const positive = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;
const noPostgres = postgresUnavailable();
if (noPostgres) console.warn(`bench test: the SQLite store alone, no side-by-side run (${noPostgres})`);

describe("npm run bench", () => {
  it("ingests 120 generated articles, serves them, and reports ingest, eight queries beside raw SQL, and server memory as JSON, each against its target with its cause, on SQLite and PostgreSQL side by side; --add grows a kept archive", { timeout: 180_000 }, async () => {
    const both = noPostgres ? [] : ["--postgres", runPostgres().urlOf("postgres"), "--both"];
    const run = await runScript("bench.ts", ["--articles", "120", "--json", "--runs", "5", "--workers", "0", "--explain", "--keep-db", ...both]);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    const result = noPostgres ? printed : printed.sqlite;
    // --keep-db keeps each store's archive; the SQLite file is the one grown below.
    const kept = run.stderr.match(/archive kept at (\/.*)/)![1];
    onTestFinished(() => rmSync(dirname(kept), { recursive: true, force: true }));
    if (!noPostgres) expectSideBySide(result, printed.postgresql);

    expect(result.articles).toBe(120);
    expect(result.ingest.stored + result.ingest.failed).toBe(120);
    expect(result.ingest.stored).toBeGreaterThan(114);
    expect(result.stored, "the archive's own count").toBe(result.ingest.stored);
    for (const field of ["articlesPerSecond", "peakRssMb", "dbMb"]) expect(positive(result.ingest[field]), field).toBe(true);
    expect(positive(result.serverRssMb)).toBe(true);

    // Where the ingest's time went: its threads' CPU and the writer's thread's profile, in a sentence.
    expect(result.ingest.writers).toBe(1);
    expect(result.ingest.cpu.mainSeconds + result.ingest.cpu.otherSeconds).toBeGreaterThan(0);
    const parts = result.ingest.mainThread.parts as { what: string; seconds: number }[];
    expect(parts.map((p) => p.what)).toContain("SQLite statements");
    expect(result.ingest.mainThread.seconds).toBeGreaterThanOrEqual(parts.reduce((sum, p) => sum + p.seconds, 0) * 0.9);
    expect(result.ingest.cause).toMatch(/the writer's thread .* s, extraction and the other threads .* s(; PostgreSQL's processes on this machine .* s)?; the machine's cores were \d+% busy; the writer's thread, by its profile/);

    // One verdict a target: the ingest, each query, the server's memory.
    expect(result.verdicts).toHaveLength(10);
    for (const v of result.verdicts) {
      expect(typeof v.met).toBe("boolean");
      if (!v.met) expect(v.cause?.length, v.target).toBeGreaterThan(0);
    }

    expect(result.queries).toHaveLength(8);
    for (const q of result.queries) {
      expect(typeof q.name).toBe("string");
      for (const field of ["p50Ms", "p99Ms", "ratio"]) expect(positive(q[field]), `${q.name}: ${field}`).toBe(true);
      // The raw floor of a 120-article archive can be a microsecond or two: present, never negative.
      expect(Number.isFinite(q.rawP50Ms) && q.rawP50Ms >= 0, `${q.name}: rawP50Ms`).toBe(true);
      expect(q.p99Ms).toBeGreaterThanOrEqual(q.p50Ms);
      // The API and the hand-written SQL must be answering the same question.
      expect(q.rows, q.name).toBe(q.rawRows);
      expect(q.rows, q.name).toBeGreaterThan(0);
      // --explain: what one request read, and SQLite's plan for its slowest statements.
      expect(q.explained.statements, q.name).toBeGreaterThan(0);
      expect(q.explained.slowest.length, q.name).toBeGreaterThan(0);
      for (const s of q.explained.slowest) {
        expect(s.sql).toMatch(/^\s*(SELECT|WITH)/i);
        expect(s.plan.join("\n"), s.sql).toMatch(/SEARCH|SCAN/);
      }
    }

    // --add: further articles into that archive, and the rate at its size.
    const added = await runScript("bench.ts", ["--articles", "40", "--seed", "2", "--json", "--runs", "5", "--workers", "0", "--db", kept, "--add"]);
    expect(added.code, added.stderr).toBe(0);
    const grown = JSON.parse(added.stdout.trim().split("\n").at(-1)!);
    expect(grown.ingest.stored).toBe(40);
    expect(grown.stored).toBe(result.stored + 40);
    expect(grown.verdicts[0].target).toBe("ingest ≥ 500 articles/s");

    // --db alone: the queries over the kept archive, nothing ingested, printed as a table.
    const again = await runScript("bench.ts", ["--articles", "40", "--runs", "5", "--db", kept]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^ingest: not run \(--db /m);
    expect(again.stdout).toMatch(/^met +server RSS ≤ 400 MB|^MISSED +server RSS ≤ 400 MB/m);
  });
});

// The two stores' JSON, as the bench printed it.
type PrintedRun = ReturnType<typeof JSON.parse>;

function expectSideBySide(sqlite: PrintedRun, postgresql: PrintedRun): void {
  expect(sqlite.store).toBe("sqlite");
  expect(postgresql.store).toBe("postgresql");
  // One corpus, the same archive on each.
  expect(postgresql.stored).toBe(sqlite.stored);
  expect(sqlite.ingest.writers).toBe(1);
  expect(postgresql.ingest.writers).toBe(2);
  expect(postgresql.queries.map((q: { rows: number }) => q.rows)).toEqual(sqlite.queries.map((q: { rows: number }) => q.rows));
  expect(postgresql.verdicts[0].target).toBe("ingest ≥ 300 articles/s");
  expect(sqlite.verdicts[0].target).toBe("ingest ≥ 500 articles/s");
  // PostgreSQL's plans are as the statements ran.
  for (const q of postgresql.queries) expect(q.explained.slowest[0].plan.join("\n"), q.name).toMatch(/actual time=.*\n[\s\S]*Execution Time/);

  // Without --json: one table with a column a store, then each store's verdicts.
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  printSideBySide(sqlite, postgresql);
  log.mockRestore();
  const printed = lines.join("\n");
  expect(printed).toMatch(/^\s+SQLite\s+PostgreSQL$/m);
  expect(printed).toMatch(/^ingest, articles\/s\s+\d+ \(1 writer\)\s+\d+ \(2 writers\)$/m);
  expect(printed).toMatch(/^statements of a story, p50\/p99 ms\s+[\d.]+ \/ [\d.]+\s+[\d.]+ \/ [\d.]+$/m);
  expect(printed).toMatch(/SQLite against the targets:\n(met|MISSED) +ingest ≥ 500 articles\/s/);
  expect(printed).toMatch(/PostgreSQL against the targets:\n(met|MISSED) +ingest ≥ 300 articles\/s/);
}
