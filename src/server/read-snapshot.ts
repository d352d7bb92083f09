// Each GraphQL request reads one snapshot of the archive. Its resolvers run many SQL
// statements (a page, its count, the loaders' batches); an ingest in another process may
// commit between any two of them, and a page of 12 articles would then report a
// totalCount of 13. A read transaction in WAL mode sees the archive as it was when the
// transaction began, for every statement in it, and never blocks the writer.
//
// The transactions of one Store take turns (the SQLite adapter runs one at a time on its
// one connection), which costs little: better-sqlite3 runs every statement synchronously,
// so requests never ran SQL side by side anyway.
import type { RequestHandler, Response } from "express";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Store } from "../store/open-store.js";

// Generous: a request waits its turn behind others, and the request timeout has already
// answered the client long before either runs out.
const WAIT_FOR_TURN_MS = 60_000;
const HOLD_AT_MOST_MS = 120_000;

/**
 * Runs `handler` (the GraphQL middleware, an async handler) inside a read transaction;
 * `snapshotOf(res)` is the store the request's context must read from. The transaction
 * ends when the handler has finished, whether or not the client is still there.
 */
export function withReadSnapshot(store: Store, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    store.prisma
      .$transaction(
        async (tx) => {
          // Answered while it waited its turn (the request timeout) or its client left: under
          // overload, running it anyway would only lengthen the queue behind it.
          if (res.writableEnded || res.destroyed) return;
          res.locals.snapshot = { ...store, prisma: tx as unknown as PrismaClient } satisfies Store;
          // Apollo's Express middleware is an async function: its promise settles once it has answered.
          await handler(req, res, next);
        },
        { maxWait: WAIT_FOR_TURN_MS, timeout: HOLD_AT_MOST_MS },
      )
      .catch(next);
  };
}

/** The store a request reads from: its snapshot, or the live store outside withReadSnapshot. */
export function snapshotOf(res: Response, store: Store): Store {
  return (res.locals.snapshot as Store | undefined) ?? store;
}
