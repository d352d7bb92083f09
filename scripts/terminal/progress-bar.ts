// A one-line progress bar redrawn in place on a terminal; nothing at all when the stream is
// not a terminal (a pipe, a CI log), where a line per redraw would be noise.
import type { WriteStream } from "node:tty";

export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;
const REDRAW_EVERY_MS = 100;

export function progressBar(stream: NodeJS.WriteStream, total: number, unit: string): ProgressBar {
  if (!(stream as WriteStream).isTTY) return { update() {}, finish() {} };
  const started = performance.now();
  let lastDraw = 0;
  const draw = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(share * WIDTH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${unit} ${seconds} s`;
    stream.write(`\r${line}\u001b[K`);
  };
  return {
    update(done) {
      const now = performance.now();
      if (now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      draw(done);
    },
    finish() {
      stream.write("\r\u001b[K");
    },
  };
}
