import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { databasePath, databaseUrl } from "./database-url.js";
import type { SqlDialect } from "./sql-dialect.js";
import { sqliteDialect } from "./sqlite/sqlite-dialect.js";
import { ReadPool, type ReadPoolStats, type SnapshotOptions, type SqlReads } from "./sql-reader.js";
import { SqlWriter } from "./sql-writer.js";

/** An open archive: the Prisma client over one SQLite file, and a count of the SQL it has run. */
export interface Store {
  prisma: PrismaClient;
  url: string;
  /** How this store's engine says what differs between engines (store/sql-dialect.ts). */
  dialect: SqlDialect;
  /** Where the store's reads (store/sql-rows.ts) go: the read pool, or one snapshot's connection. */
  reads: SqlReads;
  /**
   * Runs `work` over one consistent snapshot of the archive (a read transaction on a pooled
   * read thread of its own): the server reads each request this way. `options.signal`
   * stops it (store/sql-reader.ts says how far).
   */
  snapshot<T>(work: (snapshot: Store) => Promise<T>, options?: SnapshotOptions): Promise<T>;
  /** Starts every read thread now, for a server: the first requests then find them ready. */
  startReadThreads(): Promise<void>;
  /** How the read threads are used (for /metrics). */
  readStats(): ReadPoolStats;
  /** Every SQL statement the store runs (reads, and Prisma's) is counted here: tests use it to prove batching. */
  sqlStatements: { count: number };
  /** Ingestion's write connection (store/sql-writer.ts), opened on first use. */
  writer(): SqlWriter;
  close(): Promise<void>;
}

// Requests in flight at once, each on a snapshot of its own read thread; more wait for a
// free one. Each thread keeps its own connection and page cache, so this is also a bound on memory.
export const READ_CONNECTIONS = 8;

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;

export async function openStore(url: string = databaseUrl()): Promise<Store> {
  mkdirSync(dirname(databasePath(url)), { recursive: true });
  // timeout: wait for a writer in another process (an ingest) rather than fail with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const sqlStatements = { count: 0 };
  prisma.$on("query", (event) => {
    // The server reads each request in a transaction of its own (server/read-snapshot.ts):
    // its COMMIT is bookkeeping, not a statement the request asked for.
    if (!TRANSACTION_CONTROL.test(event.query)) sqlStatements.count++;
  });
  // WAL: readers (the server) never block on the writer (an ingest) and see a consistent snapshot.
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  sqlStatements.count = 0;
  let writer: SqlWriter | null = null;
  const readPool = new ReadPool(databasePath(url), READ_CONNECTIONS, sqlStatements);
  const store: Store = {
    prisma,
    url,
    dialect: sqliteDialect,
    reads: readPool,
    snapshot: (work, options) => readPool.snapshot((reads) => work({ ...store, reads }), options),
    startReadThreads: () => readPool.start(),
    readStats: () => readPool.stats(),
    sqlStatements,
    writer: () => (writer ??= new SqlWriter(databasePath(url))),
    async close() {
      writer?.close();
      await readPool.close();
      await prisma.$disconnect();
    },
  };
  return store;
}
