// The connection a snapshot (a GraphQL request, an export) reads on, which may move to another
// database when the replica under it goes away mid-request. The snapshot then begins again on
// the next source (read-replicas.ts) and replays the statements it has run. If every one gives
// the same rows as before, the new snapshot is, for all the request has read, the same state
// of the archive, and the request carries on; if not (the replicas stand at different points
// of the primary's history), it fails saying so. Nothing is compared in the common case: the
// rows are kept by reference, as the request holds them anyway.
import { isDeepStrictEqual } from "node:util";
import type pg from "pg";
import type { SnapshotOptions } from "../sql-archive.js";
import type { SqlParam } from "../sql-dialect.js";
import { inlinePostgresLiterals } from "./postgres-dialect.js";
import { BEGIN_READ_SNAPSHOT, isConnectionLost, type ReadRouter, type ReadSource } from "./read-replicas.js";
import { readQuery } from "./read-statements.js";

// The statements each pooled connection has prepared (read-statements.ts names them), which
// an EXECUTE in the simple protocol can then run with its values written in.
const preparedOn = new WeakMap<pg.ClientBase, Set<string>>();

/** A statement a snapshot ran, with the rows it gave. */
interface ReadRecord {
  sql: string;
  values: unknown[];
  rows: unknown[];
}

export class SnapshotLease {
  /** What to replay after a move; null when the lease may not move (an export's cursor). */
  private readonly record: ReadRecord[] | null;
  private released = false;
  /**
   * Whether the snapshot's BEGIN has been sent. A request's snapshot sends it with its first
   * statement, in one round trip instead of two (and a request that reads nothing sends
   * neither BEGIN nor COMMIT).
   */
  begun: boolean;

  constructor(
    private readonly router: ReadRouter,
    public client: pg.PoolClient,
    public source: ReadSource,
    private readonly options: SnapshotOptions,
    { replayable, begun = true }: { replayable: boolean; begun?: boolean },
  ) {
    this.record = replayable ? [] : null;
    this.begun = begun;
  }

  /** Runs one statement; past `aborted`'s rejection it fails at once with that reason. */
  async run<R>(text: string, values: unknown[], aborted?: Promise<never>): Promise<R[]> {
    for (let moves = 0; ; moves++) {
      const running = this.begun ? this.query(text, values) : this.beginWith(text, values);
      let rows: R[];
      try {
        if (aborted) running.catch(() => {});
        rows = (await (aborted ? Promise.race([running, aborted]) : running)).rows as R[];
      } catch (error) {
        if (!this.record || !isConnectionLost(error) || this.options.signal?.aborted || moves > this.router.replicas.length) throw error;
        await this.move(error);
        continue;
      }
      this.record?.push({ sql: text, values, rows });
      return rows;
    }
  }

  private async query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    const query = readQuery(text, values);
    const result = await this.client.query(query);
    if (query.name) {
      let names = preparedOn.get(this.client);
      if (!names) preparedOn.set(this.client, (names = new Set()));
      names.add(query.name);
    }
    return result;
  }

  /**
   * BEGIN and the first statement in one round trip, by the simple protocol: the statement as
   * an EXECUTE of what this connection has prepared. A statement the connection has not
   * prepared yet goes after the BEGIN.
   */
  private async beginWith(text: string, values: unknown[]): Promise<pg.QueryResult> {
    this.begun = true; // from here a failure rolls back
    const { name } = readQuery(text, values);
    const statement = name !== undefined && preparedOn.get(this.client)?.has(name) ? executeText(name, values) : null;
    if (statement === null) {
      await this.client.query(BEGIN_READ_SNAPSHOT);
      this.router.markUp(this.source);
      return this.query(text, values);
    }
    const results = (await this.client.query(`${BEGIN_READ_SNAPSHOT};\n${statement}`)) as unknown as pg.QueryResult[];
    this.router.markUp(this.source);
    return results[results.length - 1];
  }

  private async move(lost: unknown): Promise<void> {
    const from = this.source;
    this.release(true);
    // A standby that cancelled a statement for conflicting with replay (40001) is healthy:
    // only this request leaves it.
    if ((lost as { code?: string }).code !== "40001") this.router.markDown(from, lost);
    const { client, source } = await this.router.begin(this.options, from);
    this.client = client;
    this.source = source;
    this.released = false;
    this.begun = true;
    for (const { sql, values, rows } of this.record!) {
      const again = (await this.query(sql, values)).rows;
      if (!isDeepStrictEqual(again, rows)) {
        throw new Error(`${from.url} stopped answering mid-request, and ${source.url} holds a different state of the archive (replicas at different replication lag): send the request again`);
      }
    }
  }

  /** Gives the connection back (`broken`: to be closed, not reused); once, however often it is called. */
  release(broken: boolean): void {
    if (this.released) return;
    this.released = true;
    this.client.release(broken);
  }
}

/** An EXECUTE of the prepared statement `name` with `values` written in; null when one cannot be written so. */
function executeText(name: string, values: unknown[]): string | null {
  if (values.length === 0) return `EXECUTE ${name}`;
  try {
    return `EXECUTE ${name}(${inlinePostgresLiterals(values as SqlParam[])})`;
  } catch {
    return null;
  }
}
