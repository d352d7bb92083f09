import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { databasePath } from "./database-url.js";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Brings the SQLite file at `url` up to the committed migrations with `prisma migrate deploy`
 * (the one migration command that works offline with the driver adapter).
 */
export async function migrateDatabase(url: string): Promise<void> {
  mkdirSync(dirname(databasePath(url)), { recursive: true });
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  try {
    await promisify(execFile)(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Could not migrate ${url}: ${(stderr || stdout).trim().split("\n").slice(-5).join(" ")}`);
  }
}
