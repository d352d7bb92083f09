// Writing a long stream of text to a slow reader without holding it in memory: after each
// write that fills the stream's buffer, wait for 'drain' before producing the next chunk.
import type { Writable } from "node:stream";

// Resolves true on 'drain', false when the stream closes or fails first (a client that
// went away never drains, and waiting for it would hold the export open forever).
function drained(out: Writable): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (ok: boolean) => () => {
      out.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", onClose);
      resolve(ok);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    out.once("drain", onDrain);
    out.once("close", onClose);
    out.once("error", onClose);
  });
}

/**
 * Writes every chunk to `out`, respecting backpressure. Returns false, having stopped
 * pulling chunks (so their source can close), when `out` closed before the end.
 */
export async function writeChunks(out: Writable, chunks: AsyncIterable<string>): Promise<boolean> {
  for await (const chunk of chunks) {
    if (out.destroyed || out.writableEnded) return false;
    if (!out.write(chunk) && !(await drained(out))) return false;
  }
  return true;
}
