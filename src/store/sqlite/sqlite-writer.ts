// Ingestion's own connection to a SQLite archive: better-sqlite3, with every statement
// prepared once. Saving an article through Prisma cost some fifty round trips through the
// query compiler and an interactive transaction per file (about 15 ms of CPU an article);
// the same SQL here costs well under a millisecond. Readers have connections of their own
// (sqlite/read-pool.ts); WAL lets them all share the file.
//
// better-sqlite3 answers synchronously; the writer is async only because the SQL it runs
// (store/save-article.ts and the linking it calls) is shared with PostgreSQL's writer.
import Database from "better-sqlite3";
import type { Later, SqlWrites } from "../sql-archive.js";
import type { SqlParam } from "../sql-dialect.js";
import { sqliteDialect } from "./sqlite-dialect.js";
import { TransactionQueue } from "../transaction-queue.js";

export class SqliteWriter implements SqlWrites {
  readonly dialect = sqliteDialect;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly queue = new TransactionQueue();

  constructor(path: string) {
    // timeout: wait for a writer in another process rather than fail with SQLITE_BUSY.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Checkpoints every 64 MB of log rather than 4 MB: a page rewritten by many commits in
    // between is copied into the database once (ingest 400 → 450–490 articles/s at 20,000).
    this.db.pragma("wal_autocheckpoint = 16384");
    // Each file's savepoint keeps the first version of every page the file changes, to roll
    // the file back alone: ~100 pages an article, and in a temporary file that was a 4 KB
    // write (a system call) each. In memory, that kernel time of the ingest fell by 40%
    // (10,000 articles into 100,000: 7.6 → 4.7 s). A savepoint's pages go when it ends.
    this.db.pragma("temp_store = MEMORY");
    this.db.pragma("foreign_keys = ON");
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async all<T>(sql: string, ...params: SqlParam[]): Promise<T[]> {
    return this.prepare(sql).all(...(params as unknown[])) as T[];
  }

  async get<T>(sql: string, ...params: SqlParam[]): Promise<T | undefined> {
    return this.prepare(sql).get(...(params as unknown[])) as T | undefined;
  }

  async run(sql: string, ...params: SqlParam[]): Promise<void> {
    this.prepare(sql).run(...(params as unknown[]));
  }

  // Nothing to save here: a statement costs no round trip. Run now, in the order asked.
  allLater<T>(sql: string, ...params: SqlParam[]): Later<T[]> {
    return ran(() => this.prepare(sql).all(...(params as unknown[])) as T[]);
  }

  // An AUTOINCREMENT table numbers a row one past the largest id it ever gave (sqlite_sequence),
  // and an id given explicitly moves that on: the row inserted with this id takes the id it
  // would have taken.
  nextId(table: "articles"): Later<number> {
    return ran(() => (this.prepare(`SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0) + 1 AS id`).get(table) as { id: number }).id);
  }

  /**
   * IMMEDIATE takes the write lock at the start, so a concurrent ingest in another process
   * waits (up to the timeout) instead of failing half-way with SQLITE_BUSY.
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (this.group) return this.inGroup(this.group, work);
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work();
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        this.rollBack();
        throw error;
      }
    });
  }

  /** The open group's transactions that succeeded, in order (set while inBatches runs). */
  private group: (() => Promise<unknown>)[] | null = null;
  private readonly forgetters: (() => void)[] = [];

  afterRollback(forget: () => void): void {
    this.forgetters.push(forget);
  }

  private rollBack(): void {
    // A full disk or an I/O error may have rolled the transaction back already.
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    for (const forget of this.forgetters) forget();
  }

  // A file of a group is not a savepoint of its own: a savepoint kept the first version of
  // every page the file changed and had FTS5 write its pending terms out at each file, and
  // SAVEPOINT and RELEASE alone took 1.6 s of the main thread for 10,000 articles into a
  // million. A file that fails rolls back the whole group instead, and the files before it
  // are written again and committed, so that a run of failing files costs one replay.
  private async inGroup<T>(group: (() => Promise<unknown>)[], work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      group.push(work);
      return result;
    } catch (error) {
      const earlier = group.splice(0);
      // Writing the files again on a full or failing disk would fail again, or half succeed.
      const replay = this.db.inTransaction && !isStorageError(error);
      this.rollBack();
      this.beginGroup();
      if (!earlier.length) throw error;
      if (!replay) throw groupLost(earlier.length, error);
      try {
        for (const again of earlier) await again();
        this.db.exec("COMMIT");
      } catch (replayError) {
        this.rollBack();
        throw groupLost(earlier.length, replayError);
      } finally {
        this.beginGroup();
      }
      throw error;
    }
  }

  private pending = 0;
  private began = 0;

  private beginGroup(): void {
    this.db.exec("BEGIN IMMEDIATE");
    this.began = performance.now();
    this.pending = 0;
    this.group!.length = 0;
  }

  // Committing every file on its own cost more than writing it: each commit flushes a new
  // FTS5 segment and its merges.
  // One transaction writes at a time (BEGIN IMMEDIATE): writers are serialised already.
  async lock(): Promise<void> {}

  async lockUntilReleased(): Promise<() => Promise<void>> {
    return async () => {};
  }

  // SQLite's tables are not partitioned.
  async prepareYear(): Promise<void> {}

  async inBatches<T>(group: { size: number; ms: number }, work: (commitPoint: () => Promise<boolean>) => Promise<T>): Promise<T> {
    const commitPoint = () =>
      this.queue.run(async () => {
        if (++this.pending < group.size && performance.now() - this.began < group.ms) return false;
        this.db.exec("COMMIT");
        this.beginGroup();
        return true;
      });
    await this.queue.run(async () => {
      this.group = [];
      this.beginGroup();
    });
    try {
      const result = await work(commitPoint);
      await this.queue.run(async () => this.db.exec("COMMIT"));
      return result;
    } catch (error) {
      this.rollBack();
      throw error;
    } finally {
      this.group = null;
    }
  }

  close(): void {
    this.db.close();
  }
}

// A file failed, and the files before it in the open group are not in the archive: the disk
// failed or filled, or writing them again failed (a bug). The ingest stops; which files it
// reported stored are committed.
function groupLost(files: number, cause: unknown): Error {
  const error = new Error(`a file failed, and the ${files} files before it in the uncommitted group were rolled back with it: ${(cause as Error).message}`, { cause });
  // The cause's code is kept, so that a full disk stops the ingest as one does (ingest-files.ts).
  return Object.assign(error, { code: (cause as { code?: unknown }).code, groupLost: true });
}

function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^SQLITE_(FULL|IOERR|NOMEM|CORRUPT|NOTADB|CANTOPEN)/.test(code);
}

/** What `work` returns, run now (an error is thrown now, as the statement's would be), as a Later. */
function ran<T>(work: () => T): Later<T> {
  const result = Promise.resolve(work());
  return { get: () => result };
}
