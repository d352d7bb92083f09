import type { SqlArchive } from "./sql-archive.js";
import type { SqlParam } from "./sql-dialect.js";

export { placeholders } from "./sql-dialect.js";

/**
 * Runs hand-written SQL on the store's reads (store/sql-reader.ts: a read thread; inside a
 * request, that request's snapshot) and returns plain rows.
 */
export async function sqlRows<T>(store: SqlArchive, sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
  return store.reads.all<T>(store.dialect.numberPlaceholders(sql), params);
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
