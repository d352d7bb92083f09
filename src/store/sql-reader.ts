// The server's reads: a small pool of better-sqlite3 connections, each statement prepared
// once per connection. Every read the API makes is hand-written SQL (store/*.ts); sent
// through Prisma's $queryRawUnsafe each cost ~0.25 ms of adapter work around a statement
// SQLite answers in tens of microseconds, and a request's snapshot was a Prisma
// interactive transaction on Prisma's one connection, so concurrent requests queued for
// it whole. Here a request holds a connection of its own for its snapshot (see
// `snapshot`), and others use the rest of the pool meanwhile.
import Database from "better-sqlite3";

export type SqlValue = string | number | null;

/** Something that answers SQL with rows: a pooled connection, or one inside a snapshot. */
export interface SqlReads {
  all<T>(sql: string, params?: readonly SqlValue[]): T[];
}

// Statements of one connection, least recently used dropped first: filters with IN lists
// of any length make a few hundred distinct statements at most, but not a fixed set.
const STATEMENT_CACHE_SIZE = 500;

class ReadConnection implements SqlReads {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string, private readonly counter: { count: number }) {
    // timeout: a reader waits (rarely, briefly) while a writer in another process checkpoints.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma("journal_mode = WAL");
    // A read connection must never write, whatever SQL reaches it.
    this.db.pragma("query_only = ON");
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): T[] {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    this.counter.count++;
    return statement.all(...params) as T[];
  }
}

export class ReadPool implements SqlReads {
  private direct: ReadConnection | null = null;
  private readonly opened: ReadConnection[] = [];
  private readonly idle: ReadConnection[] = [];
  private readonly waiting: ((connection: ReadConnection) => void)[] = [];
  private closed = false;

  /**
   * `size` connections at most for snapshots, plus one for statements outside them.
   * `counter` counts every statement run: tests use it to prove batching.
   */
  constructor(
    private readonly path: string,
    private readonly size: number,
    readonly counter: { count: number },
  ) {}

  private open(): ReadConnection {
    if (this.closed) throw new Error("the archive is closed");
    const connection = new ReadConnection(this.path, this.counter);
    this.opened.push(connection);
    return connection;
  }

  /** One statement outside any snapshot (statements run synchronously, so one connection serves them all). */
  all<T>(sql: string, params: readonly SqlValue[] = []): T[] {
    this.direct ??= this.open();
    return this.direct.all<T>(sql, params);
  }

  /**
   * Runs `work` in a read transaction on a connection of its own: every statement it runs
   * through the given reads sees the archive as it was at the first of them, whatever an
   * ingest commits meanwhile (WAL), and never blocks that ingest. Waits up to `waitMs` for
   * a free connection when all `size` are in use.
   */
  async snapshot<T>(work: (reads: SqlReads) => Promise<T>, waitMs = 60_000): Promise<T> {
    if (this.closed) throw new Error("the archive is closed");
    const connection = this.idle.pop() ?? (this.opened.length - (this.direct ? 1 : 0) < this.size ? this.open() : await this.wait(waitMs));
    connection.db.exec("BEGIN");
    try {
      return await work(connection);
    } finally {
      if (connection.db.open && connection.db.inTransaction) connection.db.exec("COMMIT");
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }

  private wait(ms: number): Promise<ReadConnection> {
    return new Promise((resolve, reject) => {
      const handOver = (connection: ReadConnection) => {
        clearTimeout(timer);
        resolve(connection);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(handOver), 1);
        reject(new Error(`no read connection became free within ${ms} ms`));
      }, ms);
      this.waiting.push(handOver);
    });
  }

  close(): void {
    this.closed = true;
    for (const connection of this.opened) connection.db.close();
  }
}
