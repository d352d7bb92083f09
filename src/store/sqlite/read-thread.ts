// The server's side of one read thread (sqlite/read-worker.js): statements go out as
// messages and come back as promises, in order. `stop` ends the thread without waiting for
// it, for a read that has run past its request's deadline.
import { Worker } from "node:worker_threads";
import type { ReadReply, ReadRequest, SqlValue } from "./read-messages.js";

/** A statement's failure as SQLite reported it on the read thread (message and code, as better-sqlite3's SqliteError). */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ReadError";
  }
}

const READ_THREAD_YOUNG_GENERATION_MB = 4;

// The thread's code is plain JavaScript (read-worker.js says why), so it starts the same
// under tsx, vitest or plain node.
function startReadWorker(path: string): Worker {
  return new Worker(new URL("./read-worker.js", import.meta.url), {
    workerData: { path },
    // A thread's heap holds a statement's rows only until they are posted; V8's default
    // young generation let each of eight threads keep tens of MB of them as garbage.
    resourceLimits: { maxYoungGenerationSizeMb: READ_THREAD_YOUNG_GENERATION_MB },
  });
}

export class ReadThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  /** Why the thread no longer answers: stopped, or it died. */
  private ended: Error | null = null;
  private readonly exited: Promise<void>;

  /** `counter` counts every statement sent (not BEGIN or COMMIT): tests use it to prove batching. */
  constructor(
    path: string,
    private readonly counter: { count: number },
  ) {
    this.worker = startReadWorker(path);
    this.exited = new Promise((resolve) => this.worker.once("exit", () => resolve()));
    // An idle thread must not keep a script's process alive; one with a statement out must.
    this.worker.unref();
    this.worker.on("message", (reply: ReadReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (!this.pending.size) this.worker.unref();
      if (reply.error) waiter.reject(new ReadError(reply.error.message, reply.error.code));
      else waiter.resolve(reply.rows);
    });
    // A thread that fails to start or dies fails its statements loudly rather than hang them.
    this.worker.on("error", (error) => this.end(error));
    this.worker.on("exit", (code) => this.end(new Error(`the read thread exited (code ${code})`)));
  }

  get stopped(): boolean {
    return this.ended != null;
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    this.counter.count++;
    return this.send({ id: this.nextId++, kind: "all", sql, params }) as Promise<T[]>;
  }

  async begin(): Promise<void> {
    await this.send({ id: this.nextId++, kind: "begin" });
  }

  async commit(): Promise<void> {
    await this.send({ id: this.nextId++, kind: "commit" });
  }

  /** Settles once the thread has started and opened its connection. */
  async started(): Promise<void> {
    await this.send({ id: this.nextId++, kind: "ping" });
  }

  private send(request: ReadRequest): Promise<unknown[]> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      if (!this.pending.size) this.worker.ref();
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  /**
   * Ends the thread: its statements not yet answered fail with `reason` now, and the thread
   * is terminated. better-sqlite3 cannot interrupt a running statement, so a thread inside
   * one stops when that statement returns; nothing here waits for that.
   */
  stop(reason: Error): void {
    if (this.ended) return;
    this.end(reason);
    this.worker.unref();
    void this.worker.terminate();
  }

  /** Stops the thread and waits until it has exited (closing the archive). */
  async close(): Promise<void> {
    this.stop(new Error("the archive is closed"));
    await this.exited;
  }

  private end(reason: Error): void {
    this.ended ??= reason;
    for (const { reject } of this.pending.values()) reject(this.ended);
    this.pending.clear();
  }
}
