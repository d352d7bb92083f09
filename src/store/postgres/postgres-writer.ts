// Ingestion's own connection to a PostgreSQL archive: one client, its statements sent with
// `?` numbered as PostgreSQL wants them. Transactions run one at a time (TransactionQueue),
// each file its own (see inBatches); a store keeps one writer per lane for files side by side.
//
// An article is some forty statements, and each was a round trip to the server: ingest spent
// most of its time waiting on them. Inside a transaction, a write whose result nobody reads
// (run) is not sent at once: it waits, written out with its values as literals, and goes in
// the same round trip as the next read or the end of the file's transaction (the simple
// query protocol takes several statements without parameters). A file's writes are all sent
// before its transaction ends, so a write that fails still fails its own file. A read whose
// rows are wanted later (allLater) waits the same way, its rows picked out of the batch's
// results by its place: an article's reads go out two or three at a time.
//
// Literal SQL is parsed and planned afresh each time it is sent, and planning was most of the
// server's time (2.4 ms to plan a story's candidates, 1 ms to run it). So every statement the
// writer sends in a batch is PREPAREd once per connection (by SQL, which the simple protocol
// allows, beside the batch's other statements) and sent as EXECUTE with its values as literals.
// A prepared statement is the session's, not the transaction's: a rollback leaves it in place.
import pg from "pg";
import { hash } from "node:crypto";
import { LOCK_SPACES, type Later, type LockSpace, type SqlWrites } from "../sql-archive.js";
import type { SqlParam } from "../sql-dialect.js";
import { TransactionQueue } from "../transaction-queue.js";
import { inlinePostgresLiterals, postgresDialect } from "./postgres-dialect.js";
import { ensureYearPartitions, partitionName, PARTITIONED } from "./year-partitions.js";

/** The tables an ingest adds rows to that lists and counts read, besides the partitioned ones (articles, quotes). */
const VACUUMED_AFTER_INGEST = ["mentions", "article_topics", "people", "statements", "stories"];

/**
 * The publication years the writers of one store have saved articles in, and when: the vacuum
 * after an ingest reads the partitions of the years that ingest wrote, not every year's. A
 * vacuum reads the whole of each full-text (GIN) index it meets, however few of its rows are
 * new: into the million, eleven years' partitions cost 3.2 s at the end of every ingest, of
 * which the year written took 0.3.
 */
export class YearsWritten {
  private saves = 0;
  private readonly lastSave = new Map<number, number>();

  note(year: number): void {
    this.lastSave.set(year, ++this.saves);
  }

  /** A point to ask `since` from. */
  get now(): number {
    return this.saves;
  }

  since(point: number): number[] {
    return [...this.lastSave].filter(([, save]) => save > point).map(([year]) => year);
  }
}

/** How long the vacuum after an ingest waits for its commits to reach the disk (wal_writer_delay is 200 ms unless set). */
const WAL_FLUSH_WAIT_MS = 5_000;

/** Lets go the session's advisory locks (the migration lock is taken on a connection of its own). */
const UNLOCK_SESSION_LOCKS = "SELECT pg_advisory_unlock_all()";

/** Writes held back at most before they are sent on their own. */
const MAX_HELD_WRITES = 500;

/** Transactions a writer commits before its statements are planned again the first time; then each time twice as many. */
const FIRST_REPLAN = 64;

/**
 * Keys as the int4 halves of pg_advisory_xact_lock(space, key), sorted and without repeats: an
 * id is itself, text the first 4 bytes of its SHA-1 (two keys sharing a hash only wait for
 * each other needlessly). Every writer takes its locks of one space in this order.
 */
export function advisoryLockIds(keys: readonly (string | number)[]): number[] {
  const ids = new Set<number>();
  for (const key of keys) {
    if (typeof key === "number" && Number.isInteger(key) && key >= -(2 ** 31) && key < 2 ** 31) ids.add(key);
    else ids.add(hash("sha1", String(key), "buffer").readInt32BE(0));
  }
  return [...ids].sort((a, b) => a - b);
}

