// What the SQL shared by both engines (store/*.ts) needs of an open database: the engine's
// dialect, somewhere to read, a snapshot to read a request in, and ingestion's writer.
// sqlite/sqlite-store.ts and postgres/postgres-store.ts each provide one; store/sql-store.ts
// turns it into the Store the rest of the program uses (store/store.ts).
import type { SqlDialect, SqlParam } from "./sql-dialect.js";

/** Something that answers SQL with rows: the pool, or one snapshot's connection. */
export interface SqlReads {
  /** `sql` with its placeholders already numbered for the engine (sqlRows does that). */
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

export interface SnapshotOptions {
  /**
   * Aborting it stops the read: a snapshot still waiting for a connection gives up; one
   * holding a connection has its statements fail at once with the signal's reason (each
   * engine says how far it can stop the statement running).
   */
  signal?: AbortSignal;
  /** How long to wait for a free connection when all are in use (60 s unless told). */
  waitMs?: number;
}

/** How the read connections are used, for /metrics. */
export interface ReadPoolStats {
  threads: number;
  busy: number;
  /** Reads waiting for a free connection now. */
  waiting: number;
  /** Reads that had to wait for a connection, and how long they waited in all, since the store opened. */
  waits: number;
  waitSeconds: number;
}

/** A replica as /healthz reports it. */
export interface ReplicaStatus {
  url: string;
  /** "up": it answered now; "down": it did not (see `error`), and reads skip it until it does. */
  state: "up" | "down";
  /** Whether it is a streaming standby (pg_is_in_recovery()); false for a database that is not a replica at all. */
  replaying: boolean | null;
  /** WAL bytes the primary has written that it has not replayed yet (null when not a standby or when the primary does not answer). */
  lagBytes: number | null;
  /** 0 when it has replayed all it received; else seconds since the last transaction it replayed committed on the primary. */
  lagSeconds: number | null;
  error?: string;
}

/**
 * What ingest writers running side by side (several processes on one PostgreSQL) take locks on,
 * in the order an article's transaction takes them (save-article.ts): a writer never waits for a
 * lock of an earlier space while holding one of a later space, so writers cannot deadlock on
 * them. "commit-order" is taken last, just before the commit, and nothing waits while it is held.
 * "person-name" locks are let go early when the names needed no writing (lockUntilReleased):
 * letting a lock go never makes a deadlock.
 */
export const LOCK_SPACES = ["commit-order", "article", "person-name", "speaker", "story-key", "story", "year-partition"] as const;
export type LockSpace = (typeof LOCK_SPACES)[number];

/** A result asked for now and wanted later (SqlWrites.allLater). */
export interface Later<T> {
  get(): Promise<T>;
}

/**
 * Ingestion's connection. Statements are written with `?` placeholders (the writer numbers
 * them for its engine); an INSERT that needs the new row's id says `RETURNING id` and reads
 * it with `get`, on both engines.
 */
export interface SqlWrites {
  readonly dialect: SqlDialect;
  all<T>(sql: string, ...params: SqlParam[]): Promise<T[]>;
  get<T>(sql: string, ...params: SqlParam[]): Promise<T | undefined>;
  run(sql: string, ...params: SqlParam[]): Promise<void>;
  /**
   * A statement whose rows are wanted a little later. Inside a transaction PostgreSQL sends it
   * with whatever goes to the server next (a read, or the transaction's end) rather than in a
   * round trip of its own, and runs it in its place among the others; `get()` gives its rows,
   * sending it at once if it has not gone yet. SQLite runs it now.
   */
  allLater<T>(sql: string, ...params: SqlParam[]): Later<T[]>;
  /**
   * The id the next row of `table` takes, reserved now (as allLater on PostgreSQL, from the
   * table's sequence): the row is then inserted with it. On SQLite it is the id the row would
   * have been given, so ask once per row, and insert the row before asking again.
   */
  nextId(table: "articles"): Later<number>;
  /**
   * Runs `work` in one transaction: all of its writes are committed, or none are if it
   * throws. Transactions run one at a time, in the order asked. Inside inBatches (SQLite) one
   * that throws rolls back the open group, whose earlier transactions are then run again
   * (their `work` called a second time, so it must do the same again) and committed; if one
   * of them fails again, or the disk failed, nothing of the group is kept and the error
   * says so (`groupLost`).
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Calls `forget` after every rollback: what was kept in memory about rows written since the last commit may be gone, and their ids given again. */
  afterRollback(forget: () => void): void;
  /**
   * Takes locks on `keys` of `space` until the transaction ends, so that writers running at
   * once serialise on what they share (a new name, a speaker's statements, a story). SQLite
   * lets one transaction write at a time, so there it takes nothing.
   */
  lock(space: LockSpace, keys: readonly (string | number)[]): Promise<void>;
  /**
   * As lock, but the locks can be let go before the transaction ends, by calling what it
   * returns: once nothing written under them needs guarding (names that all resolved to people
   * on file, with no spelling to add). Otherwise they are held until the transaction ends.
   */
  lockUntilReleased(space: LockSpace, keys: readonly (string | number)[]): Promise<() => Promise<void>>;
  /**
   * Makes sure rows of publication year `year` (0: undated) have somewhere to go, outside any
   * article's transaction: PostgreSQL partitions articles and quotes by year and makes a
   * year's partitions the first time it is needed (postgres/year-partitions.ts). SQLite has none.
   */
  prepareYear(year: number): Promise<void>;
  /**
   * Runs `work` with its transactions grouped where the engine gains by it (SQLite): they
   * run in one transaction, committed once `group.size` calls of `commitPoint()` or
   * `group.ms` milliseconds have passed, and at the end. A file that fails still leaves
   * nothing of itself and all of the others (see transaction), and a killed process loses
   * only the last uncommitted group, whole files each. `commitPoint()` says whether it
   * committed. (PostgreSQL commits each transaction as it ends: see postgres-writer.ts.)
   */
  inBatches<T>(group: { size: number; ms: number }, work: (commitPoint: () => Promise<boolean>) => Promise<T>): Promise<T>;
}

/** An open database as the shared SQL sees it. */
export interface SqlArchive {
  /** The DATABASE_URL it was opened with (PostgreSQL's without its password). */
  readonly url: string;
  /** How this store's engine says what differs between engines (store/sql-dialect.ts). */
  readonly dialect: SqlDialect;
  /** Where reads go: the pool, or one snapshot's connection. */
  readonly reads: SqlReads;
  /** Runs `work` over one consistent snapshot of the archive. */
  snapshot<T>(work: (snapshot: SqlArchive) => Promise<T>, options?: SnapshotOptions): Promise<T>;
  /**
   * Ingestion's write connection, opened on first use. PostgreSQL keeps one per `lane` (0
   * unless told), so that several articles can be saved at once; SQLite has one writer.
   */
  writer(lane?: number): SqlWrites;
  /**
   * PostgreSQL's: the ids `sql` selects (one column, in its order), `pageSize` at a time from
   * a server-side cursor, each page with the archive to read its rows in, all in one
   * snapshot. Absent on SQLite, where an export walks keyset pages, a snapshot each.
   */
  cursorPages?(sql: string, params: readonly SqlParam[], pageSize: number): AsyncGenerator<{ ids: number[]; snapshot: SqlArchive }>;
}

/** An engine's whole store: the shared SQL's needs, and what a server or a script asks of the engine itself. */
export interface SqlEngine extends SqlArchive {
  readonly engine: "sqlite" | "postgresql";
  /** Every SQL statement the store reads with: tests use it to prove batching. */
  readonly sqlStatements: { count: number };
  /** Opens every read connection now, so the first requests of a server find them ready. */
  openReadConnections(): Promise<void>;
  readStats(): ReadPoolStats;
  /** PostgreSQL's, with DATABASE_READ_URLS: each read replica, whether it answers and how far behind it is. */
  replicaStatus?(): Promise<ReplicaStatus[]>;
  /** Bytes the archive takes on disk. */
  sizeInBytes(): Promise<number>;
  /** Names of the committed migrations of this engine. */
  committedMigrationNames(): string[];
  close(): Promise<void>;
}
