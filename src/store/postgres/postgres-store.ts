// The PostgreSQL store: the same Store over pools of `pg` connections. Each snapshot (a
// GraphQL request, a page of an export) holds one connection in a REPEATABLE READ READ ONLY
// transaction, so all its statements see the archive as it was at the first of them, as a
// SQLite read transaction does. Reads go to the replicas of DATABASE_READ_URLS when there
// are some (postgres/read-replicas.ts), else to the primary; ingestion writes on a
// connection of its own to the primary (postgres/postgres-writer.ts).
import pg from "pg";
import { redactPassword } from "../database-url.js";
import type { ReadPoolStats, SnapshotOptions, SqlArchive, SqlEngine, SqlReads } from "../sql-archive.js";
import type { SqlParam } from "../sql-dialect.js";
import { SqlStore } from "../sql-store.js";
import { TransactionQueue } from "../transaction-queue.js";
import { committedPostgresMigrations } from "./migrate.js";
import { postgresDialect } from "./postgres-dialect.js";
import { PostgresWriter, YearsWritten } from "./postgres-writer.js";
import { isConnectionLost, ReadRouter, type ReadSource } from "./read-replicas.js";
import { SnapshotLease } from "./snapshot-lease.js";

// Requests in flight at once per database read from, as on SQLite: each holds a connection for its snapshot.
export const POSTGRES_READ_CONNECTIONS = 8;

// Rows as SQLite's driver gives them: counts (bigint) as numbers, and ingestedAt (a
// timestamp without time zone, written in UTC) as the instant it is.
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    if (oid === pg.types.builtins.TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PostgresEngine extends SqlEngine {
  readonly engine: "postgresql";
}

export type PostgresStore = SqlStore<PostgresEngine>;

// PostgreSQL's text cannot hold NUL, which a user's search or slug may (SQLite's can, and
// the archive stores none). Such a string can match nothing stored, so it is sent with each
// NUL as U+FFFF, a noncharacter no stored text holds either: the answer is SQLite's, not an error.
const sendable = (params: readonly SqlParam[]): unknown[] => params.map((p) => (typeof p === "string" && p.includes("\u0000") ? p.replaceAll("\u0000", "\uffff") : p));

const reasonOf = (signal: AbortSignal) => (signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));

export interface PostgresStoreOptions {
  /** DATABASE_READ_URLS: replicas that serve every snapshot and export (round robin); writes stay on `url`. */
  readUrls?: readonly string[];
  /** How long a replica that failed is skipped before it is tried again (read-replicas.ts). */
  replicaRetryMs?: number;
}