interface HeldRead {
  at: number;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

export class PostgresWriter implements SqlWrites {
  readonly dialect = postgresDialect;
  private readonly queue = new TransactionQueue();
  private connected: Promise<pg.Client> | null = null;
  private inTransaction = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly yearsWritten = new YearsWritten(),
  ) {}

  private client(): Promise<pg.Client> {
    return (this.connected ??= (async () => {
      const client = new pg.Client(this.config);
      // A dropped connection fails the statement in flight; without a listener it would end the process.
      client.on("error", () => {});
      await client.connect();
      // The writer's statements are short index walks: one plan each, made once, is right for
      // every value (a custom plan per EXECUTE would bring the planning back).
      await client.query("SET plan_cache_mode = force_generic_plan");
      // An article's commit holds the commit-order lock (and its speakers' locks) until it
      // returns; waiting there for the WAL to reach the disk made every other writer wait for
      // it too (2 writers, 2,000 articles into 100,000: 70–77 → 71–96 articles/s idle, 51 → 75
      // with the machine busy). Off, a server crash can lose the last fraction of a second of
      // commits, never consistency: the same bargain as SQLite's commit groups, and a re-run
      // ingest stores what was lost, skipping the rest.
      await client.query("SET synchronous_commit = off");
      return client;
    })());
  }

  /** Writes not sent yet, as literal SQL, in order. */
  private held: string[] = [];
  private readonly prepared = new Map<string, { name: string; text: string }>();
  // A generic plan is the one made when its statement was prepared, for the tables as they
  // were then. In a new archive, statements prepared once autovacuum had analyzed the tables
  // at a few rows were planned as sequential scans, kept while the tables grew: 10,000
  // articles into an empty archive took the server 71 s of CPU (34 s planned again), against
  // 28 s into one of 100,000. So the statements are prepared again, and planned for the tables
  // as they are, each time the writer has committed twice as many transactions (in an archive
  // already large the plans come out the same).
  private transactions = 0;
  private replanAt = FIRST_REPLAN;
  /** Statements prepared by SQL for EXECUTE, by their `?` text: the name of each. */
  private readonly executable = new Map<string, string>();
  /** Those whose PREPARE is in `held`, not yet sent: forgotten if the batch fails. */
  private preparing: string[] = [];
  private names = 0;

  /**
   * `sql` as an EXECUTE of its prepared statement with `params` as literals; its PREPARE goes
   * into `held` first when the connection has not seen it. A statement PREPAREd in a batch
   * that failed may or may not exist afterwards: it is prepared again under a new name.
   */
  private executeText(sql: string, params: readonly SqlParam[]): string {
    let name = this.executable.get(sql);
    if (name === undefined) {
      name = `x${++this.names}`;
      this.executable.set(sql, name);
      this.preparing.push(sql);
      // On a line of its own: a statement may end in a -- comment, which would swallow the ";".
      this.held.push(`PREPARE ${name} AS ${postgresDialect.numberPlaceholders(sql)}\n`);
    }
    return params.length ? `EXECUTE ${name}(${inlinePostgresLiterals(params)})` : `EXECUTE ${name}`;
  }

  /** Reads held among the writes (allLater), each by its place in `held`. */
  private heldReads: HeldRead[] = [];

  /** Drops the writes not sent (their transaction is being rolled back), and the PREPAREs among them. */
  private discardHeld(): void {
    this.held = [];
    for (const sql of this.preparing) this.executable.delete(sql);
    this.preparing = [];
    for (const read of this.heldReads) read.reject(new Error("the transaction was rolled back before this statement was sent"));
    this.heldReads = [];
  }

  /** Sends what is held, in one round trip: the results of its statements, in order; the held reads have their rows. */
  private async sendHeld(): Promise<pg.QueryResult[]> {
    const text = this.held.join(";\n");
    const count = this.held.length;
    const reads = this.heldReads;
    this.held = [];
    this.heldReads = [];
    try {
      const results = await this.sendBatch(text);
      const each = Array.isArray(results) ? results : [results];
      // Each held entry is one statement, so its place is its result's: anything else would hand a read another's rows.
      if (each.length !== count) throw new Error(`the writer sent ${count} statements and had ${each.length} results back`);
      for (const read of reads) read.resolve(each[read.at].rows);
      return each;
    } catch (error) {
      for (const read of reads) read.reject(error);
      throw error;
    }
  }

