// Ingestion's own connection to the archive: better-sqlite3, synchronous, with every
// statement prepared once. Saving an article through Prisma cost some fifty round trips
// through the query compiler and an interactive transaction per file (about 15 ms of CPU
// an article); the same SQL here costs well under a millisecond. Readers have connections
// of their own (store/sql-reader.ts); WAL lets them all share the file.
import Database from "better-sqlite3";
import { sqliteDialect } from "./sqlite/sqlite-dialect.js";

export type SqlValue = string | number | null;

export class SqlWriter {
  /** The SQL the writer's statements are written in (store/sql-dialect.ts). */
  readonly dialect = sqliteDialect;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    // timeout: wait for a writer in another process rather than fail with SQLITE_BUSY.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  all<T>(sql: string, ...params: SqlValue[]): T[] {
    return this.prepare(sql).all(...params) as T[];
  }

  get<T>(sql: string, ...params: SqlValue[]): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  /** Runs a write and returns the rowid it inserted, if any. */
  run(sql: string, ...params: SqlValue[]): number {
    return Number(this.prepare(sql).run(...params).lastInsertRowid);
  }

  /**
   * Runs `work` in one IMMEDIATE transaction: all of its writes are committed, or none are
   * if it throws. IMMEDIATE takes the write lock at the start, so a concurrent ingest waits
   * (up to the timeout) instead of failing half-way with SQLITE_BUSY.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /**
   * Runs `work` with its transactions grouped: they become savepoints of one transaction,
   * committed once `group.size` calls of `commitPoint()` or `group.ms` milliseconds have
   * passed, and at the end. A file that fails still rolls back alone (to its savepoint),
   * and a killed process loses only the last uncommitted group, whole files each.
   * Committing every file on its own cost more than writing it: each commit flushes a new
   * FTS5 segment and its merges. `commitPoint()` says whether it committed.
   */
  async inBatches<T>(group: { size: number; ms: number }, work: (commitPoint: () => boolean) => Promise<T>): Promise<T> {
    let pending = 0;
    let began = 0;
    const begin = () => {
      this.prepare("BEGIN IMMEDIATE").run();
      began = performance.now();
    };
    const commitPoint = () => {
      if (++pending < group.size && performance.now() - began < group.ms) return false;
      this.prepare("COMMIT").run();
      pending = 0;
      begin();
      return true;
    };
    begin();
    try {
      const result = await work(commitPoint);
      this.prepare("COMMIT").run();
      return result;
    } finally {
      if (this.db.inTransaction) this.prepare("ROLLBACK").run();
    }
  }

  close(): void {
    this.db.close();
  }
}
