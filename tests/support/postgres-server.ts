// A throwaway PostgreSQL server for tests: Debian's PostgreSQL 15 binaries, a data folder
// of its own in a temporary directory, a free loopback port, stopped and removed at the end.
// No Docker and no system service: `.ci/run` installs the `postgresql` package when the
// binaries are missing, and this starts a private server from them.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

/**
 * Why no server can be started here, or null when the binaries are present. Tests skip
 * with this message; with REQUIRE_POSTGRES=1 (as .ci/run sets) it throws instead, so CI
 * cannot pass by skipping.
 */
export function postgresUnavailable(): string | null {
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    if (!existsSync(join(POSTGRES_BIN, tool))) {
      const reason = `PostgreSQL 15 is not installed (no ${join(POSTGRES_BIN, tool)}): run \`apt-get install -y postgresql\`, as .ci/run does`;
      if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`REQUIRE_POSTGRES=1, but ${reason}`);
      return reason;
    }
  }
  return null;
}

export interface PostgresServer {
  /** `postgresql://postgres@127.0.0.1:PORT/DATABASE`: the database made for this server. */
  url: string;
  port: number;
  /** The URL of another database on the same server (made with createDatabase). */
  urlOf(database: string): string;
  /** Creates database `name` (a copy of `template` when given: no one may be connected to it) and returns its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
}

// initdb refuses to run as root, and the tests run as root in CI: the server's files and
// processes then belong to the `postgres` OS user the Debian package creates.
const runsAsRoot = () => process.getuid?.() === 0;

function run(tool: string, args: string[], dir: string): void {
  const [command, argv] = runsAsRoot() ? ["runuser", ["-u", "postgres", "--", join(POSTGRES_BIN, tool), ...args]] : [join(POSTGRES_BIN, tool), args];
  try {
    execFileSync(command, argv, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    const log = existsSync(join(dir, "server.log")) ? readFileSync(join(dir, "server.log"), "utf8").slice(-2000) : "";
    throw new Error(`${tool} failed: ${String(stderr ?? "")}${String(stdout ?? "")}${log}`.trim());
  }
}

/** A loopback port nothing listens on now (the server may still lose a race for it: startPostgresServer retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function databasesOn(port: number): Pick<PostgresServer, "urlOf" | "createDatabase"> {
  const urlOf = (name: string) => `postgresql://postgres@127.0.0.1:${port}/${name}`;
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const createDatabase = async (name: string, template?: string) => {
    const admin = new pg.Client({ connectionString: urlOf("postgres") });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`);
    } finally {
      await admin.end();
    }
    return urlOf(name);
  };
  return { urlOf, createDatabase };
}

const servers = new Set<() => void>();
// A test process that ends without calling stop() (a crash, a failed hook) must not leave a
// postgres running: every server still up is stopped on the way out.
process.once("exit", () => {
  for (const stop of [...servers]) stop();
});

/**
 * Starts a private PostgreSQL 15 and creates `database` on it. Settings favour speed over
 * durability (fsync off): its data is thrown away at the end.
 */
export async function startPostgresServer(database = "news_archive"): Promise<PostgresServer> {
  const unavailable = postgresUnavailable();
  if (unavailable) throw new Error(unavailable);
  const dir = mkdtempSync(join(tmpdir(), "news-archive-postgres-"));
  if (runsAsRoot()) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
  const data = join(dir, "data");
  let started = false;
  const stop = () => {
    servers.delete(stop);
    if (started) {
      started = false;
      const argv = ["stop", "-D", data, "-m", "immediate", "-w"];
      spawnSync(runsAsRoot() ? "runuser" : join(POSTGRES_BIN, "pg_ctl"), runsAsRoot() ? ["-u", "postgres", "--", join(POSTGRES_BIN, "pg_ctl"), ...argv] : argv, { stdio: "ignore" });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  servers.add(stop);
  try {
    // C collation: text sorts byte for byte, as SQLite's BINARY does. A UTF-8 LC_CTYPE: the
    // text-search parser tells letters from punctuation by it (the migrations require one).
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--lc-collate=C", "--lc-ctype=C.UTF-8", "--no-sync"], dir);
    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        run("pg_ctl", ["start", "-w", "-t", "60", "-D", data, "-l", join(dir, "server.log"), "-o", options], dir);
        started = true;
      } catch (error) {
        if (attempt >= 3) throw error; // another process took the port between probe and start
      }
    }
    const { urlOf, createDatabase } = databasesOn(port);
    const url = await createDatabase(database);
    return { url, port, urlOf, createDatabase, stop };
  } catch (error) {
    stop();
    throw new Error(`Could not start a test PostgreSQL as ${userInfo().username}: ${(error as Error).message}`);
  }
}

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
