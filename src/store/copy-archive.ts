import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { databasePath } from "./database-url.js";
import type { Store } from "./open-store.js";

/** Whether `url` names an archive (a migrated SQLite file), checked without writing to it. */
export function isArchive(url: string): boolean {
  const path = databasePath(url);
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'`).get() != null;
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of the open archive to `path` (a new file), as one snapshot
 * even while an ingest writes: SQLite's VACUUM INTO, not a file copy that could catch the
 * database file and its WAL at different moments.
 */
export async function copyArchive(store: Store, path: string): Promise<void> {
  if (existsSync(path)) throw new Error(`${path} already exists: copy the archive to a new file`);
  await store.prisma.$executeRawUnsafe(`VACUUM INTO ?`, path);
}
