// The benchmark at 200 articles (fewer, and the search word is in none of them), so it never rots: every field of its JSON is there and
// every number is sane. No speed thresholds: timings belong to docs/PERFORMANCE.md, not to tests.
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { runScript } from "../support/run-script.js";

const positive = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;

describe("npm run bench", () => {
  it("ingests 200 generated articles, serves them, and reports ingest, eight queries beside raw SQL, and server memory as JSON, each against its target with its cause; --add grows a kept archive", { timeout: 150_000 }, async () => {
    const run = await runScript("bench.ts", ["--articles", "200", "--json", "--runs", "5", "--workers", "0", "--explain", "--keep-db"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    const kept = run.stderr.match(/archive kept at (.*)/)![1];
    onTestFinished(() => rmSync(dirname(kept), { recursive: true, force: true }));

    expect(result.articles).toBe(200);
    expect(result.ingest.stored + result.ingest.failed).toBe(200);
    expect(result.ingest.stored).toBeGreaterThan(190);
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
      // The raw floor of a 200-article archive can be a microsecond or two: present, never negative.
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
