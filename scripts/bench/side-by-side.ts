// `npm run bench -- --both`: one table for the same corpus on SQLite and on PostgreSQL, then
// each store's verdicts against the targets.
import { verdictLines, type BenchResult } from "./targets.js";

export type BenchRun = BenchResult & {
  stored: number;
  httpFloorP50Ms: number;
  ingest: (BenchResult["ingest"] & { seconds: number; peakRssMb: number; dbMb: number }) | null;
};

export function printSideBySide(sqlite: BenchRun, postgresql: BenchRun): void {
  const rows: string[][] = [["", "SQLite", "PostgreSQL"]];
  const both = (label: string, of: (run: BenchRun) => string) => rows.push([label, of(sqlite), of(postgresql)]);
  both("articles stored", (r) => String(r.stored));
  both("ingest, articles/s", (r) => (r.ingest ? `${r.ingest.articlesPerSecond} (${r.ingest.writers} writer${r.ingest.writers === 1 ? "" : "s"})` : "–"));
  both("ingest, s", (r) => (r.ingest ? String(r.ingest.seconds) : "–"));
  both("ingest peak RSS, MB", (r) => (r.ingest ? String(r.ingest.peakRssMb) : "–"));
  both("archive size, MB", (r) => (r.ingest ? String(r.ingest.dbMb) : "–"));
  both("server RSS, MB", (r) => String(r.serverRssMb));
  both("HTTP floor p50, ms", (r) => String(r.httpFloorP50Ms));
  for (const [i, q] of sqlite.queries.entries()) both(`${q.name}, p50/p99 ms`, (r) => `${r.queries[i].p50Ms} / ${r.queries[i].p99Ms}`);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  "));
  for (const [name, run] of [["SQLite", sqlite], ["PostgreSQL", postgresql]] as const) {
    console.log(`\n${name} against the targets:`);
    for (const line of verdictLines(run)) console.log(line);
  }
}
