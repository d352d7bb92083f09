// Where the PostgreSQL store reads: DATABASE_READ_URLS' replicas in turn (round robin), or
// the primary (DATABASE_URL) when there are none. A replica that fails to give a connection
// is skipped, and tried again once `retryMs` have passed; when no replica answers, reads go
// to the primary. The primary holds everything a replica does and more, so its answers are
// right, only slower for the writers that share it: a client gets an answer, and /healthz
// shows every replica down, rather than a 503 for an archive that is there to be read.
// Each snapshot begins here, so that a dead pooled connection is replaced before the
// request has read anything (snapshot-lease.ts carries one over once it has).
import pg from "pg";
import { redactPassword } from "../database-url.js";
import type { ReadPoolStats, ReplicaStatus, SnapshotOptions } from "../sql-archive.js";
import { readQuery } from "./read-statements.js";

/** One place reads can go: a replica, or the primary. */
export interface ReadSource {
  /** Its URL, password masked. */
  readonly url: string;
  readonly role: "replica" | "primary";
  readonly config: pg.ClientConfig;
  readonly pool: pg.Pool;
  /** Skipped until this instant (ms since the epoch) after failing; 0 when up. */
  downUntil: number;
  /** Why it last failed, while it is down. */
  lastError: string | null;
}

export interface ReadRouterOptions {
  /** Connections per source: each replica (and the primary) gets this many. */
  connections: number;
  /** How long a failed replica is skipped before a read tries it again. */
  retryMs?: number;
  /** How long to wait for a source to accept a connection before counting it as failed. */
  connectTimeoutMs?: number;
}

export const REPLICA_RETRY_MS = 5_000;

/** What begins a snapshot: one consistent state of the archive for every statement after it, and no writes. */
export const BEGIN_READ_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// A read statement is planned once per connection and its plan kept for every value
// (read-statements.ts): PostgreSQL's default re-plans a prepared statement for each of its
// first five runs, and over ten year partitions a plan cost about 5 ms. Partitions are still
// pruned as the kept plan runs, from its parameters.
// No parallel workers for a request: starting them cost about 10 ms, more than the queries
// they split (a story's statements: 30 ms p50 at 100,000 articles with them, 11.6 ms without),
// and on a busy server they take the cores other requests wait for.
// No JIT compilation either: a kept plan is costed for any value, and over jit_above_cost
// PostgreSQL compiled its expressions again on every run (a quote search matching nothing
// at a million articles: 56 ms of compiling for 0.3 ms of reading).
const READ_SESSION_OPTIONS = "-c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0 -c jit=off";

// Failures that mean the server, not the statement, is gone: the connection dropped or was
// refused, the server is shutting down or starting up, or a standby cancelled the statement
// because replaying the primary's WAL conflicted with it (40001 on a read-only transaction
// can only be that).
const LOST_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "40001"]);

/** Whether `error` says the database server went away (or refused), so the same statement could succeed on another one. */
export function isConnectionLost(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && (LOST_CODES.has(code) || code.startsWith("08"))) return true;
  return /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(message ?? "");
}

const reasonOf = (signal: AbortSignal) => (signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));

export class ReadRouter {
  readonly primary: ReadSource;
  readonly replicas: ReadSource[];
  private turn = 0;
  private readonly retryMs: number;
  private readonly connections: number;
  private readonly waits = { waits: 0, waitSeconds: 0 };
  // Clients that already carry our error listener (pg-pool takes its own off while a client is lent out).
  private readonly listened = new WeakSet<pg.PoolClient>();

  constructor(primaryConfig: pg.ClientConfig & { connectionString: string }, replicaUrls: readonly string[], options: ReadRouterOptions) {
    this.retryMs = options.retryMs ?? REPLICA_RETRY_MS;
    this.connections = options.connections;
    const source = (config: pg.ClientConfig & { connectionString: string }, role: ReadSource["role"]): ReadSource => {
      const pool = new pg.Pool({ ...config, options: READ_SESSION_OPTIONS, max: options.connections, idleTimeoutMillis: 60_000, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000 });
      // An idle connection the server drops must not end the process; the next read reconnects.
      pool.on("error", () => {});
      return { url: redactPassword(config.connectionString), role, config, pool, downUntil: 0, lastError: null };
    };
    this.primary = source(primaryConfig, "primary");
    this.replicas = replicaUrls.map((url) => source({ ...primaryConfig, connectionString: url }, "replica"));
  }

  /** The sources to try for the next read, in order: replicas in turn (those skipped for failing left out), then the primary. */
  private candidates(): ReadSource[] {
    if (this.replicas.length === 0) return [this.primary];
    const now = Date.now();
    const start = this.turn++ % this.replicas.length;
    const rotated = [...this.replicas.slice(start), ...this.replicas.slice(0, start)];
    return [...rotated.filter((r) => r.downUntil <= now), this.primary];
  }

  /** Skips `source` for the next `retryMs`, remembering why. */
  markDown(source: ReadSource, error: unknown): void {
    if (source.role === "primary") return; // the last resort is never skipped
    source.downUntil = Date.now() + this.retryMs;
    source.lastError = ((error as Error)?.message ?? String(error)).split("\n")[0];
  }

  /** `source` answered: it is a candidate again (a replica back after failing). */
  markUp(source: ReadSource): void {
    source.downUntil = 0;
    source.lastError = null;
  }