  /** Sends `text` (several statements) by the simple protocol; what it prepared is known once it succeeds. */
  private async sendBatch(text: string): Promise<pg.QueryResult | pg.QueryResult[]> {
    const preparing = this.preparing;
    this.preparing = [];
    try {
      return (await (await this.client()).query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
    } catch (error) {
      for (const sql of preparing) this.executable.delete(sql);
      throw error;
    }
  }

  /**
   * Runs one statement and returns its rows. Writes still held go first, in the same round
   * trip; a statement alone goes as a prepared statement, parsed and planned once per
   * connection.
   */
  private async query<T>(sql: string, params: SqlParam[]): Promise<T[]> {
    const client = await this.client();
    if (this.held.length > 0) {
      this.held.push(this.executeText(sql, params));
      return (await this.sendHeld()).at(-1)!.rows as T[];
    }
    let statement = this.prepared.get(sql);
    // Named from the same count as the EXECUTE ones: a name is never used again, so the client
    // never takes a statement planned again for the one it parsed before.
    if (statement === undefined) this.prepared.set(sql, (statement = { name: `w${++this.names}`, text: postgresDialect.numberPlaceholders(sql) }));
    return (await client.query({ ...statement, values: params as unknown[] })).rows as T[];
  }

  /** Sends the writes still held, if any. */
  private async flush(): Promise<void> {
    if (this.held.length > 0) await this.sendHeld();
  }

  all<T>(sql: string, ...params: SqlParam[]): Promise<T[]> {
    return this.query<T>(sql, params);
  }

  async get<T>(sql: string, ...params: SqlParam[]): Promise<T | undefined> {
    return (await this.query<T>(sql, params))[0];
  }

  allLater<T>(sql: string, ...params: SqlParam[]): Later<T[]> {
    if (!this.inTransaction) {
      const rows = this.query<T>(sql, params);
      rows.catch(() => {}); // thrown by get()
      return { get: () => rows };
    }
    this.held.push(this.executeText(sql, params));
    let settle!: Pick<HeldRead, "resolve" | "reject">;
    const rows = new Promise<T[]>((resolve, reject) => (settle = { resolve: resolve as HeldRead["resolve"], reject }));
    rows.catch(() => {}); // thrown by get(); a read nobody asks for may fail with its transaction
    const read: HeldRead = { at: this.held.length - 1, ...settle };
    this.heldReads.push(read);
    return {
      get: async () => {
        if (this.heldReads.includes(read)) await this.flush();
        return rows;
      },
    };
  }

  nextId(table: "articles"): Later<number> {
    const rows = this.allLater<{ id: number }>(`SELECT nextval('${table}_id_seq')::integer AS id`);
    return { get: async () => (await rows.get())[0].id };
  }

  async run(sql: string, ...params: SqlParam[]): Promise<void> {
    // Outside a transaction a write is its own commit: sent now.
    if (!this.inTransaction) return void (await this.query(sql, params));
    this.held.push(this.executeText(sql, params));
    if (this.held.length >= MAX_HELD_WRITES) await this.flush();
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (++this.transactions >= this.replanAt) this.planAgain();
      this.held.push("BEGIN");
      this.inTransaction = true;
      try {
        const result = await work();
        this.held.push("COMMIT");
        // Session locks still held go with the commit, in its round trip, once it is done.
        if (this.sessionLocks) this.held.push(UNLOCK_SESSION_LOCKS);
        await this.flush();
        return result;
      } catch (error) {
        this.discardHeld();
        // The article's own error is the one to report, even when the connection is what failed.
        this.held.push("ROLLBACK");
        if (this.sessionLocks) this.held.push(UNLOCK_SESSION_LOCKS);
        await this.flush().catch(() => {});
        for (const forget of this.forgetters) forget();
        throw error;
      } finally {
        this.inTransaction = false;
        this.sessionLocks = false;
      }
    });
  }

  private readonly forgetters: (() => void)[] = [];

  afterRollback(forget: () => void): void {
    this.forgetters.push(forget);
  }

  /** Forgets every prepared statement, on the server with the next round trip: each is prepared and planned again when next used. */
  private planAgain(): void {
    this.replanAt *= 2;
    this.held.push("DEALLOCATE ALL");
    this.executable.clear();
    this.prepared.clear();
  }

  /** Years whose partitions this connection has seen exist (they are never dropped). */
  private readonly years = new Set<number>();

  prepareYear(year: number): Promise<void> {
    this.yearsWritten.note(year);
    if (this.years.has(year)) return Promise.resolve();
    return this.queue.run(async () => {
      await ensureYearPartitions(await this.client(), year);
      this.years.add(year);
    });
  }

  async lock(space: LockSpace, keys: readonly (string | number)[]): Promise<void> {
    const ids = advisoryLockIds(keys);
    if (ids.length === 0) return;
    // count() makes the server take every lock, in the array's (sorted) order.
    await this.run(`SELECT count(pg_advisory_xact_lock(${LOCK_SPACES.indexOf(space)}, k)) FROM unnest(?::integer[]) AS k`, ids);
  }

  /** Whether the open transaction has taken session locks (lockUntilReleased) it may not have let go. */
  private sessionLocks = false;

  // A transaction's advisory locks end only with it; these are the session's, let go by
  // pg_advisory_unlock, and at the latest straight after the transaction's COMMIT or ROLLBACK.
  async lockUntilReleased(space: LockSpace, keys: readonly (string | number)[]): Promise<() => Promise<void>> {
    const ids = advisoryLockIds(keys);
    if (ids.length === 0 || !this.inTransaction) return async () => {};
    this.sessionLocks = true;
    const key = LOCK_SPACES.indexOf(space);
    await this.run(`SELECT count(pg_advisory_lock(${key}, k)) FROM unnest(?::integer[]) AS k`, ids);
    let released = false;
    return async () => {
      if (released || !this.inTransaction) return;
      released = true;
      await this.run(`SELECT count(pg_advisory_unlock(${key}, k)) FROM unnest(?::integer[]) AS k`, ids);
    };
  }

  /**
   * Each file is its own transaction here, committed as it ends: several writers (processes,
   * or lanes of one ingest) hold their locks only for one article, and take them in one order,
   * so they cannot deadlock one another the way two open groups of files could. Committing
   * each file cost about 6% of one writer's rate when measured; writers side by side gain more.
   */
  async inBatches<T>(_group: { size: number; ms: number }, work: (commitPoint: () => Promise<boolean>) => Promise<T>): Promise<T> {
    let files = 0;
    const start = this.yearsWritten.now;
    const result = await work(async () => (files++, true));
    if (files > 0) await this.vacuum(this.yearsWritten.since(start));
    return result;
  }

  // Counts answer from an index alone only for rows on pages the visibility map marks
  // all-visible, and until a vacuum marks them a count reads the rows themselves.
  // Autovacuum gets to an insert-only table once a fifth of it is new, so straight after
  // an ingest of 100,000 articles a broad totalCount took 10.5 ms instead of 3.8. VACUUM
  // reads only the pages not yet marked (0.3 s over the 100,000 once done). It marks a page
  // only once the commits of its rows are on disk, and the writers' commits do not wait for
  // that (synchronous_commit): the server's WAL writer puts them there within moments.
  private async vacuum(years: readonly number[]): Promise<void> {
    const tables = [...years.flatMap((year) => PARTITIONED.map((table) => partitionName(table, year))), ...VACUUMED_AFTER_INGEST];
    await this.queue.run(async () => {
      const client = await this.client();
      const { lsn } = (await client.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0];
      for (let waited = 0; waited < WAL_FLUSH_WAIT_MS; waited += 10) {
        const { flushed } = (await client.query<{ flushed: boolean }>("SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn AS flushed", [lsn])).rows[0];
        if (flushed) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await client.query(`VACUUM ${tables.map((table) => `"${table}"`).join(", ")}`);
    });
  }

  async close(): Promise<void> {
    if (!this.connected) return;
    const client = await this.connected.catch(() => null);
    await client?.end();
  }
}
