// Opens the archive DATABASE_URL names, and brings it up to the committed migrations:
// `postgresql://…` is the PostgreSQL store, `file:…` (or nothing) the SQLite one.
import { databaseUrl, isPostgresUrl, redactPassword } from "./database-url.js";
import { migrateDatabase } from "./migrate.js";
import { migratePostgres } from "./postgres/migrate.js";
import { openPostgresStore } from "./postgres/postgres-store.js";
import { openSqliteStore } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

export type { Store } from "./store.js";

export interface OpenStoreOptions {
  /**
   * Read replicas of a PostgreSQL `url` (DATABASE_READ_URLS, see databaseReadUrls): what
   * serves requests and exports reads there; ingestion, which reads its own writes, leaves
   * them out.
   */
  readUrls?: readonly string[];
  /** How long a replica that failed is skipped before it is tried again (default 5 s). */
  replicaRetryMs?: number;
}

/** The store at `url` (DATABASE_URL unless given). */
export async function openStore(url: string = databaseUrl(), options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(url)) return openPostgresStore(url, options);
  if (options.readUrls?.length) throw new Error(`DATABASE_READ_URLS is set, but DATABASE_URL (${redactPassword(url)}) is not a PostgreSQL database: replicas need a PostgreSQL primary`);
  return openSqliteStore(url);
}

/** Applies every committed migration the archive at `url` lacks, each atomically. */
export async function migrateStore(url: string = databaseUrl()): Promise<void> {
  if (!isPostgresUrl(url)) return migrateDatabase(url);
  try {
    await migratePostgres(url);
  } catch (error) {
    // One line naming the variable: an unreachable server, a wrong password, a missing database.
    const message = (error as Error).message.split("\n")[0];
    throw new Error(message.startsWith("Could not migrate") ? `DATABASE_URL: ${message}` : `DATABASE_URL ${redactPassword(url)} cannot be reached: ${message}`);
  }
}

export { databaseReadUrls, databaseUrl, isPostgresUrl, redactPassword } from "./database-url.js";
export { moveToPostgres } from "./move-to-postgres.js";
export { copyArchive, isArchive } from "./sqlite/copy-archive.js";
