// `npm run bench -- --postgres URL --both`: the same generated corpus on each store, reported
// side by side, each store's figures against its own targets, a slow query explained by its
// engine's plans (--explain asks for every query's).
import { describe, expect, it, vi } from "vitest";
import { printSideBySide } from "../../scripts/bench/side-by-side.js";
import { postgresUnavailable, runPostgres } from "../support/postgres-server.js";
import { runScript } from "../support/run-script.js";

describe.skipIf(postgresUnavailable())("npm run bench -- --both", () => {
  it("ingests one corpus into SQLite and into PostgreSQL and reports the two side by side, each against its targets", { timeout: 150_000 }, async () => {
    const server = runPostgres().urlOf("postgres");
    const json = await runScript("bench.ts", ["--articles", "60", "--runs", "5", "--workers", "0", "--postgres", server, "--both", "--explain", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const { sqlite, postgresql } = JSON.parse(json.stdout.trim().split("\n").at(-1)!);

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
  });

});
