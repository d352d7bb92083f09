// Writing a long stream of text to a slow reader without holding it in memory: after each
// write that fills the stream's buffer, wait for 'drain' before producing the next chunk.
// A reader that takes nothing in for `stallMs` is let go: waiting for it would hold its
// export slot (server/export-slots.ts) and the buffered chunk for as long as it keeps the
// connection open.
import type { Writable } from "node:stream";

/** How writing ended: every chunk written, the stream closed first, or its reader stopped reading. */
export type WriteOutcome = "written" | "closed" | "stalled";

/**
 * Writes every chunk to `out`, respecting backpressure. Stops pulling chunks (so their
 * source can close) when `out` closed before the end, or when its reader has not taken
 * anything in for `stallMs`; the caller then destroys `out`.
 */
export async function writeChunks(out: Writable, chunks: AsyncIterable<string>, stallMs = Infinity): Promise<WriteOutcome> {
  // One listener of each kind for the whole stream, not one per wait: the compression
  // middleware hands 'drain' listeners to its gzip stream but does not take them back
  // (it wraps `on`, not `off`), so a listener per page piled up there for a long export.
  let wake: ((outcome: WriteOutcome) => void) | null = null;
  const onDrain = () => wake?.("written");
  const onClose = () => wake?.("closed");
  out.on("drain", onDrain);
  out.on("close", onClose);
  out.on("error", onClose);
  try {
    for await (const chunk of chunks) {
      if (out.destroyed || out.writableEnded) return "closed";
      const flowing = out.write(chunk);
      // A compressing response (the `compression` middleware) holds what it is given until its
      // buffer fills: flushed each chunk, a reader gets every page as soon as it is read.
      // (A file stream has a `flush` too, but it is its boolean option, not a method.)
      const { flush } = out as Writable & { flush?: unknown };
      if (typeof flush === "function") flush.call(out);
      if (flowing) continue;
      // 'drain', or why not: the stream closed or failed first (a client that went away never
      // drains), or nothing drained within `stallMs`. (setTimeout takes Infinity for 1 ms.)
      const outcome = await new Promise<WriteOutcome>((resolve) => {
        const timer = Number.isFinite(stallMs) ? setTimeout(() => wake?.("stalled"), stallMs) : undefined;
        wake = (outcome) => {
          clearTimeout(timer);
          wake = null;
          resolve(outcome);
        };
        if (out.destroyed) wake("closed");
      });
      if (outcome !== "written") return outcome;
    }
    return "written";
  } finally {
    out.off("drain", onDrain);
    out.off("close", onClose);
    out.off("error", onClose);
  }
}