/**
 * Opens the PostgreSQL archive at `url` (reading from `readUrls` when given); fails in one
 * line naming DATABASE_URL when the primary cannot be reached.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const shown = redactPassword(url);
  const config = { connectionString: url, types: TYPES, application_name: "news-archive" };
  const router = new ReadRouter(config, options.readUrls ?? [], { connections: POSTGRES_READ_CONNECTIONS, retryMs: options.replicaRetryMs });
  try {
    await router.primary.pool.query("SELECT 1");
  } catch (error) {
    await router.close().catch(() => {});
    throw new Error(`DATABASE_URL ${shown} cannot be reached: ${(error as Error).message}`);
  }
  const sqlStatements = { count: 0 };
  const writers: PostgresWriter[] = [];
  const yearsWritten = new YearsWritten();

  const poolReads: SqlReads = {
    async all<T>(sql: string, params: readonly SqlParam[] = []) {
      sqlStatements.count++;
      return router.query<T>(sql, sendable(params));
    },
  };

  // Stops the statement a snapshot's connection is running: a cancel request sent from a
  // connection of its own to the same server, since the pool's may all be busy.
  async function cancel(client: pg.PoolClient & { processID?: number }, source: ReadSource): Promise<void> {
    const canceller = new pg.Client(source.config);
    try {
      await canceller.connect();
      await canceller.query(`SELECT pg_cancel_backend($1)`, [client.processID]);
    } finally {
      await canceller.end().catch(() => {});
    }
  }

  /** Reads on one snapshot's lease; once `stopped` says so, or `aborted` rejects, they fail with its reason. */
  function leaseReads(lease: SnapshotLease, stopped: () => Error | null, aborted?: Promise<never>): SqlReads {
    // A connection runs one statement at a time: the request's loaders ask together, and wait their turn here.
    const turns = new TransactionQueue();
    return {
      all<R>(sql: string, params: readonly SqlParam[] = []) {
        return turns.run(async () => {
          const reason = stopped();
          if (reason) throw reason;
          sqlStatements.count++;
          return lease.run<R>(sql, sendable(params), aborted);
        });
      },
    };
  }

  /**
   * An export's ids from a cursor: one connection and one REPEATABLE READ snapshot for the
   * whole export, so its lines agree with each other, and the server reads the id order once
   * instead of searching the index again for every page. The connection is given back when
   * the export ends, fails, or its reader stops (a client gone, a stalled one dropped).
   * An export does not move to another replica mid-way (replaying its pages would mean
   * keeping them all): one whose replica stops ends with an error, and is pulled again.
   */
  async function* cursorPages(sql: string, params: readonly SqlParam[], pageSize: number): AsyncGenerator<{ ids: number[]; snapshot: SqlArchive }> {
    const { client, source } = await router.begin({});
    const lease = new SnapshotLease(router, client, source, {}, { replayable: false });
    const reads = leaseReads(lease, () => null);
    const pageArchive = archive(reads, () => source.url);
    let committed = false;
    try {
      await client.query({ text: `DECLARE export_ids NO SCROLL CURSOR FOR ${postgresDialect.numberPlaceholders(sql)}`, values: sendable(params) });
      for (;;) {
        const rows = await reads.all<{ id: number }>(`FETCH ${Math.max(1, Math.floor(pageSize))} FROM export_ids`);
        if (rows.length) yield { ids: rows.map((r) => r.id), snapshot: pageArchive };
        if (rows.length < pageSize) break;
      }
      // Every id is read: a server gone before the COMMIT of this read-only transaction changes nothing.
      await client.query("COMMIT").then(
        () => (committed = true),
        (error) => {
          if (!isConnectionLost(error)) throw error;
        },
      );
    } finally {
      // Also when the reader stopped early: the cursor and its snapshot go with the transaction,
      // and a connection that cannot even roll back is not given out again.
      const healthy = committed || (await client.query("ROLLBACK").then(() => true, () => false));
      client.release(!healthy);
    }
  }

  async function snapshot<T>(work: (snapshot: SqlArchive) => Promise<T>, options: SnapshotOptions = {}): Promise<T> {
    const { signal } = options;
    const { client, source } = await router.begin(options, undefined, { deferred: true });
    const lease = new SnapshotLease(router, client, source, options, { replayable: true, begun: false });
    let stopped: Error | null = null;
    let cancelled: Promise<void> | null = null;
    const onAbort = () => {
      stopped = reasonOf(signal!);
      cancelled = cancel(lease.client, lease.source).catch(() => {});
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    // Past the deadline a statement fails at once with the deadline's reason; the cancel stops it on the server.
    const aborted = signal && new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(reasonOf(signal)), { once: true }));
    aborted?.catch(() => {});
    const reads = leaseReads(lease, () => stopped, aborted);
    let broken = false;
    try {
      // Counts remembered per database (incremental-count.ts): the source this snapshot reads now.
      const result = await work(archive(reads, () => lease.source.url));
      // A read-only transaction has nothing to commit: when its server went away after the
      // last read (a replica stopped), the answer stands; only the connection is dropped.
      if (lease.begun) {
        await lease.client.query("COMMIT").catch((error) => {
          if (!isConnectionLost(error)) throw error;
          broken = true;
        });
      }
      return result;
    } catch (error) {
      // A cancelled or failed transaction is rolled back; a connection that cannot even do that goes.
      if (cancelled) await cancelled;
      if (lease.begun) await lease.client.query("ROLLBACK").catch(() => (broken = true));
      throw stopped ?? error;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      lease.release(broken || stopped != null);
    }
  }

  const archive = (reads: SqlReads, urlOf: () => string = () => shown): SqlArchive => ({
    get url() {
      return urlOf();
    },
    dialect: postgresDialect,
    reads,
    snapshot,
    cursorPages,
    writer: (lane = 0) => (writers[lane] ??= new PostgresWriter(config, yearsWritten)),
  });

  const engine: PostgresEngine = {
    ...archive(poolReads),
    engine: "postgresql",
    sqlStatements,
    openReadConnections: () => router.openAll(),
    readStats: (): ReadPoolStats => router.stats(),
    replicaStatus: () => router.status(),
    async sizeInBytes() {
      const [row] = await router.query<{ n: number }>(`SELECT pg_database_size(current_database()) AS n`, []);
      return row.n;
    },
    committedMigrationNames: () => committedPostgresMigrations().map((m) => m.name),
    async close() {
      await Promise.all(writers.map((w) => w?.close()));
      await router.close();
    },
  };
  return new SqlStore(engine);
}
