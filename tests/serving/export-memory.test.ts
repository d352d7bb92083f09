import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { insertBulkArticles } from "../support/bulk-articles.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

const ARTICLES = 3_000;
// Few long articles: 36 MB of export, inserted in seconds; an export held in memory would
// hold all of it, several times over as strings, far past the bounds below.
const BODY_LENGTH = 12_000;
const MB = 1024 * 1024;

// V8 lets garbage pile up to well over 100 MB before a full collection, which says nothing
// about what the export holds. Collecting every few MB read shows what is retained: a
// streaming export keeps RSS and the live heap flat; one built in memory grows with it.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const GC_EVERY = 4 * MB;

let archive: TestArchive;
let server: RunningServer;
beforeAll(async () => {
  archive = await createTestArchive();
  const started = performance.now();
  insertBulkArticles(archive.path, { articles: ARTICLES, bodyLength: BODY_LENGTH });
  console.log(`inserted ${ARTICLES} articles in ${Math.round(performance.now() - started)} ms`);
  server = await startServer(archive.store, 0);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await archive?.close();
});

interface Pulled {
  lines: number;
  bytes: number;
  /** RSS and live heap after a collection, every GC_EVERY bytes read. */
  samples: { bytes: number; rss: number; heap: number }[];
}

/** Reads an export as it arrives, keeping only counts, sampling this process's memory meanwhile. */
async function pullCounting(path: string, stopAfterBytes = Infinity): Promise<Pulled> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}${path}`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const pulled: Pulled = { lines: 0, bytes: 0, samples: [] };
  let nextSample = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pulled.bytes += value.byteLength;
      for (const byte of value) if (byte === 10) pulled.lines++;
      if (pulled.bytes >= nextSample) {
        collectGarbage();
        const { rss, heapUsed } = process.memoryUsage();
        pulled.samples.push({ bytes: pulled.bytes, rss, heap: heapUsed });
        nextSample += GC_EVERY;
      }
      if (pulled.bytes >= stopAfterBytes) {
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return pulled;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

describe("exporting 3,000 long articles", () => {
  it("streams them all in constant memory: RSS does not grow with the export", { timeout: 120_000 }, async () => {
    // Warm up: load the code paths and let the first pages' allocations settle.
    await pullCounting("/export/articles.ndjson?from=2025-01-01&to=2025-06-30");
    collectGarbage();
    const before = process.memoryUsage();
    const started = performance.now();
    const pulled = await pullCounting("/export/articles.ndjson");
    const seconds = (performance.now() - started) / 1000;
    collectGarbage();
    const after = process.memoryUsage();
    const peakRss = Math.max(...pulled.samples.map((s) => s.rss));
    const peakHeap = Math.max(...pulled.samples.map((s) => s.heap));
    const quarter = pulled.samples[Math.floor(pulled.samples.length / 4)];
    console.log(
      `export of ${ARTICLES} articles: ${mb(pulled.bytes)} in ${seconds.toFixed(1)} s. ` +
        `RSS before ${mb(before.rss)}, peak ${mb(peakRss)} (+${mb(peakRss - before.rss)}), at a quarter ${mb(quarter.rss)}, after ${mb(after.rss)}; ` +
        `live heap before ${mb(before.heapUsed)}, peak ${mb(peakHeap)}, after ${mb(after.heapUsed)}`,
    );
    // Every article, then the trailer.
    expect(pulled.lines).toBe(ARTICLES + 1);
    expect(pulled.bytes).toBeGreaterThan(35 * MB);
    // Generous bounds; an export held in memory would add its 36 MB (several times over as JS strings).
    expect(peakRss - before.rss).toBeLessThan(64 * MB);
    expect(peakRss - quarter.rss).toBeLessThan(32 * MB);
    expect(peakHeap - before.heapUsed).toBeLessThan(24 * MB);
  });

  it("stops reading the archive when the client goes away mid-export, and keeps serving", { timeout: 60_000 }, async () => {
    const partial = await pullCounting("/export/quotes.ndjson", MB / 2);
    expect(partial.lines).toBeGreaterThan(0);
    expect(partial.lines).toBeLessThan(ARTICLES * 2);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", articles: ARTICLES });
  });
});
