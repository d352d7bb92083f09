// A thread that reads a folder's files a little ahead of the ingest (read-ahead-worker.js).
// The ingest reads each file synchronously on the thread that also writes the archive
// (read-corpus.ts says why). While it writes, the disk is busy with its commits; a file not in
// the page cache then held the writing thread 4.2 s of 41 s for 10,000 articles into the
// million (docs/PERFORMANCE.md).
import { Worker } from "node:worker_threads";

/** Files read ahead of the one being read: enough to cover a commit's pause, few enough to stay in the page cache. */
const AHEAD = 512;
/** Files handed over at once: a message costs more than the bookkeeping of one file. */
const HANDOVER = 64;
/** Fewer files than this are not worth a thread's start. */
export const READ_AHEAD_FROM = 64;

export class ReadAhead {
  private readonly worker: Worker;
  /** How many of `files` have been handed to the thread. */
  private handed = 0;

  /** `upTo`: the bytes of each file worth reading (the ingest reads no more of a file before it knows its format). */
  constructor(
    private readonly files: readonly string[],
    upTo: number,
  ) {
    this.worker = new Worker(new URL("./read-ahead-worker.js", import.meta.url), { workerData: { upTo } });
    // Never what keeps a finished ingest's process alive, nor what fails it: each file is read again anyway.
    this.worker.unref();
    this.worker.on("error", () => {});
    this.handTo(AHEAD);
  }

  /** Says the ingest is about to read `files[index]`; keeps the thread up to AHEAD files in front. */
  reading(index: number): void {
    if (this.handed - index <= AHEAD - HANDOVER) this.handTo(index + AHEAD);
  }

  private handTo(end: number): void {
    const next = this.files.slice(this.handed, Math.min(end, this.files.length));
    if (!next.length) return;
    this.worker.postMessage(next);
    this.handed += next.length;
  }

  /** Stops the thread; resolves once it has stopped. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
