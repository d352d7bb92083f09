// Extraction on worker threads, so the main thread can write to SQLite while other files
// are being read and extracted. Results come back in the order the files were read, so an
// ingest stores files in the same order (and with the same ids) with or without workers.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CorpusEntry } from "../corpus/read-corpus.js";
import { extractArticle } from "../extract/pipeline.js";
import type { ExtractOptions, ExtractResult, RawArticle } from "../extract/types.js";

export interface ExtractedEntry {
  entry: CorpusEntry;
  /** Absent when the file could not be read (entry.error says why). */
  extracted?: ExtractResult;
}

/**
 * How many extraction threads an ingest uses unless told: one per core, at most 4.
 * Extraction (language analysis) is the costly part; writing is cheap, so every core extracts
 * and the main thread writes.
 */
export function defaultExtractionWorkers(): number {
  return Math.min(4, availableParallelism());
}

// Files in flight per worker: enough to keep every worker busy while the writer catches up,
// few enough that memory stays flat whatever the size of the corpus.
const IN_FLIGHT_PER_WORKER = 16;
const BATCH = 8;

// Under tsx (every entry point of this project) the worker is TypeScript too. On Node 20
// `execArgv: ["--import", "tsx"]` is not enough (the worker's .ts entry is resolved before
// the loader is registered), so a one-line bootstrap registers tsx, then imports it.
function startWorker(): Worker {
  const entry = new URL(`./extraction-worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url);
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry);
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true });
}

// A Buffer may be a view into a shared pool; only a buffer that is the whole of its
// ArrayBuffer can be transferred.
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** Extracts every readable entry, on `workers` threads (0: on this thread), in input order. */
export async function* extractEntries(entries: AsyncIterable<CorpusEntry>, workers: number, options: ExtractOptions): AsyncGenerator<ExtractedEntry> {
  if (workers <= 0) {
    for await (const entry of entries) yield { entry, extracted: entry.raw ? extractArticle(entry.raw, options) : undefined };
    return;
  }
  const pool = Array.from({ length: workers }, startWorker);
  const waiting = new Map<number, { resolve: (result: ExtractResult) => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;
  for (const worker of pool) {
    worker.on("message", (results: { job: number; result: ExtractResult }[]) => {
      for (const { job, result } of results) {
        waiting.get(job)!.resolve(result);
        waiting.delete(job);
      }
    });
    // A worker that dies (out of memory, a bug in the loader) fails the ingest loudly rather than hang it.
    worker.on("error", (error) => {
      failure = error;
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
    });
  }

  // Files go to the workers BATCH at a time: a message costs the main thread (the busy
  // one) a fixed ~0.2 ms however small, about a tenth of storing an article.
  let batch: { job: number; raw: RawArticle }[] = [];
  let batches = 0;
  const flush = () => {
    if (!batch.length) return;
    // The files' bytes are handed over, not copied: the main thread has no more use for them.
    pool[batches++ % pool.length].postMessage({ jobs: batch, options }, batch.map((b) => b.raw.bytes.buffer as ArrayBuffer));
    batch = [];
  };
  const queue: { entry: CorpusEntry; result?: Promise<ExtractResult> }[] = [];
  let job = 0;
  const submit = (entry: CorpusEntry) => {
    if (!entry.raw) return queue.push({ entry });
    const n = job++;
    const result = failure ? Promise.reject(failure) : new Promise<ExtractResult>((resolve, reject) => waiting.set(n, { resolve, reject }));
    result.catch(() => {}); // awaited in order below; this only keeps an early rejection from being "unhandled"
    batch.push({ job: n, raw: { ...entry.raw, bytes: ownBuffer(entry.raw.bytes) } });
    if (batch.length >= BATCH) flush();
    queue.push({ entry, result });
  };
  try {
    for await (const entry of entries) {
      submit(entry);
      while (queue.length >= workers * IN_FLIGHT_PER_WORKER) {
        const next = queue.shift()!;
        yield { entry: next.entry, extracted: next.result && (await next.result) };
      }
    }
    flush();
    while (queue.length) {
      const next = queue.shift()!;
      yield { entry: next.entry, extracted: next.result && (await next.result) };
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
