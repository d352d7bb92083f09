import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { databasePath } from "./database-url.js";
import { fillMissingStoryKeys } from "./story-keys.js";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * True when every committed migration is already applied to the file at `path`. Checked
 * before running Prisma: `prisma migrate deploy` takes the file with locking_mode=EXCLUSIVE
 * even when it has nothing to do, and so fails with SQLITE_BUSY while a server has the
 * archive open, which would stop `npm run ingest` from ever adding to a served archive.
 */
function isUpToDate(path: string): boolean {
  if (!existsSync(path)) return false;
  const committed = readdirSync(join(projectRoot, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get()) return false;
    const rows = db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as { migration_name: string }[];
    const applied = new Set(rows.map((r) => r.migration_name));
    return committed.every((name) => applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * Brings the SQLite file at `url` up to the committed migrations with `prisma migrate deploy`
 * (the one migration command that works offline with the driver adapter).
 */
export async function migrateDatabase(url: string): Promise<void> {
  mkdirSync(dirname(databasePath(url)), { recursive: true });
  if (isUpToDate(databasePath(url))) return;
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  try {
    await promisify(execFile)(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    const busy = /SocketTimeout|SQLITE_BUSY/.test(stderr + stdout) ? " (the archive is open in another process: stop the server to apply new migrations)" : "";
    throw new Error(`Could not migrate ${url}${busy}: ${(stderr || stdout).trim().split("\n").slice(-5).join(" ")}`);
  }
  // Data the new tables need from articles stored before them.
  fillMissingStoryKeys(databasePath(url));
}
