// A primary and its streaming replicas on this machine's loopback, from PostgreSQL's own
// binaries (local-postgres.ts): the production layout of docs/SCALING.md in miniature, for
// `npm run cluster:local`, `npm run load` against replicas, and the replica tests.
import pg from "pg";
import { startPostgresServer, startReplicaServer, type PostgresServer } from "./local-postgres.js";

export interface LocalCluster {
  primary: PostgresServer;
  replicas: PostgresServer[];
  /** The replicas' URLs, as DATABASE_READ_URLS takes them. */
  readUrls: string[];
  /** Resolves once every replica still running has replayed all the primary had written when it was called. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Stops every server and removes its data; safe to call twice. */
  stop(): void;
}

export interface LocalClusterOptions {
  /** Database created on the primary (and so on every replica). */
  database?: string;
  replicas?: number;
  /** The primary's port, the replicas' the ones after it; free ports when 0. */
  port?: number;
  /** Runs on the primary before the replicas copy it (migrating it, say), so they start with its result. */
  prepare?(primary: PostgresServer): Promise<void>;
}

async function one<R>(url: string, sql: string, params: unknown[] = []): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0] as R;
  } finally {
    await client.end();
  }
}

export async function startLocalCluster({ database = "news_archive", replicas = 2, port = 0, prepare }: LocalClusterOptions = {}): Promise<LocalCluster> {
  const primary = await startPostgresServer(database, port);
  const started: PostgresServer[] = [];
  const stop = () => {
    for (const server of [...started, primary]) server.stop();
  };
  try {
    await prepare?.(primary);
    // One at a time: a second base backup's checkpoint can recycle WAL the first one is still
    // streaming (no replication slots, wal_keep_size 0), which fails it; side by side saved
    // a tenth of a second here anyway.
    for (let i = 1; i <= replicas; i++) started.push(await startReplicaServer(primary.port, database, port ? port + i : 0));
  } catch (error) {
    stop();
    throw error;
  }
  const stoppedAlready = new Set<PostgresServer>();
  return {
    primary,
    replicas: started.map((replica) => ({
      ...replica,
      stop() {
        stoppedAlready.add(replica);
        replica.stop();
      },
    })),
    readUrls: started.map((r) => r.url),
    async waitForReplay(timeoutMs = 10_000) {
      const { lsn } = await one<{ lsn: string }>(primary.url, `SELECT pg_current_wal_insert_lsn()::text AS lsn`);
      const deadline = Date.now() + timeoutMs;
      for (const replica of started.filter((r) => !stoppedAlready.has(r))) {
        for (;;) {
          const { behind } = await one<{ behind: string }>(replica.url, `SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text AS behind`, [lsn]);
          if (Number(behind) <= 0) break;
          if (Date.now() > deadline) throw new Error(`replica ${replica.url} is still ${behind} bytes of WAL behind its primary after ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    },
    stop,
  };
}
