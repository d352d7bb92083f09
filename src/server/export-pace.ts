// Exports are bulk work; a GraphQL request is someone waiting. Read threads take SQLite off
// the server's thread, but each export page is still turned into JSON lines there (rows
// from its read thread, global ids, JSON.stringify): 10–20 ms of work a page at 500
// articles (pages are 200 rows since, store/export.ts). Four exports producing pages back to back put that in front of every step of
// every GraphQL request. So exports take turns, one page at a time, and a turn comes when
// no GraphQL request is in flight, or at the latest `maxWaitMs` after the previous turn
// began, so exports never starve however busy GraphQL is.
import type { RequestHandler } from "express";

/** Longest an export page waits for GraphQL to be idle, from the start of the previous export page. */
export const EXPORT_MAX_WAIT_MS = 50;

export interface ExportPace {
  /** Counts GraphQL requests in flight: mounted in front of /graphql. */
  trackGraphql: RequestHandler;
  /** Pulls `chunks` one at a time, each when its turn comes. */
  paced(chunks: AsyncIterator<string>): AsyncGenerator<string>;
}

export function exportPace(maxWaitMs = EXPORT_MAX_WAIT_MS): ExportPace {
  let graphqlInFlight = 0;
  let turnTaken = false;
  let lastTurnAt = 0;
  const waiting: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;

  // Gives the next waiting export its turn if one is free and it is due.
  function schedule() {
    if (turnTaken || !waiting.length || timer) return;
    const due = graphqlInFlight === 0 ? 0 : lastTurnAt + maxWaitMs - performance.now();
    if (due <= 0) {
      turnTaken = true;
      lastTurnAt = performance.now();
      waiting.shift()!();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      schedule();
    }, due);
  }

  function release() {
    turnTaken = false;
    schedule();
  }

  return {
    trackGraphql: (_req, res, next) => {
      graphqlInFlight++;
      res.once("close", () => {
        graphqlInFlight--;
        if (graphqlInFlight === 0 && timer) {
          clearTimeout(timer);
          timer = null;
        }
        schedule();
      });
      next();
    },
    async *paced(chunks) {
      try {
        for (;;) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            schedule();
          });
          let step: IteratorResult<string>;
          try {
            step = await chunks.next();
          } finally {
            release();
          }
          if (step.done) return;
          yield step.value;
        }
      } finally {
        // The client went away or stopped reading: the source closes too.
        await chunks.return?.();
      }
    },
  };
}
