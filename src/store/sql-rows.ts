import type { SqlArchive } from "./sql-archive.js";
import type { SqlParam } from "./sql-dialect.js";

export { placeholders } from "./sql-dialect.js";

/** A read as the engine was given it, with what it cost the caller and what it returned. */
export interface ObservedStatement {
  /** With its placeholders numbered for the engine, as sent. */
  sql: string;
  params: readonly SqlParam[];
  ms: number;
  rows: number;
}

let observer: ((statement: ObservedStatement) => void) | null = null;

/**
 * Calls `onStatement` after each read of this process until the returned function is called.
 * The benchmark uses it to explain a query that missed its target (scripts/bench/explain-slow.ts):
 * it asks one query at a time, so what runs in between is that query's.
 */
export function observeStatements(onStatement: (statement: ObservedStatement) => void): () => void {
  observer = onStatement;
  return () => {
    if (observer === onStatement) observer = null;
  };
}

/**
 * Runs hand-written SQL on the store's reads (a read thread on SQLite, a pooled connection on
 * PostgreSQL; inside a request, that request's snapshot) and returns plain rows.
 */
export async function sqlRows<T>(store: SqlArchive, sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
  const numbered = store.dialect.numberPlaceholders(sql);
  if (!observer) return store.reads.all<T>(numbered, params);
  const started = performance.now();
  const rows = await store.reads.all<T>(numbered, params);
  observer?.({ sql: numbered, params, ms: performance.now() - started, rows: rows.length });
  return rows;
}

/**
 * Whole rows of `table` by id, in the order asked, null where there is none. Hand-written
 * SQL rather than Prisma's findMany: the same rows cost a quarter of the time (most of a
 * findMany is spent in Prisma's query compiler and result mapping, not in SQLite), and
 * these run for every page of every connection. The ids go in as one parameter (sql-dialect.ts).
 * `columns` where the table holds more than its row type (PostgreSQL's search vectors).
 */
export async function rowsByIds<T extends { id: number }>(store: SqlArchive, table: string, ids: readonly number[], columns = "*"): Promise<(T | null)[]> {
  if (!ids.length) return [];
  const inList = store.dialect.inIdList("id", ids);
  const rows = await sqlRows<T>(store, `SELECT ${columns} FROM ${table} WHERE ${inList.sql}`, [inList.param]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}
