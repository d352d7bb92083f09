// Extraction on worker threads (a piscina pool), so the main thread can write to SQLite while other files
// are being read and extracted. Results come back in the order the files were read, so an
// ingest stores files in the same order (and with the same ids) with or without workers.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { CorpusEntry } from "../corpus/read-corpus.js";
import { extractArticle } from "../extract/pipeline.js";
import type { ExtractOptions, ExtractResult, RawArticle } from "../extract/types.js";
import type { ExtractionBatch } from "./extraction-worker.js";

export interface ExtractedEntry {
  entry: CorpusEntry;
  /** Absent when the file could not be read (entry.error says why). */
  extracted?: ExtractResult;
}

/**
 * How many extraction threads an ingest uses unless told: one fewer than cores (at most 4),
 * so that the main thread, which stores every article and sets the pace, keeps a core of its
 * own. Each thread also compiles the extraction code for itself. On two cores, 10,000 articles
 * into the million as an intake, in turns: SQLite 27.0, 30.4, 27.7 s with one thread against
 * 29.5, 30.3, 33.6 s with two, and a fifth less CPU; into an empty archive 23.4, 23.0 against
 * 24.3, 24.1 s; PostgreSQL with two writers (its server's processes on the same cores, once
 * threads got every batch at once, below) 46.8, 46.2, 50.2 s against 55.4, 46.9, 65.0 s.
 */
export function defaultExtractionWorkers(): number {
  return Math.min(4, availableParallelism() - 1);
}

// Files in flight per worker: enough to keep every worker busy through the writer's stalls (a
// commit with its checkpoint holds it for half a second), few enough that memory stays flat
// whatever the size of the corpus.
const IN_FLIGHT_PER_WORKER = 32;
const BATCH = 8;
// Every batch in flight is handed to its thread at once (piscina's concurrentTasksPerWorker;
// a thread still extracts them one after another). With one at a time, piscina handed a thread
// its next batch only when the main thread read the last one's answer, which it does only when
// it has nothing else to run: the writer's thread is busy in synchronous SQLite calls, so the
// extraction thread sat idle until the writer ran dry and waited for it. 10,000 articles into
// the million, in turns: SQLite (one thread) 29.6, 30.8, 29.7, 27.9 s with one batch at a time
// against 26.5, 26.2, 28.2, 25.1 s with all of 128 files handed over, the writer waiting
// 4.0–5.4 s against 2.8–4.1 s (32, 64 and 128 files a thread alike: 24.8, 24.9, 25.0 s in one
// round); PostgreSQL (two threads, two writers, 32 files a thread) 57.5, 56.5 s → 49.6, 48.2 s.
// A deeper queue one batch at a time was slower still (128 files: 45–50 s against 35–38 s).
const BATCHES_IN_FLIGHT_PER_WORKER = IN_FLIGHT_PER_WORKER / BATCH;

// Under tsx (every entry point of this project) the worker is TypeScript too: each thread
// registers tsx before piscina imports the worker's file.
function startPool(workers: number): Piscina<ExtractionBatch, ExtractResult[]> {
  const entry = new URL(`./extraction-worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url);
  const execArgv = entry.pathname.endsWith(".ts") ? ["--import", import.meta.resolve("tsx")] : [];
  return new Piscina({ filename: entry.href, minThreads: workers, maxThreads: workers, execArgv, concurrentTasksPerWorker: BATCHES_IN_FLIGHT_PER_WORKER });
}

// A Buffer may be a view into a shared pool; only a buffer that is the whole of its
// ArrayBuffer can be transferred.
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** Extracts every readable entry, on `workers` threads (0: on this thread), in input order. */
export async function* extractEntries(entries: AsyncIterable<CorpusEntry>, workers: number, options: ExtractOptions): AsyncGenerator<ExtractedEntry> {
  const here = (entry: CorpusEntry): ExtractedEntry => ({ entry, extracted: entry.raw ? extractArticle(entry.raw, options) : undefined });
  if (workers <= 0) {
    for await (const entry of entries) yield here(entry);
    return;
  }
  // Threads are started once there are more files than a batch for each: each thread loads
  // the language model and the extraction code (a second of CPU), which a handful of files
  // (one article ingested by hand, a test's few) would wait for and not gain back.
  const iterator = entries[Symbol.asyncIterator]();
  const first: CorpusEntry[] = [];
  let readable = 0;
  for (let next = await iterator.next(); ; next = await iterator.next()) {
    if (next.done) {
      for (const entry of first) yield here(entry);
      return;
    }
    first.push(next.value);
    if (next.value.raw && ++readable > workers * BATCH) break;
  }
  yield* extractOnThreads(first, iterator, workers, options);
}

async function* extractOnThreads(first: CorpusEntry[], rest: AsyncIterator<CorpusEntry>, workers: number, options: ExtractOptions): AsyncGenerator<ExtractedEntry> {
  const pool = startPool(workers);

  // Files go to the workers BATCH at a time: a message costs the main thread (the busy
  // one) a fixed ~0.2 ms however small, about a tenth of storing an article.
  type Batch = { raws: RawArticle[]; results?: Promise<ExtractResult[]> };
  let open: Batch = { raws: [] };
  const send = (batch: Batch) => {
    if (batch.results || !batch.raws.length) return;
    // The files' bytes are handed over, not copied: the main thread has no more use for them.
    // A worker that dies (out of memory, a bug in the loader) rejects its batch, and the
    // ingest fails loudly rather than hang.
    batch.results = pool.run({ raws: batch.raws, options }, { transferList: batch.raws.map((raw) => raw.bytes.buffer as ArrayBuffer) });
    batch.results.catch(() => {}); // awaited in order below; this only keeps an early rejection from being "unhandled"
    if (batch === open) open = { raws: [] };
  };
  const queue: { entry: CorpusEntry; batch?: Batch; place?: number }[] = [];
  const submit = (entry: CorpusEntry) => {
    if (!entry.raw) return queue.push({ entry });
    const batch = open;
    batch.raws.push({ ...entry.raw, bytes: ownBuffer(entry.raw.bytes) });
    queue.push({ entry, batch, place: batch.raws.length - 1 });
    if (batch.raws.length >= BATCH) send(batch);
  };
  const next = async (): Promise<ExtractedEntry> => {
    const { entry, batch, place } = queue.shift()!;
    if (!batch) return { entry };
    send(batch); // a file whose batch is not full yet (unreadable files came between): it goes now
    return { entry, extracted: (await batch.results!)[place!] };
  };
  try {
    for (const entry of first) submit(entry);
    for (let entry = await rest.next(); !entry.done; entry = await rest.next()) {
      submit(entry.value);
      while (queue.length >= workers * IN_FLIGHT_PER_WORKER) yield await next();
    }
    while (queue.length) yield await next();
  } finally {
    await rest.return?.();
    await pool.destroy();
  }
}
