// Throwaway PostgreSQL servers for tests: the test run's one shared server (started by
// global-setup.ts) and fresh databases on it. The servers themselves are started by
// scripts/cluster/local-postgres.ts (Debian's PostgreSQL 15 binaries, a private data folder,
// a free loopback port; `.ci/run` installs the `postgresql` package when they are missing).
import { inject } from "vitest";
import { databasesOn, postgresUnavailable, type PostgresServer } from "../../scripts/cluster/local-postgres.js";

export { POSTGRES_BIN, postgresUnavailable, startPostgresServer, startReplicaServer, type PostgresServer } from "../../scripts/cluster/local-postgres.js";

let databasesMade = 0;

/** The test run's one PostgreSQL server (tests/support/global-setup.ts). */
export function runPostgres(): Pick<PostgresServer, "port" | "urlOf" | "createDatabase"> {
  const port = inject("postgresPort");
  if (!port) throw new Error(postgresUnavailable() ?? "the test run's PostgreSQL server was not started (tests/support/global-setup.ts)");
  return { port, ...databasesOn(port) };
}

/**
 * A fresh, empty database on the test run's one PostgreSQL server (started by
 * tests/support/global-setup.ts: an initdb per test file cost seconds). Its `stop()` leaves
 * the server running for the other files; only tests of the server's own life start one
 * with startPostgresServer.
 */
export async function testPostgres(): Promise<PostgresServer> {
  const { port, urlOf, createDatabase } = runPostgres();
  // Files run side by side in several processes: the process id keeps their names apart.
  const url = await createDatabase(`test_${process.pid}_${++databasesMade}`);
  return { url, port, urlOf, createDatabase, stop: () => {} };
}

/** The migrated archive every test archive on PostgreSQL is cloned from (made once per run by global-setup.ts). */
export const POSTGRES_TEMPLATE = "news_archive_template";
