// Opens the archive DATABASE_URL names, and brings it up to the committed migrations:
// `postgresql://…` is the PostgreSQL store, `file:…` (or nothing) the SQLite one.
import { databaseUrl, isPostgresUrl, redactPassword } from "./database-url.js";
import { migrateDatabase } from "./migrate.js";
import { migratePostgres } from "./postgres/migrate.js";
import { openPostgresStore } from "./postgres/postgres-store.js";
import { openSqliteStore } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

export type { Store } from "./store.js";

/** The store at `url` (DATABASE_URL unless given). */
export async function openStore(url: string = databaseUrl()): Promise<Store> {
  return isPostgresUrl(url) ? openPostgresStore(url) : openSqliteStore(url);
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

export { databaseUrl, isPostgresUrl } from "./database-url.js";
export { copyArchive, isArchive } from "./sqlite/copy-archive.js";
