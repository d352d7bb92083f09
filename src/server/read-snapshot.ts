// Each GraphQL request reads one snapshot of the archive. Its resolvers run many SQL
// statements (a page, its count, the loaders' batches); an ingest in another process may
// commit between any two of them, and a page of 12 articles would then report a
// totalCount of 13. A read transaction in WAL mode sees the archive as it was when the
// transaction began, for every statement in it, and never blocks the writer. Each request
// holds a pooled read thread of its own for it (store/store.ts: a read thread of its own on SQLite, a pooled connection on PostgreSQL), so requests in
// flight together do not wait for each other's snapshots.
import type { RequestHandler, Response } from "express";
import type { Store } from "../store/store.js";
import { deadlineOf } from "./request-timeout.js";

/**
 * Runs `handler` (the GraphQL middleware, an async handler) inside a read transaction;
 * `snapshotOf(res)` is the store the request's context must read from. The transaction
 * ends when the handler has finished, whether or not the client is still there, or at the
 * request's deadline (server/request-timeout.ts), when its read thread is stopped.
 */
export function withReadSnapshot(store: Store, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    store
      .snapshot(
        async (snapshot) => {
          // Answered while it waited for a thread (the request timeout) or its client left:
          // under overload, running it anyway would only lengthen the queue behind it.
          if (res.writableEnded || res.destroyed) return;
          res.locals.snapshot = snapshot;
          // Apollo's Express middleware is an async function: its promise settles once it has answered.
          await handler(req, res, next);
        },
        { signal: deadlineOf(res) },
      )
      // Past the deadline the 503 is already sent: the snapshot's failure is that, not a new error.
      .catch((error) => (deadlineOf(res)?.aborted ? undefined : next(error)));
  };
}

/** The store a request reads from: its snapshot, or the live store outside withReadSnapshot. */
export function snapshotOf(res: Response, store: Store): Store {
  return (res.locals.snapshot as Store | undefined) ?? store;
}
