import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/sqlite-store.js";

export interface TestArchive {
  dir: string;
  path: string;
  url: string;
  store: SqliteStore;
  close(): Promise<void>;
}

/** A fresh, migrated archive in a real SQLite file in a temp directory. */
export async function createTestArchive(): Promise<TestArchive> {
  const dir = mkdtempSync(join(tmpdir(), "news-archive-test-"));
  const path = join(dir, "archive.db");
  copyFileSync(inject("templateDatabase"), path);
  const url = `file:${path}`;
  const store = await openSqliteStore(url);
  return {
    dir,
    path,
    url,
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
