// Ingestion's INSERTs of several rows of one table (an article's quotes, mentions, topics, a
// person's aliases) as one statement each: on PostgreSQL every statement, however small,
// cost the server about 80 µs of its own (an executor set up and torn down), which was most of
// what an article cost it.
import type { SqlWrites } from "./sql-archive.js";
import { valueRows, type SqlParam } from "./sql-dialect.js";

// At most this many rows a statement, so that the statements a writer prepares (one per row
// count) stay few.
const ROWS_PER_INSERT = 32;

/** INSERT INTO `into` (a table and its columns) of `rows`, in statements of many rows each. */
export async function insertRows(sql: SqlWrites, into: string, rows: readonly SqlParam[][], onConflict = ""): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await sql.run(`INSERT INTO ${into} VALUES ${valueRows(chunk[0].length, chunk.length)}${onConflict}`, ...chunk.flat());
  }
}

