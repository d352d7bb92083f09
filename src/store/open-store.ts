// Opens the archive DATABASE_URL names, and brings it up to the committed migrations.
import { databaseUrl } from "./database-url.js";
import { migrateDatabase } from "./migrate.js";
import { openSqliteStore } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

export type { Store } from "./store.js";

/** The store at `url` (DATABASE_URL unless given). */
export async function openStore(url: string = databaseUrl()): Promise<Store> {
  return openSqliteStore(url);
}

/** Applies every committed migration the archive at `url` lacks, each atomically. */
export async function migrateStore(url: string = databaseUrl()): Promise<void> {
  await migrateDatabase(url);
}

export { databaseUrl } from "./database-url.js";
export { copyArchive, isArchive } from "./sqlite/copy-archive.js";
