// Brings an archive's SQLite file up to the committed migrations (prisma/migrations/*, made
// with `prisma migrate diff`). Applied here rather than by `prisma migrate deploy`, which
// runs a migration's statements outside any transaction: a process killed mid-migration
// left a half-made schema and a failed row that made every later start fail with P3009,
// and Prisma's way out (`migrate resolve`) needs a binary that cannot be downloaded here.
// Each migration runs in one transaction with the row that records it, so a kill leaves
// either the whole migration or none of it, and the next start applies what is missing.
// The bookkeeping table is Prisma's own, kept in its format, so Prisma's CLI still reads it.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { databasePath } from "./database-url.js";
import { fillMissingStoryKeys } from "./story-keys.js";
import { fillMissingEchoKeys } from "./echo-keys.js";

const migrationsDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migrations, oldest first (their names start with a timestamp). */
export function committedMigrations(): Migration[] {
  return readMigrations(migrationsDir);
}

/** The migrations in `dir` (one folder each, holding migration.sql), oldest first. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Prisma writes DATETIME columns as ISO 8601 with "+00:00".
const timestamp = () => new Date().toISOString().replace(/Z$/, "+00:00");

function appliedNames(db: Database.Database): Set<string> {
  const rows = db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as { migration_name: string }[];
  return new Set(rows.map((r) => r.migration_name));
}

/** A migration Prisma started and never finished (killed, or failed), from before this runner. */
function unfinishedByPrisma(db: Database.Database): string | null {
  const row = db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL LIMIT 1`).get() as
    | { migration_name: string }
    | undefined;
  return row?.migration_name ?? null;
}

function holdsArticles(db: Database.Database): boolean {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'`).get();
  return table !== undefined && db.prepare(`SELECT 1 FROM articles LIMIT 1`).get() !== undefined;
}

function open(path: string): Database.Database {
  // timeout: another process (a server, an ingest) may be starting on the same file.
  const db = new Database(path, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  db.exec(BOOKKEEPING);
  return db;
}

/**
 * Applies every committed migration the file at `url` lacks, each atomically. Safe to run
 * from several processes at once: each takes the write lock before it looks again.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const path = databasePath(url);
  mkdirSync(dirname(path), { recursive: true });
  let db = open(path);
  try {
    const unfinished = unfinishedByPrisma(db);
    if (unfinished) {
      if (holdsArticles(db)) {
        throw new Error(
          `migration ${unfinished} was cut off by an older version of news-archive, part-way and outside a transaction, and the archive holds articles. ` +
            `Restore the archive from a copy, or re-ingest its files into a new one; nothing has been changed.`,
        );
      }
      // A new archive whose first start was cut off: nothing in it to keep, so it starts over.
      db.close();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
      db = open(path);
    }
    // Only those not applied take the write lock: a start beside a running ingest waits for nothing.
    const applied = appliedNames(db);
    for (const migration of committedMigrations().filter((m) => !applied.has(m.name))) {
      db.transaction(() => {
        // Looked at again under the write lock: another process may have applied it meanwhile.
        if (appliedNames(db).has(migration.name)) return;
        const startedAt = timestamp();
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), migration.checksum, timestamp(), migration.name, startedAt);
      }).immediate();
    }
  } catch (error) {
    const busy = (error as { code?: string }).code === "SQLITE_BUSY" ? " (another process held the archive's write lock for over 10 s)" : "";
    throw new Error(`Could not migrate ${url}${busy}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  // Data the new tables need from articles stored before them, asked on every start: a start
  // stopped while filling (the migration committed, the rows not) leaves them to the next.
  if (existsSync(path)) {
    fillMissingStoryKeys(path);
    fillMissingEchoKeys(path);
  }
}
