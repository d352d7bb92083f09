// What the engine says of the statements a slow query ran: SQLite's query plan, PostgreSQL's
// plan as it ran (EXPLAIN ANALYZE, with buffers), for the slowest few of them.
import type Database from "better-sqlite3";
import type pg from "pg";
import type { ObservedStatement } from "../../src/store/store.js";
import type { QueryExplanation } from "./targets.js";

export type Explain = (sql: string, params: readonly unknown[]) => Promise<string[]>;

/** What a request of `requestMs` read: its statements' count and time, and the `top` slowest with their plans. */
export async function explainSlowest(requestMs: number, statements: ObservedStatement[], explain: Explain, top = 3): Promise<QueryExplanation> {
  const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, top);
  const explained: QueryExplanation["slowest"] = [];
  for (const s of slowest) explained.push({ sql: s.sql, ms: round(s.ms), rows: s.rows, plan: await explain(s.sql, s.params) });
  return { requestMs: round(requestMs), statements: statements.length, statementsMs: round(statements.reduce((sum, s) => sum + s.ms, 0)), slowest: explained };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** SQLite's EXPLAIN QUERY PLAN, its tree drawn by indentation. */
export function sqlitePlan(db: Database.Database): Explain {
  return async (sql, params) => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((row) => {
      const d = (depth.get(row.parent) ?? -1) + 1;
      depth.set(row.id, d);
      return `${"  ".repeat(d)}${row.detail}`;
    });
  };
}

/** PostgreSQL's plan as the statement ran, with the pages it read (EXPLAIN ANALYZE runs it: reads only here). */
export function postgresPlan(client: pg.Client): Explain {
  return async (sql, params) => {
    const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params as unknown[]);
    return result.rows.map((row) => row["QUERY PLAN"]);
  };
}
