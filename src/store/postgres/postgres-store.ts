// The PostgreSQL store: the same Store over a pool of `pg` connections. Each snapshot (a
// GraphQL request, a page of an export) holds one connection in a REPEATABLE READ READ ONLY
// transaction, so all its statements see the archive as it was at the first of them, as a
// SQLite read transaction does. Ingestion writes on a connection of its own
// (postgres/postgres-writer.ts).
import pg from "pg";
import { redactPassword } from "../database-url.js";
import type { ReadPoolStats, SnapshotOptions, SqlArchive, SqlEngine, SqlReads } from "../sql-archive.js";
import type { SqlParam } from "../sql-dialect.js";
import { SqlStore } from "../sql-store.js";
import { TransactionQueue } from "../transaction-queue.js";
import { committedPostgresMigrations } from "./migrate.js";
import { postgresDialect } from "./postgres-dialect.js";
import { PostgresWriter } from "./postgres-writer.js";

// Requests in flight at once, as on SQLite: each holds a connection for its snapshot.
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

/** Opens the PostgreSQL archive at `url`; fails in one line naming DATABASE_URL when it cannot be reached. */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const shown = redactPassword(url);
  const config: pg.PoolConfig = { connectionString: url, types: TYPES, application_name: "news-archive" };
  const pool = new pg.Pool({ ...config, max: POSTGRES_READ_CONNECTIONS, idleTimeoutMillis: 60_000 });
  // An idle connection the server drops must not end the process; the next read reconnects.
  pool.on("error", () => {});
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`DATABASE_URL ${shown} cannot be reached: ${(error as Error).message}`);
  }
  const sqlStatements = { count: 0 };
  const stats = { waits: 0, waitSeconds: 0 };
  const writers: PostgresWriter[] = [];

  const poolReads: SqlReads = {
    async all<T>(sql: string, params: readonly SqlParam[] = []) {
      sqlStatements.count++;
      return (await pool.query({ text: sql, values: sendable(params) })).rows as T[];
    },
  };

  // Stops the statement a snapshot's connection is running: a cancel request sent from a
  // connection of its own, since the pool's may all be busy.
  async function cancel(client: pg.PoolClient & { processID?: number }): Promise<void> {
    const canceller = new pg.Client(config);
    try {
      await canceller.connect();
      await canceller.query(`SELECT pg_cancel_backend($1)`, [client.processID]);
    } finally {
      await canceller.end().catch(() => {});
    }
  }

  async function connect({ signal, waitMs = 60_000 }: SnapshotOptions): Promise<pg.PoolClient> {
    signal?.throwIfAborted();
    const mustWait = pool.idleCount === 0 && pool.totalCount >= POSTGRES_READ_CONNECTIONS;
    const started = performance.now();
    if (mustWait) stats.waits++;
    const connecting = pool.connect();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await Promise.race([
        connecting,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no read connection became free within ${waitMs} ms`)), waitMs);
          onAbort = () => reject(reasonOf(signal!));
          signal?.addEventListener("abort", onAbort, { once: true });
        }),
      ]);
    } catch (error) {
      connecting.then((client) => client.release(), () => {}); // given up on: back to the pool once it comes
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
      if (mustWait) stats.waitSeconds += (performance.now() - started) / 1000;
    }
  }

  /** Reads on one snapshot's connection; once `stopped` says so, or `aborted` rejects, they fail with its reason. */
  function clientReads(client: pg.PoolClient, stopped: () => Error | null, aborted?: Promise<never>): SqlReads {
    // A connection runs one statement at a time: the request's loaders ask together, and wait their turn here.
    const turns = new TransactionQueue();
    return {
      all<R>(sql: string, params: readonly SqlParam[] = []) {
        return turns.run(async () => {
          const reason = stopped();
          if (reason) throw reason;
          sqlStatements.count++;
          const running = client.query({ text: sql, values: sendable(params) });
          if (!aborted) return (await running).rows as R[];
          running.catch(() => {});
          return (await Promise.race([running, aborted])).rows as R[];
        });
      },
    };
  }

  /**
   * An export's ids from a cursor: one connection and one REPEATABLE READ snapshot for the
   * whole export, so its lines agree with each other, and the server reads the id order once
   * instead of searching the index again for every page. The connection is given back when
   * the export ends, fails, or its reader stops (a client gone, a stalled one dropped).
   */
  async function* cursorPages(sql: string, params: readonly SqlParam[], pageSize: number): AsyncGenerator<{ ids: number[]; snapshot: SqlArchive }> {
    const client = await connect({});
    const reads = clientReads(client, () => null);
    const pageArchive = archive(reads);
    let committed = false;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await client.query({ text: `DECLARE export_ids NO SCROLL CURSOR FOR ${postgresDialect.numberPlaceholders(sql)}`, values: sendable(params) });
      for (;;) {
        const rows = await reads.all<{ id: number }>(`FETCH ${Math.max(1, Math.floor(pageSize))} FROM export_ids`);
        if (rows.length) yield { ids: rows.map((r) => r.id), snapshot: pageArchive };
        if (rows.length < pageSize) break;
      }
      await client.query("COMMIT");
      committed = true;
    } finally {
      // Also when the reader stopped early: the cursor and its snapshot go with the transaction,
      // and a connection that cannot even roll back is not given out again.
      const healthy = committed || (await client.query("ROLLBACK").then(() => true, () => false));
      client.release(!healthy);
    }
  }

  async function snapshot<T>(work: (snapshot: SqlArchive) => Promise<T>, options: SnapshotOptions = {}): Promise<T> {
    const { signal } = options;
    const client = await connect(options);
    let stopped: Error | null = null;
    let cancelled: Promise<void> | null = null;
    const onAbort = () => {
      stopped = reasonOf(signal!);
      cancelled = cancel(client).catch(() => {});
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    // Past the deadline a statement fails at once with the deadline's reason; the cancel stops it on the server.
    const aborted = signal && new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(reasonOf(signal)), { once: true }));
    aborted?.catch(() => {});
    const reads = clientReads(client, () => stopped, aborted);
    let broken = false;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const result = await work(archive(reads));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      // A cancelled or failed transaction is rolled back; a connection that cannot even do that goes.
      if (cancelled) await cancelled;
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw stopped ?? error;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      client.release(broken || stopped != null);
    }
  }

  const archive = (reads: SqlReads): SqlArchive => ({
    url: shown,
    dialect: postgresDialect,
    reads,
    snapshot,
    cursorPages,
    writer: (lane = 0) => (writers[lane] ??= new PostgresWriter(config)),
  });

  const engine: PostgresEngine = {
    ...archive(poolReads),
    engine: "postgresql",
    sqlStatements,
    async openReadConnections() {
      const clients = await Promise.all(Array.from({ length: POSTGRES_READ_CONNECTIONS }, () => pool.connect()));
      for (const client of clients) client.release();
    },
    readStats: (): ReadPoolStats => ({
      threads: pool.totalCount,
      busy: pool.totalCount - pool.idleCount,
      waiting: pool.waitingCount,
      waits: stats.waits,
      waitSeconds: stats.waitSeconds,
    }),
    async sizeInBytes() {
      const { rows } = await pool.query<{ n: number }>(`SELECT pg_database_size(current_database()) AS n`);
      return rows[0].n;
    },
    committedMigrationNames: () => committedPostgresMigrations().map((m) => m.name),
    async close() {
      await Promise.all(writers.map((w) => w?.close()));
      await pool.end();
    },
  };
  return new SqlStore(engine);
}
