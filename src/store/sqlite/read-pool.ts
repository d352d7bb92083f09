// The server's reads on SQLite: a small pool of read threads (sqlite/read-thread.ts), each with a
// better-sqlite3 connection of its own and its statements prepared once. Every read the API
// makes is hand-written SQL (store/*.ts); sent through Prisma's $queryRawUnsafe each cost
// ~0.25 ms of adapter work around a statement SQLite answers in tens of microseconds.
//
// Threads, not connections on the server's thread: SQLite answers synchronously, so one slow
// statement there stopped every other request, /healthz and the request timeout's timer.
// A request's snapshot is a read transaction, and a transaction belongs to one connection,
// so a request holds one thread from its BEGIN to its COMMIT. That rules out a task pool
// such as piscina, which sends each task to whichever thread is free: it cannot keep a
// request's statements on the thread that began its transaction.
import type { ReadPoolStats, SnapshotOptions, SqlReads } from "../sql-archive.js";
import { ReadThread } from "./read-thread.js";
import type { SqlValue } from "./read-messages.js";

export type { SqlValue } from "./read-messages.js";
export { ReadError } from "./read-thread.js";

interface Waiter {
  take(thread: ReadThread): void;
  fail(error: Error): void;
}

export class ReadPool implements SqlReads {
  private readonly idle: ReadThread[] = [];
  private readonly live = new Set<ReadThread>();
  private readonly waiting: Waiter[] = [];
  private closed = false;
  private waits = 0;
  private waitSeconds = 0;

  stats(): ReadPoolStats {
    return { threads: this.live.size, busy: this.live.size - this.idle.length, waiting: this.waiting.length, waits: this.waits, waitSeconds: this.waitSeconds };
  }

  /**
   * `size` threads at most, started as they are needed, each serving one snapshot or one
   * statement at a time. `counter` counts every statement run: tests use it to prove batching.
   */
  constructor(
    private readonly path: string,
    private readonly size: number,
    readonly counter: { count: number },
  ) {}

  /**
   * Starts every thread now and settles once they answer, so that the first requests of a
   * server do not each wait for a thread to start (tens to hundreds of ms on a busy machine).
   */
  async start(): Promise<void> {
    const started: ReadThread[] = [];
    while (this.live.size < this.size && !this.closed) started.push(this.open());
    this.idle.push(...started);
    await Promise.all(started.map((thread) => thread.started()));
  }

  /** One statement outside any snapshot, on whichever thread is free. */
  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.lease((thread) => thread.all<T>(sql, params));
  }

  /**
   * Runs `work` in a read transaction on a thread of its own: every statement it runs
   * through the given reads sees the archive as it was at the first of them, whatever an
   * ingest commits meanwhile (WAL), and never blocks that ingest.
   */
  snapshot<T>(work: (reads: SqlReads) => Promise<T>, options: SnapshotOptions = {}): Promise<T> {
    return this.lease(async (thread) => {
      // BEGIN and COMMIT are sent, not waited for: a thread runs its messages in order, so
      // BEGIN comes before the snapshot's first statement and COMMIT before the next
      // user's. Waiting for each added two round trips between threads to every request.
      const begun = thread.begin();
      begun.catch(() => {}); // surfaced below, once the work is done
      let result: T;
      try {
        result = await work(thread);
      } finally {
        // A COMMIT that fails leaves the connection inside a stale snapshot: the thread goes.
        if (!thread.stopped) thread.commit().catch((error: Error) => thread.stop(error));
      }
      // A BEGIN that failed means the statements ran outside a snapshot: never expected, so loud.
      await begun;
      return result;
    }, options);
  }

  private async lease<T>(use: (thread: ReadThread) => Promise<T>, { signal, waitMs = 60_000 }: SnapshotOptions = {}): Promise<T> {
    if (this.closed) throw new Error("the archive is closed");
    signal?.throwIfAborted();
    let thread = this.takeIdle() ?? (this.live.size < this.size ? this.open() : undefined);
    if (!thread) {
      const started = performance.now();
      this.waits++;
      try {
        thread = await this.wait(waitMs, signal);
      } finally {
        this.waitSeconds += (performance.now() - started) / 1000;
      }
    }
    const stop = () => thread.stop(signal!.reason instanceof Error ? signal!.reason : new Error(String(signal!.reason)));
    signal?.addEventListener("abort", stop, { once: true });
    try {
      return await use(thread);
    } finally {
      signal?.removeEventListener("abort", stop);
      this.release(thread);
    }
  }

  private takeIdle(): ReadThread | undefined {
    for (let thread = this.idle.pop(); thread; thread = this.idle.pop()) {
      if (!thread.stopped) return thread;
      this.live.delete(thread); // died while idle
    }
    return undefined;
  }

  private open(): ReadThread {
    const thread = new ReadThread(this.path, this.counter);
    this.live.add(thread);
    return thread;
  }

  private release(thread: ReadThread): void {
    if (thread.stopped) {
      // Stopped past a deadline, or died: a new thread takes its place, given out once it
      // has started (tens to hundreds of ms); the threads already up serve meanwhile.
      this.live.delete(thread);
      if (this.closed) return;
      const replacement = this.open();
      replacement.started().then(
        () => this.release(replacement),
        () => this.live.delete(replacement), // failed to start: the next lease opens another
      );
      return;
    }
    const next = this.waiting.shift();
    if (next) next.take(thread);
    else this.idle.push(thread);
  }

  private wait(ms: number, signal?: AbortSignal): Promise<ReadThread> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        take: (thread) => {
          settle();
          resolve(thread);
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      };
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
      };
      const onAbort = () => waiter.fail(signal!.reason instanceof Error ? signal!.reason : new Error(String(signal!.reason)));
      const timer = setTimeout(() => waiter.fail(new Error(`no read thread became free within ${ms} ms`)), ms);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiting]) waiter.fail(new Error("the archive is closed"));
    await Promise.all([...this.live].map((thread) => thread.close()));
    this.live.clear();
    this.idle.length = 0;
  }
}
