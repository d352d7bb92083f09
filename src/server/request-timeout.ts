// A GraphQL request that has not been answered after QUERY_TIMEOUT_MS (10 s unless the
// environment says otherwise) is answered 503 with a JSON error, and its reads are stopped
// through the request's deadline signal (see `deadlineOf`): the read thread holding its
// snapshot is terminated (store/sqlite/read-pool.ts). Reads run on threads of their own, so the
// timer fires on time however slow a statement is. The resolvers' statements then fail at
// once; what the operation still tries to send is dropped.
import type { RequestHandler, Response } from "express";

export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/** QUERY_TIMEOUT_MS from the environment, or 10 s. */
export function queryTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  if (env.QUERY_TIMEOUT_MS == null || env.QUERY_TIMEOUT_MS.trim() === "") return DEFAULT_QUERY_TIMEOUT_MS;
  const ms = Number(env.QUERY_TIMEOUT_MS);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`QUERY_TIMEOUT_MS must be a positive whole number of milliseconds; got "${env.QUERY_TIMEOUT_MS}"`);
  return ms;
}

// After the 503 the GraphQL handler still finishes and writes its answer: those writes
// must go nowhere rather than fail with "headers already sent".
function dropLateWrites(res: Response): void {
  const ignore = () => res;
  Object.assign(res, { setHeader: ignore, writeHead: ignore, status: ignore, set: ignore, send: ignore, json: ignore, write: () => true, end: ignore });
}

/** Why a request's reads were stopped: its statements fail with this, and it is not a bug to log. */
export class QueryTimedOut extends Error {
  constructor(ms: number) {
    super(`the query ran past QUERY_TIMEOUT_MS (${ms} ms) and was stopped`);
    this.name = "QueryTimedOut";
  }
}

/** Aborted when the request's time is up: reads made for it stop then. */
export function deadlineOf(res: Response): AbortSignal | undefined {
  return (res.locals.deadline as AbortController | undefined)?.signal;
}

export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const deadline = new AbortController();
    res.locals.deadline = deadline;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res
        .status(503)
        .set("retry-after", "10")
        .json({
          errors: [
            {
              message: `The query took longer than ${ms / 1000} s and was stopped. Ask for smaller pages or fewer nested lists, or use /export for bulk pulls.`,
              extensions: { code: "QUERY_TIMEOUT" },
            },
          ],
        });
      dropLateWrites(res);
      deadline.abort(new QueryTimedOut(ms));
    }, ms);
    res.once("close", () => clearTimeout(timer));
    next();
  };
}
