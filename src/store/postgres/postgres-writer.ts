// Ingestion's own connection to a PostgreSQL archive: one client, its statements sent with
// `?` numbered as PostgreSQL wants them. Transactions run one at a time (TransactionQueue);
// in inBatches each file is a savepoint of the open group, as on SQLite.
import pg from "pg";
import type { SqlWrites } from "../sql-archive.js";
import type { SqlParam } from "../sql-dialect.js";
import { TransactionQueue } from "../transaction-queue.js";
import { postgresDialect } from "./postgres-dialect.js";

export class PostgresWriter implements SqlWrites {
  readonly dialect = postgresDialect;
  private readonly queue = new TransactionQueue();
  private readonly numbered = new Map<string, string>();
  private connected: Promise<pg.Client> | null = null;
  private inTransaction = false;
  /** A savepoint could not be rolled back: the open group cannot be committed whole. */
  private broken = false;
  private savepoints = 0;

  constructor(private readonly config: pg.ClientConfig) {}

  private client(): Promise<pg.Client> {
    return (this.connected ??= (async () => {
      const client = new pg.Client(this.config);
      // A dropped connection fails the statement in flight; without a listener it would end the process.
      client.on("error", () => {});
      await client.connect();
      return client;
    })());
  }

  private async query<T>(sql: string, params: SqlParam[]): Promise<T[]> {
    let text = this.numbered.get(sql);
    if (text === undefined) this.numbered.set(sql, (text = postgresDialect.numberPlaceholders(sql)));
    const client = await this.client();
    return (await client.query({ text, values: params as unknown[] })).rows as T[];
  }

  all<T>(sql: string, ...params: SqlParam[]): Promise<T[]> {
    return this.query<T>(sql, params);
  }

  async get<T>(sql: string, ...params: SqlParam[]): Promise<T | undefined> {
    return (await this.query<T>(sql, params))[0];
  }

  async run(sql: string, ...params: SqlParam[]): Promise<void> {
    await this.query(sql, params);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (!this.inTransaction) {
        await this.query("BEGIN", []);
        this.inTransaction = true;
        try {
          const result = await work();
          await this.query("COMMIT", []);
          return result;
        } catch (error) {
          // The article's own error is the one to report, even when the connection is what failed.
          await this.query("ROLLBACK", []).catch(() => {});
          throw error;
        } finally {
          this.inTransaction = false;
        }
      }
      const name = `file_${++this.savepoints}`;
      await this.query(`SAVEPOINT ${name}`, []);
      try {
        const result = await work();
        await this.query(`RELEASE SAVEPOINT ${name}`, []);
        return result;
      } catch (error) {
        // Only this file's writes go; the group goes on. A connection that cannot even roll
        // back fails the group (inBatches), with this file's error.
        try {
          await this.query(`ROLLBACK TO SAVEPOINT ${name}`, []);
          await this.query(`RELEASE SAVEPOINT ${name}`, []);
        } catch {
          this.broken = true;
        }
        throw error;
      }
    });
  }

  async inBatches<T>(group: { size: number; ms: number }, work: (commitPoint: () => Promise<boolean>) => Promise<T>): Promise<T> {
    let pending = 0;
    let began = 0;
    const begin = async () => {
      this.broken = false;
      await this.query("BEGIN", []);
      this.inTransaction = true;
      began = performance.now();
    };
    const commitPoint = () =>
      this.queue.run(async () => {
        if (this.broken) throw new Error("the connection to PostgreSQL failed part-way through a group of files; the group was rolled back");
        if (++pending < group.size && performance.now() - began < group.ms) return false;
        await this.query("COMMIT", []);
        this.inTransaction = false;
        pending = 0;
        await begin();
        return true;
      });
    await this.queue.run(begin);
    try {
      const result = await work(commitPoint);
      await this.queue.run(async () => {
        await this.query("COMMIT", []);
        this.inTransaction = false;
      });
      return result;
    } finally {
      if (this.inTransaction) {
        this.inTransaction = false;
        await this.query("ROLLBACK", []).catch(() => {}); // the connection may be what failed
      }
    }
  }

  async close(): Promise<void> {
    if (!this.connected) return;
    const client = await this.connected.catch(() => null);
    await client?.end();
  }
}
