// The same suite on both stores: SQLite (a file copied from the migrated template) and
// PostgreSQL (a database cloned from a migrated template on one throwaway server per test
// file, tests/support/postgres-server.ts). describeOnEachStore runs a describe block once
// per engine; createStoreOn gives a fresh, empty, migrated archive on either.
import { afterAll, describe, it } from "vitest";
import { migrateStore, openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { postgresUnavailable, startPostgresServer, type PostgresServer } from "./postgres-server.js";
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

const TEMPLATE = "news_archive_template";
let server: Promise<PostgresServer> | null = null;
let databases = 0;

// One server for the test file (each file runs in a process of its own), migrated once as
// a template that every archive of the file is cloned from (0.15 s a clone).
function postgresServer(): Promise<PostgresServer> {
  return (server ??= (async () => {
    const started = await startPostgresServer(TEMPLATE);
    await migrateStore(started.url);
    return started;
  })());
}

/** Stops the file's PostgreSQL server, if it started one. */
export async function stopTestPostgres(): Promise<void> {
  const started = await server?.catch(() => null);
  started?.stop();
  server = null;
}

export async function createStoreOn(engine: Engine): Promise<TestStore> {
  if (engine === "sqlite") {
    const archive = await createTestArchive();
    return { engine, url: archive.url, store: archive.store, close: () => archive.close() };
  }
  const pg = await postgresServer();
  const url = await pg.createDatabase(`archive_${++databases}`, TEMPLATE);
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
  afterAll(stopTestPostgres);
}
