// Moving a SQLite archive into PostgreSQL: the path an archive takes when it outgrows one
// machine. Every row is carried over as it is, ids included, so links, cursors handed out
// and export positions (`since`) stay valid; nothing is extracted or linked again.
// PostgreSQL's COPY carries the rows (a statement per row would take hours at a million
// articles), in one transaction: a move that fails leaves the target as empty as it was.
import { once } from "node:events";
import Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { databasePath, isPostgresUrl, redactPassword } from "./database-url.js";
import { migratePostgres } from "./postgres/migrate.js";
import { ensureYearPartitions } from "./postgres/year-partitions.js";

/**
 * The archive's tables, each after the tables its foreign keys point at. SQLite's full-text
 * tables are not among them: PostgreSQL computes its own search columns from the text.
 */
export const MOVED_TABLES = [
  "outlets",
  "topics",
  "organisations",
  "people",
  "person_aliases",
  "stories",
  "statements",
  "articles",
  "article_keys",
  "article_commits",
  "quotes",
  "mentions",
  "article_topics",
  "story_keys",
  "quote_echo_keys",
] as const;

export interface MoveProgress {
  table: string;
  rows: number;
  /** Rows of this table in the source. */
  of: number;
}

export interface MoveReport {
  tables: { table: string; rows: number }[];
  seconds: number;
}

/**
 * Copies the SQLite archive at `sqliteUrl` into the empty PostgreSQL archive at `postgresUrl`
 * (made and migrated here if need be). The source is read as one snapshot, so an ingest
 * writing to it meanwhile is not half-copied; it is not changed.
 */
export async function moveToPostgres(sqliteUrl: string, postgresUrl: string, onProgress?: (progress: MoveProgress) => void): Promise<MoveReport> {
  if (isPostgresUrl(sqliteUrl)) throw new Error(`the archive to move must be a SQLite file (file:…), got ${redactPassword(sqliteUrl)}`);
  if (!isPostgresUrl(postgresUrl)) throw new Error(`the target must be a PostgreSQL database (postgresql://…), got ${postgresUrl}`);
  const path = databasePath(sqliteUrl);
  let source: Database.Database;
  try {
    source = new Database(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
  } catch (error) {
    throw new Error(`cannot open the SQLite archive ${path}: ${(error as Error).message}`);
  }
  const started = performance.now();
  try {
    if (!source.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'`).get()) throw new Error(`${path} is not an archive (it has no articles table)`);
    await migratePostgres(postgresUrl);
    const target = new pg.Client({ connectionString: postgresUrl });
    await target.connect();
    try {
      // One snapshot of the source for every table (a read transaction keeps it).
      source.exec("BEGIN");
      const report = await copyAll(source, target, onProgress);
      return { tables: report, seconds: (performance.now() - started) / 1000 };
    } finally {
      if (source.inTransaction) source.exec("ROLLBACK");
      await target.end();
    }
  } finally {
    source.close();
  }
}

async function copyAll(source: Database.Database, target: pg.Client, onProgress?: (progress: MoveProgress) => void): Promise<{ table: string; rows: number }[]> {
  const holding = await target.query<{ n: string }>(`SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM people) + (SELECT count(*) FROM outlets) AS n`);
  if (Number(holding.rows[0].n) > 0) throw new Error(`the PostgreSQL archive is not empty: move into a database of its own (CREATE DATABASE …, as the README says)`);
  // Partitions are made outside the copy's transaction, as writers make them.
  const years = source.prepare(`SELECT DISTINCT "publishedYear" AS year FROM articles UNION SELECT DISTINCT "publishedYear" FROM quotes`).all() as { year: number }[];
  for (const { year } of years) await ensureYearPartitions(target, year);

  const done: { table: string; rows: number }[] = [];
  await target.query("BEGIN");
  try {
    for (const table of MOVED_TABLES) {
      const columns = await movedColumns(source, target, table);
      const of = (source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      const rows = await copyTable(source, target, table, columns, (rows) => onProgress?.({ table, rows, of }));
      done.push({ table, rows });
    }
    // Ids go on from the largest moved, as they would have in SQLite.
    for (const table of MOVED_TABLES) {
      const serial = await target.query<{ sequence: string | null; key: string }>(
        `SELECT pg_get_serial_sequence($1, a.attname) AS sequence, a.attname AS key FROM pg_attribute a
         WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND pg_get_serial_sequence($1, a.attname) IS NOT NULL`,
        [`"${table}"`],
      );
      for (const { sequence, key } of serial.rows) {
        await target.query(`SELECT setval($1, coalesce((SELECT max("${key}") FROM "${table}"), 0) + 1, false)`, [sequence]);
      }
    }
    await target.query("COMMIT");
  } catch (error) {
    await target.query("ROLLBACK").catch(() => {});
    throw error;
  }
  // Fresh statistics, or the planner guesses from an empty table; and a vacuum, or every
  // count reads the rows behind the index (no page is marked all-visible yet) and every
  // search scans the GIN indexes' pending lists, which COPY filled (p50 14.5 ms for a count
  // and 95 ms for a search at 100,000 articles before it).
  await target.query("VACUUM (ANALYZE)");
  return done;
}

/**
 * The columns both sides have, minus those PostgreSQL computes (its search vectors). A column
 * PostgreSQL requires that the source lacks means the source is from another version.
 */
async function movedColumns(source: Database.Database, target: pg.Client, table: string): Promise<{ name: string; type: string }[]> {
  const sourceColumns = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
  const { rows } = await target.query<{ name: string; type: string; required: boolean }>(
    `SELECT column_name AS name, data_type AS type, (is_nullable = 'NO' AND column_default IS NULL) AS required FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const missing = rows.filter((c) => c.required && !sourceColumns.has(c.name)).map((c) => c.name);
  if (missing.length) throw new Error(`the SQLite archive's ${table} table has no ${missing.join(", ")}: start the archive once with this version (npm start) to bring it up to date, then move it`);
  return rows.filter((c) => sourceColumns.has(c.name)).map(({ name, type }) => ({ name, type }));
}

async function copyTable(source: Database.Database, target: pg.Client, table: string, columns: { name: string; type: string }[], onRows: (rows: number) => void): Promise<number> {
  const list = columns.map((c) => `"${c.name}"`).join(", ");
  const stream = target.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`));
  const finished = once(stream, "finish");
  // An error on the server ends the stream: it is rethrown here rather than lost.
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  failed.catch(() => {});
  const asTimestamp = columns.map((c) => c.type.startsWith("timestamp"));
  let rows = 0;
  let chunk = "";
  for (const row of source.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
    chunk += row.map((value, i) => copyText(value, asTimestamp[i])).join("\t") + "\n";
    rows++;
    if (chunk.length >= 1 << 20) {
      if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), failed]);
      chunk = "";
      onRows(rows);
    }
  }
  stream.end(chunk);
  await Promise.race([finished, failed]);
  onRows(rows);
  return rows;
}

// COPY's text format: \N for NULL, and backslash, tab, newline and carriage return escaped.
function copyText(value: unknown, timestamp: boolean): string {
  if (value === null || value === undefined) return "\\N";
  // SQLite keeps instants as ISO text (or, from old versions, milliseconds); PostgreSQL's
  // columns are UTC without a zone.
  if (timestamp) return new Date(typeof value === "number" ? value : String(value)).toISOString().replace("Z", "");
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Buffer.isBuffer(value)) return "\\\\x" + value.toString("hex");
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
