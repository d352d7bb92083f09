// Private PostgreSQL servers on this machine: Debian's PostgreSQL 15 binaries, a data folder
// of their own in a temporary directory, a loopback port, stopped and removed at the end.
// No Docker and no system service. A server is a fresh initdb, or a streaming replica of
// another (pg_basebackup -R). The tests' throwaway servers (tests/support/postgres-server.ts)
// and `npm run cluster:local` (local-cluster.ts) both start theirs here.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

/**
 * Why no server can be started here, or null when the binaries are present. Tests skip
 * with this message; with REQUIRE_POSTGRES=1 (as .ci/run sets) it throws instead, so CI
 * cannot pass by skipping.
 */
export function postgresUnavailable(): string | null {
  for (const tool of ["initdb", "pg_ctl", "postgres", "pg_basebackup"]) {
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
  /** Stops the server at once (connections dropped, as in a crash) and removes its folder; safe to call twice. */
  stop(): void;
}

// initdb refuses to run as root, and the tests run as root in CI: the server's files and
// processes then belong to the `postgres` OS user the Debian package creates.
const runsAsRoot = () => process.getuid?.() === 0;

// Asynchronous, so that several servers (a cluster's replicas) are prepared side by side.
async function run(tool: string, args: string[], dir: string): Promise<void> {
  const [command, argv] = runsAsRoot() ? ["runuser", ["-u", "postgres", "--", join(POSTGRES_BIN, tool), ...args]] : [join(POSTGRES_BIN, tool), args];
  try {
    await execFileAsync(command, argv, { cwd: dir });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const log = existsSync(join(dir, "server.log")) ? readFileSync(join(dir, "server.log"), "utf8").slice(-2000) : "";
    throw new Error(`${tool} failed: ${String(stderr ?? "")}${String(stdout ?? "")}${log}`.trim());
  }
}

/** A loopback port nothing listens on now (the server may still lose a race for it: startInstance retries). */
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

export function databasesOn(port: number): Pick<PostgresServer, "urlOf" | "createDatabase"> {
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
// A process that ends without calling stop() (a crash, a failed hook, Ctrl-C) must not leave
// a postgres running: every server still up is stopped on the way out.
process.once("exit", () => {
  for (const stop of [...servers]) stop();
});

/** A started server's folder and port, and how to stop it. */
interface Instance {
  port: number;
  stop(): void;
}

/**
 * Makes a folder for a server, lets `prepare(dataDir, folder)` fill its data directory
 * (initdb, or pg_basebackup), and starts it on `port` (a free one when 0). Settings favour
 * speed over durability (fsync off): these servers' data is thrown away at the end. A primary
 * keeps 256 MB of WAL so that a replica stopped for a while (or a base backup overtaken by a
 * checkpoint) can still catch up: the local cluster uses no replication slots.
 */
async function startInstance(prepare: (data: string, dir: string) => Promise<void>, port = 0): Promise<Instance> {
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
    await prepare(data, dir);
    let chosen = port;
    for (let attempt = 1; !started; attempt++) {
      if (!port) chosen = await freePort();
      const options = `-p ${chosen} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_keep_size=256MB`;
      try {
        await run("pg_ctl", ["start", "-w", "-t", "60", "-D", data, "-l", join(dir, "server.log"), "-o", options], dir);
        started = true;
      } catch (error) {
        if (port || attempt >= 3) throw error; // another process took the port between probe and start
      }
    }
    return { port: chosen, stop };
  } catch (error) {
    stop();
    throw new Error(`Could not start a PostgreSQL as ${userInfo().username}: ${(error as Error).message}`);
  }
}

/** Starts a private PostgreSQL 15 (on `port`, or a free one) and creates `database` on it. */
export async function startPostgresServer(database = "news_archive", port = 0): Promise<PostgresServer> {
  // C collation: text sorts byte for byte, as SQLite's BINARY does. A UTF-8 LC_CTYPE: the
  // text-search parser tells letters from punctuation by it (the migrations require one).
  // `--auth=trust` also lets 127.0.0.1 connect for replication, which replicas need.
  const instance = await startInstance((data, dir) => run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--lc-collate=C", "--lc-ctype=C.UTF-8", "--no-sync"], dir), port);
  try {
    const { urlOf, createDatabase } = databasesOn(instance.port);
    return { url: await createDatabase(database), port: instance.port, urlOf, createDatabase, stop: instance.stop };
  } catch (error) {
    instance.stop();
    throw error;
  }
}

/**
 * Starts a hot standby of the server on `primaryPort`, streaming its WAL: a copy of its data
 * folder (pg_basebackup, with a fast checkpoint so it need not wait for the next one) that
 * `-R` sets up to follow it. It answers reads of `database`, as the primary's was at the last
 * WAL it replayed.
 */
export async function startReplicaServer(primaryPort: number, database: string, port = 0): Promise<PostgresServer> {
  const instance = await startInstance((data, dir) => run("pg_basebackup", ["-D", data, "-R", "-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "--checkpoint=fast", "--no-sync"], dir), port);
  const { urlOf } = databasesOn(instance.port);
  const createDatabase = async () => {
    throw new Error("a replica is read-only: create databases on its primary");
  };
  return { url: urlOf(database), port: instance.port, urlOf, createDatabase, stop: instance.stop };
}
