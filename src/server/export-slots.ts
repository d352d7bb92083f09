// How many exports run at once, and how long one may wait for a client that stopped reading.
// Without a bound, 16 exports took every read and most of the CPU (GraphQL p50 went from
// 11 ms to 3.3 s), and 50 clients that asked for an export and never read made /healthz
// unreachable while the server's memory grew by their buffers (issue 13, item 12).
import type { RequestHandler } from "express";

/** Exports at once unless EXPORT_CONCURRENCY says otherwise: half the read threads, so GraphQL always has the rest. */
export const DEFAULT_EXPORT_CONCURRENCY = 4;
/** How long an export waits for its client to take in what it wrote, unless EXPORT_STALL_MS says otherwise. */
export const DEFAULT_EXPORT_STALL_MS = 30_000;
/** What a refused client is told to wait before asking again, in seconds. */
export const EXPORT_RETRY_AFTER_S = 5;

function positiveWhole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw == null || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number; got "${raw}"`);
  return n;
}

export interface ExportLimits {
  concurrency: number;
  stallMs: number;
}

/** EXPORT_CONCURRENCY and EXPORT_STALL_MS from the environment, or the defaults. */
export function exportLimits(env: NodeJS.ProcessEnv = process.env): ExportLimits {
  return {
    concurrency: positiveWhole(env, "EXPORT_CONCURRENCY", DEFAULT_EXPORT_CONCURRENCY),
    stallMs: positiveWhole(env, "EXPORT_STALL_MS", DEFAULT_EXPORT_STALL_MS),
  };
}

/**
 * Lets `concurrency` exports run at once; one more is answered 429 with Retry-After and
 * `TOO_MANY_EXPORTS`. A slot is freed when its response closes: finished, abandoned by its
 * client, or dropped for not reading (server/write-chunks.ts).
 */
export function exportSlots(concurrency: number): RequestHandler {
  let running = 0;
  return (_req, res, next) => {
    if (running >= concurrency) {
      res
        .status(429)
        .set("retry-after", String(EXPORT_RETRY_AFTER_S))
        .json({
          errors: [
            {
              message: `${concurrency} exports are running, as many as this server runs at once. Try again in ${EXPORT_RETRY_AFTER_S} s, or use GraphQL for a few rows.`,
              extensions: { code: "TOO_MANY_EXPORTS" },
            },
          ],
        });
      return;
    }
    running++;
    res.once("close", () => running--);
    next();
  };
}
