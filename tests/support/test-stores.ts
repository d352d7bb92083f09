// The same suite on both stores: SQLite (a file copied from the migrated template) and
// PostgreSQL (a database cloned from a migrated template on the test run's one throwaway
// server, started by tests/support/global-setup.ts). describeOnEachStore runs a describe block once
// per engine; createStoreOn gives a fresh, empty, migrated archive on either.
import { afterEach, describe, it } from "vitest";
import { migrateStore, openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { POSTGRES_TEMPLATE, postgresUnavailable, runPostgres } from "./postgres-server.js";
import { createTestArchive } from "./test-archive.js";

export type Engine = "sqlite" | "postgresql";
export const ENGINES: Engine[] = ["sqlite", "postgresql"];

/** A fresh archive on one engine; closing it closes the store and drops the archive. */
export interface TestStore {
  engine: Engine;
  url: string;
  store: Store;
  close(): Promise<void>;
}

let databases = 0;

export async function createStoreOn(engine: Engine): Promise<TestStore> {
  if (engine === "sqlite") {
    const archive = await createTestArchive();
    return { engine, url: archive.url, store: archive.store, close: () => archive.close() };
  }
  const server = runPostgres();
  // Test files run side by side in several processes: the process id keeps their names apart.
  const url = await server.createDatabase(`archive_${process.pid}_${++databases}`, POSTGRES_TEMPLATE);
  const store = await openStore(url);
  return { engine, url, store, close: () => store.close() };
}

/**
 * `describe(name)` once per engine, with `body(engine)` declaring its tests. On a machine
 * without PostgreSQL the PostgreSQL block is skipped saying why (never in CI: REQUIRE_POSTGRES=1
 * makes postgresUnavailable throw instead).
 */
export function describeOnEachStore(name: string, body: (engine: Engine) => void): void {
  const unavailable = postgresUnavailable();
  for (const engine of ENGINES) {
    describe(`${name} (${engine === "sqlite" ? "SQLite" : "PostgreSQL"})`, () => {
      if (engine === "postgresql" && unavailable) {
        it.skip(`needs PostgreSQL: ${unavailable}`, () => {});
        return;
      }
      body(engine);
    });
  }
}

/**
 * For a describe block: `open()` gives a fresh archive on `engine`, and `remigrate(archive)`
 * applies the migrations it lacks (as the next start would) and reopens it in its place;
 * every archive is closed after each test.
 */
export function freshStoresOn(engine: Engine): { open(): Promise<TestStore>; remigrate(archive: TestStore): Promise<TestStore> } {
  let archives: TestStore[] = [];
  afterEach(async () => {
    for (const a of archives) await a.close();
    archives = [];
  });
  return {
    async open() {
      const archive = await createStoreOn(engine);
      archives.push(archive);
      return archive;
    },
    async remigrate(archive) {
      await archive.store.close();
      await migrateStore(archive.url);
      const store = await openStore(archive.url);
      // The archive's own close drops it (PostgreSQL) or its folder (SQLite): kept for the end.
      const again: TestStore = { ...archive, store, close: async () => { await store.close(); await archive.close().catch(() => {}); } };
      archives[archives.indexOf(archive)] = again;
      return again;
    },
  };
}