  /** A connection of `source`'s pool, waiting at most `waitMs` for one to be free. */
  private async lend(source: ReadSource, { signal, waitMs = 60_000 }: SnapshotOptions): Promise<pg.PoolClient> {
    signal?.throwIfAborted();
    const { pool } = source;
    const mustWait = pool.idleCount === 0 && pool.totalCount >= this.connections;
    const started = performance.now();
    if (mustWait) this.waits.waits++;
    const connecting = pool.connect();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      const client = await Promise.race([
        connecting,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new NoFreeConnection(waitMs)), waitMs);
          onAbort = () => reject(reasonOf(signal!));
          signal?.addEventListener("abort", onAbort, { once: true });
        }),
      ]);
      // A lent client whose server goes away between two statements emits "error": with no
      // listener that would end the process. The failure reaches the next statement anyway.
      if (!this.listened.has(client)) {
        this.listened.add(client);
        client.on("error", () => {});
      }
      return client;
    } catch (error) {
      connecting.then((client) => client.release(), () => {}); // given up on: back to the pool once it comes
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
      if (mustWait) this.waits.waitSeconds += (performance.now() - started) / 1000;
    }
  }

  /**
   * A connection in `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY` on the next source
   * that gives one; `except` is left out (the source a snapshot just lost). Only waiting
   * too long for a free connection, or `signal`, fails it, and failing the primary too.
   * `deferred`: the connection is lent without the BEGIN, for a snapshot that sends it with
   * its first statement (snapshot-lease.ts), and a source gone shows there instead.
   */
  async begin(options: SnapshotOptions, except?: ReadSource, { deferred = false } = {}): Promise<{ client: pg.PoolClient; source: ReadSource }> {
    const failures: string[] = [];
    for (const source of this.candidates()) {
      if (source === except && source.role === "replica") continue;
      let client: pg.PoolClient;
      try {
        client = await this.lend(source, options);
      } catch (error) {
        if (error instanceof NoFreeConnection || options.signal?.aborted || source.role === "primary") throw error;
        this.markDown(source, error);
        failures.push(`${source.url}: ${source.lastError}`);
        continue;
      }
      if (deferred) return { client, source };
      try {
        await client.query(BEGIN_READ_SNAPSHOT);
        this.markUp(source);
        return { client, source };
      } catch (error) {
        client.release(true);
        if (!isConnectionLost(error) || source.role === "primary") throw error;
        this.markDown(source, error);
        failures.push(`${source.url}: ${source.lastError}`);
      }
    }
    throw new Error(`no database answered a read: ${failures.join("; ")}`);
  }

  /** One statement, outside any snapshot, on the next source that answers. */
  async query<R>(text: string, values: unknown[]): Promise<R[]> {
    for (const source of this.candidates()) {
      try {
        const rows = (await source.pool.query(readQuery(text, values))).rows as R[];
        if (source.role === "replica") this.markUp(source);
        return rows;
      } catch (error) {
        if (source.role === "primary" || !isConnectionLost(error)) throw error;
        this.markDown(source, error);
      }
    }
    throw new Error("unreachable: the primary is always the last candidate");
  }

  /** Each replica's state and lag, asked of each now (empty without replicas). */
  async status(): Promise<ReplicaStatus[]> {
    if (this.replicas.length === 0) return [];
    // The primary's WAL position, to say how far behind each replica's replay is: where it
    // inserts, not what it has written out, since with synchronous_commit off a commit can
    // sit unwritten for a moment and readers of a replica do not see it either.
    const primaryLsn = await this.primary.pool.query<{ lsn: string }>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`).then(
      (r) => r.rows[0].lsn,
      () => null,
    );
    return Promise.all(
      this.replicas.map(async (replica): Promise<ReplicaStatus> => {
        try {
          const { rows } = await replica.pool.query<{ replaying: boolean; lagBytes: number | null; lagSeconds: number | null }>(
            `SELECT pg_is_in_recovery() AS replaying,
                    CASE WHEN pg_is_in_recovery() AND $1::pg_lsn IS NOT NULL THEN greatest(0, pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())) END AS "lagBytes",
                    CASE WHEN NOT pg_is_in_recovery() THEN NULL
                         WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                         ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS "lagSeconds"`,
            [primaryLsn],
          );
          const { replaying, lagBytes, lagSeconds } = rows[0];
          return { url: replica.url, state: "up", replaying, lagBytes, lagSeconds };
        } catch (error) {
          this.markDown(replica, error);
          return { url: replica.url, state: "down", replaying: null, lagBytes: null, lagSeconds: null, error: replica.lastError ?? undefined };
        }
      }),
    );
  }

  /**
   * Opens every connection reads will use now: the replicas' (a replica that does not
   * answer is marked down instead of failing the start), or the primary's without replicas.
   */
  async openAll(): Promise<void> {
    await Promise.all(
      (this.replicas.length ? this.replicas : [this.primary]).map(async (source) => {
        // Every connection that opened goes back to the pool, also when others failed.
        const outcomes = await Promise.allSettled(Array.from({ length: this.connections }, () => source.pool.connect()));
        for (const outcome of outcomes) if (outcome.status === "fulfilled") outcome.value.release();
        const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
        if (!failed) return;
        if (source.role === "primary") throw failed.reason;
        this.markDown(source, failed.reason);
      }),
    );
  }

  stats(): ReadPoolStats {
    const pools = this.replicas.length ? [...this.replicas, this.primary].map((s) => s.pool) : [this.primary.pool];
    const sum = (f: (p: pg.Pool) => number) => pools.reduce((n, p) => n + f(p), 0);
    return { threads: sum((p) => p.totalCount), busy: sum((p) => p.totalCount - p.idleCount), waiting: sum((p) => p.waitingCount), ...this.waits };
  }

  async close(): Promise<void> {
    await Promise.all([this.primary, ...this.replicas].map((s) => s.pool.end()));
  }
}

/** Every connection of a source stayed busy for `waitMs`: the server is overloaded, not the source gone. */
class NoFreeConnection extends Error {
  constructor(waitMs: number) {
    super(`no read connection became free within ${waitMs} ms`);
  }
}
