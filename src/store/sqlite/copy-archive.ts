// A consistent copy of a SQLite archive, for `npm run load` (which loads a copy, never the live file).
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { databasePath } from "../database-url.js";

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
 * Writes a consistent copy of the archive at `url` to `path` (a new file), as one snapshot
 * even while an ingest writes: SQLite's VACUUM INTO, not a file copy that could catch the
 * database file and its WAL at different moments.
 */
export function copyArchive(url: string, path: string): void {
  if (existsSync(path)) throw new Error(`${path} already exists: copy the archive to a new file`);
  const db = new Database(databasePath(url), { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare(`VACUUM INTO ?`).run(path);
  } finally {
    db.close();
  }
}
