// What the server's thread and a read thread (sqlite/read-worker.js) say to each other.
import type { SqlParam } from "../sql-dialect.js";

/** A parameter as the store's SQL passes it (an id array only from PostgreSQL's dialect, never sent here). */
export type SqlValue = SqlParam;

export type ReadRequest =
  | { id: number; kind: "all"; sql: string; params: readonly SqlValue[] }
  /** A snapshot's start and end (sqlite/read-pool.ts), or a ping once the thread has started. */
  | { id: number; kind: "begin" | "commit" | "ping" };

export type ReadReply = { id: number; rows: unknown[]; error?: undefined } | { id: number; error: { message: string; code?: string } };
