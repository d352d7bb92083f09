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
import { isConnectionLost, type ReadRouter, type ReadSource } from "./read-replicas.js";
import { readQuery } from "./read-statements.js";

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

  constructor(
    private readonly router: ReadRouter,
    public client: pg.PoolClient,
    public source: ReadSource,
    private readonly options: SnapshotOptions,
    { replayable }: { replayable: boolean },
  ) {
    this.record = replayable ? [] : null;
  }

  /** Runs one statement; past `aborted`'s rejection it fails at once with that reason. */
  async run<R>(text: string, values: unknown[], aborted?: Promise<never>): Promise<R[]> {
    for (let moves = 0; ; moves++) {
      const running = this.client.query(readQuery(text, values));
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
    for (const { sql, values, rows } of this.record!) {
      const again = (await client.query(readQuery(sql, values))).rows;
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
