import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { committedMigrations, migrateDatabase } from "../../src/store/migrate.js";
import { projectRoot } from "../support/run-script.js";

let dir: string;
let path: string;
let url: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "news-archive-migrate-"));
  path = join(dir, "archive.db");
  url = `file:${path}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const applied = (file = path) => {
  const db = new Database(file);
  try {
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'`).get()) return [];
    return (db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`).all() as { migration_name: string }[]).map(
      (r) => r.migration_name,
    );
  } finally {
    db.close();
  }
};
const allMigrations = () => committedMigrations().map((m) => m.name);

/** Starts a migration in a process of its own and SIGKILLs it `afterMs` after it begins (never, for Infinity); resolves how it ended and how long it ran. */
function migrateAndKill(afterMs: number): Promise<{ ended: "killed" | "finished"; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "tests", "support", "migrate-process-entry.ts"), url], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let began = 0;
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      if (!began && out.includes("migrating\n")) {
        began = performance.now();
        if (Number.isFinite(afterMs)) setTimeout(() => child.kill("SIGKILL"), afterMs);
      }
    });
    child.once("error", reject);
    child.once("close", () => resolve({ ended: out.includes("migrated\n") ? "finished" : "killed", ms: performance.now() - began }));
  });
}

/** A fresh, empty archive path for the next run. */
function freshArchive(): void {
  rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), "news-archive-migrate-"));
  path = join(dir, "archive.db");
  url = `file:${path}`;
}

describe("migrations", () => {
  it("applies every committed migration to a new archive and records each as Prisma does", async () => {
    await migrateDatabase(url);
    expect(applied()).toEqual(allMigrations());
    const db = new Database(path, { readonly: true });
    const rows = db.prepare(`SELECT checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`).all();
    db.close();
    expect(rows).toEqual(committedMigrations().map((m) => ({ checksum: m.checksum, applied_steps_count: 1 })));
    await migrateDatabase(url); // nothing left to do
    expect(applied()).toEqual(allMigrations());
  });

  it("finishes on the next start after the first migration of a new archive is killed at any point", { timeout: 120_000 }, async () => {
    // Kill points spread over how long a whole migration takes in this process on this machine
    // now (tens of milliseconds idle, several times that under load), not fixed milliseconds.
    freshArchive();
    const whole = (await migrateAndKill(Infinity)).ms;
    const seen = new Set<number>();
    for (const share of [0, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9]) {
      const afterMs = Math.round(whole * share);
      freshArchive();
      const { ended } = await migrateAndKill(afterMs);
      // Whatever the kill interrupted, the file holds whole migrations only...
      const db = new Database(path);
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'statements', 'story_keys')`).all() as { name: string }[]).map((r) => r.name);
      db.close();
      const done = applied();
      seen.add(done.length);
      expect(tables.includes("story_keys"), `${afterMs} ms: ${done.join(", ")}`).toBe(done.some((m) => m.endsWith("_story_keys")));
      expect(tables.includes("articles")).toBe(done.length > 0);
      if (ended === "finished") expect(done).toEqual(allMigrations());
      // ...and the next start completes them and leaves a working archive.
      await migrateDatabase(url);
      expect(applied()).toEqual(allMigrations());
      const check = new Database(path);
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      check.prepare(`INSERT INTO articles (headline, body, "contentHash", "sourceFile", "ingestedAt") VALUES ('h', 'a harbour story', 'x', 'f', '2025-01-01')`).run();
      expect(check.prepare(`SELECT count(*) AS n FROM article_search WHERE article_search MATCH 'harbour'`).get()).toEqual({ n: 1 });
      check.close();
    }
    console.log(`a whole migration took ${Math.round(whole)} ms; migrations applied when killed: ${[...seen].sort().join(", ")} of ${allMigrations().length}`);
  });

  it("starts a new archive over when an older version's migration was cut off before any article was stored", async () => {
    // What `prisma migrate deploy` left when killed: part of the first migration, and a row that never finished.
    const db = new Database(path);
    db.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
      "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0);
      INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'y', '${allMigrations()[0]}');
      CREATE TABLE "outlets" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL);`);
    db.close();
    await migrateDatabase(url);
    expect(applied()).toEqual(allMigrations());
  });

  it("refuses, changing nothing, an archive holding articles whose migration an older version cut off", async () => {
    await migrateDatabase(url);
    const db = new Database(path);
    db.exec(`INSERT INTO articles (headline, body, "contentHash", "sourceFile", "ingestedAt") VALUES ('h', 'b', 'x', 'f', '2025-01-01');
      UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${allMigrations().at(-1)}'`);
    db.close();
    await expect(migrateDatabase(url)).rejects.toThrow(/was cut off by an older version of news-archive.*holds articles.*nothing has been changed/);
    const after = new Database(path, { readonly: true });
    expect(after.prepare(`SELECT count(*) AS n FROM articles`).get()).toEqual({ n: 1 });
    after.close();
  });

  it("repairs stored dates that are not calendar days, and the spans derived from them", async () => {
    await migrateDatabase(url);
    const db = new Database(path);
    db.exec(`INSERT INTO stories (id, title, "startedOn", "lastUpdatedOn", "articleCount") VALUES (1, 's', '2025-01-05', '2025-02-30', 2);
      INSERT INTO articles (id, headline, body, "publishedOn", "contentHash", "sourceFile", "ingestedAt", "storyId") VALUES
        (1, 'a', 'b', '2025-01-05', 'x1', 'f1', '2025-01-01', 1), (2, 'a', 'b', '2025-02-30', 'x2', 'f2', '2025-01-01', 1), (3, 'a', 'b', '9999-12-31', 'x3', 'f3', '2025-01-01', NULL);
      DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_repair_invalid_dates'`);
    db.close();
    await migrateDatabase(url);
    const after = new Database(path, { readonly: true });
    expect(after.prepare(`SELECT id, "publishedOn" FROM articles ORDER BY id`).all()).toEqual([
      { id: 1, publishedOn: "2025-01-05" },
      { id: 2, publishedOn: null },
      { id: 3, publishedOn: null },
    ]);
    expect(after.prepare(`SELECT "startedOn", "lastUpdatedOn" FROM stories`).get()).toEqual({ startedOn: "2025-01-05", lastUpdatedOn: "2025-01-05" });
    after.close();
  });

  it("classes articles stored before the source format was recorded by the name of their source", async () => {
    await migrateDatabase(url);
    const db = new Database(path);
    db.exec(`ALTER TABLE articles DROP COLUMN "sourceFormat";
      INSERT INTO articles (id, body, "contentHash", "sourceFile", "ingestedAt") VALUES
        (1, 'b', 'x1', 'crawl/a.txt', '2025-01-01'), (2, 'b', 'x2', 'crawl/b.html.gz', '2025-01-01'),
        (3, 'b', 'x3', 'crawl/c.warc.gz#4096', '2025-01-01'), (4, 'b', 'x4', 'crawl/d.jsonl#3', '2025-01-01');
      DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_source_format'`);
    db.close();
    await migrateDatabase(url);
    const after = new Database(path, { readonly: true });
    expect(after.prepare(`SELECT "sourceFormat" FROM articles ORDER BY id`).all().map((r) => (r as { sourceFormat: string }).sourceFormat)).toEqual(["text", "html", "warc", "news-please"]);
    after.close();
  });

  it("places articles stored before the commit order was recorded in the order of their ids, at their ingestion", async () => {
    await migrateDatabase(url);
    const db = new Database(path);
    db.exec(`DROP TABLE article_commits;
      INSERT INTO articles (id, body, "contentHash", "sourceFile", "ingestedAt") VALUES
        (2, 'b', 'x2', 'b.txt', '2025-01-02T00:00:00.000+00:00'), (1, 'b', 'x1', 'a.txt', '2025-01-01T00:00:00.000+00:00');
      DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_article_commits'`);
    db.close();
    await migrateDatabase(url);
    const after = new Database(path, { readonly: true });
    expect(after.prepare(`SELECT seq, "articleId", "committedAt" FROM article_commits ORDER BY seq`).all()).toEqual([
      { seq: 1, articleId: 1, committedAt: "2025-01-01T00:00:00.000+00:00" },
      { seq: 2, articleId: 2, committedAt: "2025-01-02T00:00:00.000+00:00" },
    ]);
    after.close();
  });
});
