// Writing a long stream of text to a slow reader without holding it in memory: after each
// write that fills the stream's buffer, wait for 'drain' before producing the next chunk.
// A reader that takes nothing in for `stallMs` is let go: waiting for it would hold its
// export slot (server/export-slots.ts) and the buffered chunk for as long as it keeps the
// connection open.
import type { Writable } from "node:stream";

/** How writing ended: every chunk written, the stream closed first, or its reader stopped reading. */
export type WriteOutcome = "written" | "closed" | "stalled";

// 'drain', or why not: the stream closed or failed first (a client that went away never
// drains), or nothing drained within `stallMs`.
function drained(out: Writable, stallMs: number): Promise<WriteOutcome> {
  return new Promise((resolve) => {
    const settle = (outcome: WriteOutcome) => () => {
      clearTimeout(timer);
      out.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", onClose);
      resolve(outcome);
    };
    const onDrain = settle("written");
    const onClose = settle("closed");
    // (setTimeout takes Infinity for 1 ms.)
    const timer = Number.isFinite(stallMs) ? setTimeout(settle("stalled"), stallMs) : undefined;
    out.once("drain", onDrain);
    out.once("close", onClose);
    out.once("error", onClose);
  });
}

/**
 * Writes every chunk to `out`, respecting backpressure. Stops pulling chunks (so their
 * source can close) when `out` closed before the end, or when its reader has not taken
 * anything in for `stallMs`; the caller then destroys `out`.
 */
export async function writeChunks(out: Writable, chunks: AsyncIterable<string>, stallMs = Infinity): Promise<WriteOutcome> {
  for await (const chunk of chunks) {
    if (out.destroyed || out.writableEnded) return "closed";
    const flowing = out.write(chunk);
    // A compressing response (the `compression` middleware) holds what it is given until its
    // buffer fills: flushed each chunk, a reader gets every page as soon as it is read.
    // (A file stream has a `flush` too, but it is its boolean option, not a method.)
    const { flush } = out as Writable & { flush?: unknown };
    if (typeof flush === "function") flush.call(out);
    if (!flowing) {
      const outcome = await drained(out, stallMs);
      if (outcome !== "written") return outcome;
    }
  }
  return "written";
}
