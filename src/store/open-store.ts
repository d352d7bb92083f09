import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { databasePath, databaseUrl } from "./database-url.js";
import { SqlWriter } from "./sql-writer.js";

/** An open archive: the Prisma client over one SQLite file, and a count of the SQL it has run. */
export interface Store {
  prisma: PrismaClient;
  url: string;
  /** Every SQL statement Prisma sends is counted here: tests use it to prove batching. */
  sqlStatements: { count: number };
  /** Ingestion's write connection (store/sql-writer.ts), opened on first use. */
  writer(): SqlWriter;
  close(): Promise<void>;
}

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
  return {
    prisma,
    url,
    sqlStatements,
    writer: () => (writer ??= new SqlWriter(databasePath(url))),
    async close() {
      writer?.close();
      await prisma.$disconnect();
    },
  };
}
