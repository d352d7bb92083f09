// The SQLite store, the embedded default: one file, read on a pool of read threads
// (sqlite/read-pool.ts), written by ingestion's own connection (sqlite/sqlite-writer.ts),
// WAL between them. Prisma's client is made beside them when first asked for (tests look at
// rows through it; the server and ingestion never do).
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client.js";
import { databasePath } from "../database-url.js";
import { committedMigrations } from "../migrate.js";
import type { SqlArchive, SqlEngine, SqlReads } from "../sql-archive.js";
import { SqlStore } from "../sql-store.js";
import { ReadPool } from "./read-pool.js";
import { sqliteDialect } from "./sqlite-dialect.js";
import { SqliteWriter } from "./sqlite-writer.js";

// Requests in flight at once, each on a snapshot of its own read thread; more wait for a
// free one. Each thread keeps its own connection and page cache, so this is also a bound on memory.
export const READ_CONNECTIONS = 8;

export interface SqliteEngine extends SqlEngine {
  readonly engine: "sqlite";
  /** Prisma's client over the same file (tests read rows through it), made when first asked for. */
  readonly prisma: PrismaClient;
  readonly reads: ReadPool | SqlReads;
  writer(): SqliteWriter;
}

export type SqliteStore = SqlStore<SqliteEngine>;

const fileSize = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0; // no WAL file at this moment: it holds nothing
  }
};

export async function openSqliteStore(url: string): Promise<SqliteStore> {
  const path = databasePath(url);
  mkdirSync(dirname(path), { recursive: true });
  // WAL: readers (the server) never block on the writer (an ingest) and see a consistent snapshot.
  // timeout: wait for a writer in another process (an ingest) rather than fail with SQLITE_BUSY.
  const setUp = new Database(path, { timeout: 10_000 });
  setUp.pragma("journal_mode = WAL");
  setUp.close();
  // Made on first use: a client that has connected holds some 26 MB, a tenth of a server's
  // memory at a million articles, for nothing but tests.
  let prisma: PrismaClient | null = null;
  const sqlStatements = { count: 0 };
  let writer: SqliteWriter | null = null;
  const readPool = new ReadPool(path, READ_CONNECTIONS, sqlStatements);
  const archive = (reads: SqlReads): SqlArchive => ({
    url,
    dialect: sqliteDialect,
    reads,
    snapshot: (work, options) => readPool.snapshot((snapshotReads) => work(archive(snapshotReads)), options),
    writer: () => (writer ??= new SqliteWriter(path)),
  });
  const engine: SqliteEngine = {
    ...archive(readPool),
    engine: "sqlite",
    get prisma() {
      return (prisma ??= new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) }));
    },
    sqlStatements,
    writer: () => (writer ??= new SqliteWriter(path)),
    openReadConnections: () => readPool.start(),
    readStats: () => readPool.stats(),
    async sizeInBytes() {
      return fileSize(path) + fileSize(`${path}-wal`);
    },
    committedMigrationNames: () => committedMigrations().map((m) => m.name),
    async close() {
      writer?.close();
      await readPool.close();
      await prisma?.$disconnect();
    },
  };
  return new SqlStore(engine);
}
