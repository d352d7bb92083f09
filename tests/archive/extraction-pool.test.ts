import { describe, expect, it } from "vitest";
import { defaultExtractionWorkers, extractEntries } from "../../src/archive/extraction-pool.js";
import { availableParallelism } from "node:os";
import { readCorpus, type CorpusEntry } from "../../src/corpus/read-corpus.js";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The nice value of a thread of this process, from /proc (Linux); null once it is gone. */
function threadNiceness(tid: number): number | null {
  try {
    // After the command name, which is in parentheses and may hold spaces, nice is the 17th field.
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  } catch {
    return null;
  }
}

async function* withBadOnes(paths: string[]): AsyncGenerator<CorpusEntry> {
  let i = 0;
  for await (const entry of readCorpus(paths)) {
    yield entry;
    // Empty and binary files between the good ones, and an entry that could not be read.
    if (i++ % 5 === 0) yield { file: `empty-${i}.txt`, raw: { file: `empty-${i}.txt`, bytes: new Uint8Array() } };
    if (i % 7 === 0) yield { file: `binary-${i}.txt`, raw: { file: `binary-${i}.txt`, bytes: new Uint8Array([0, 1, 2, 0]) } };
    if (i % 9 === 0) yield { file: `gone-${i}.txt`, error: { code: "UNREADABLE", message: "is gone" } };
  }
}

async function extractAll(workers: number) {
  const out: { file: string; result: unknown }[] = [];
  for await (const { entry, extracted } of extractEntries(withBadOnes(["tests/fixtures/extraction", "data/sample"]), workers, {}))
    out.push({ file: entry.file, result: extracted ?? entry.error ?? entry.skipped });
  return out;
}

describe("extraction on worker threads", () => {
  it("gives every file's result, in the order read, the same as extracting on this thread", { timeout: 60_000 }, async () => {
    const here = await extractAll(0);
    const pooled = await extractAll(2);
    expect(here.length).toBeGreaterThan(40);
    expect(pooled.map((r) => r.file)).toEqual(here.map((r) => r.file));
    expect(pooled).toEqual(here);
    expect(pooled.filter((r) => (r.result as { ok?: boolean } | undefined)?.ok === false).length).toBeGreaterThan(5);
  });
});

describe("extraction on worker threads, around unreadable files", () => {
  it("gives a file its result when many unreadable files follow it before its batch fills", { timeout: 60_000 }, async () => {
    // Nine files: a full batch of eight for the one thread, then one alone in the next.
    async function* nineThenGone(): AsyncGenerator<CorpusEntry> {
      const bytes = new TextEncoder().encode(`Harbour channel reopens\n\nOla Nordmann, the harbour master, said that "the channel is open," adding that work would go on.\n`);
      for (let i = 0; i < 9; i++) yield { file: `file-${i}.txt`, raw: { file: `file-${i}.txt`, bytes: bytes.slice() } };
      for (let i = 0; i < 100; i++) yield { file: `gone-${i}.txt`, error: { code: "UNREADABLE", message: "is gone" } };
    }
    const out: { file: string; ok?: boolean }[] = [];
    for await (const { entry, extracted } of extractEntries(nineThenGone(), 1, {})) out.push({ file: entry.file, ok: extracted?.ok });
    expect(out).toHaveLength(109);
    expect(out.slice(0, 9).every((r) => r.ok === true)).toBe(true);
    expect(out.slice(9).every((r) => r.ok === undefined)).toBe(true);
  });
});

describe("how many extraction threads an ingest starts unless told", () => {
  it("leaves a core to the main thread, which stores every article, and starts at most four", () => {
    expect(defaultExtractionWorkers()).toBe(Math.min(4, availableParallelism() - 1));
  });
});

describe("extraction threads' priority", () => {
  // Linux gives each thread its own nice value; elsewhere there is nothing to read.
  const linux = process.platform === "linux";
  const threads = () => new Map(readdirSync("/proc/self/task").map((tid) => [Number(tid), threadNiceness(Number(tid))]));
  // Extraction's threads are the ones at the lowest priority; V8's helpers keep the process's.
  async function* some(count: number): AsyncGenerator<CorpusEntry> {
    let i = 0;
    for await (const entry of readCorpus(["data/sample"])) if (i++ < count) yield entry;
  }
  const extractionThreadsSeen = async (entries: AsyncIterable<CorpusEntry>, workers: number) => {
    const before = threads();
    const started = new Set<number>();
    for await (const _ of extractEntries(entries, workers, {})) for (const [tid, nice] of threads()) if (!before.has(tid) && nice === 19) started.add(tid);
    return started.size;
  };

  it.skipIf(!linux)("starts no thread for a handful of files, which it extracts on this thread sooner than threads could start", { timeout: 60_000 }, async () => {
    // A batch is eight files: no thread for eight with one thread (the ninth is below).
    expect(await extractionThreadsSeen(some(8), 1)).toBe(0);
  });

  it.skipIf(!linux)("is the lowest, and the thread that stores the articles keeps its own", { timeout: 60_000 }, async () => {
    const before = threads();
    const self = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    const seen: Map<number, number | null>[] = [];
    // Nine files with one thread: one batch more than the thread's first, so it starts.
    for await (const _ of extractEntries(some(9), 1, {})) seen.push(threads());
    const started = new Map<number, number | null>();
    for (const snapshot of seen) for (const [tid, nice] of snapshot) if (!before.has(tid)) started.set(tid, nice);
    // Piscina's thread is at 19 (V8's helpers and the module loader's thread, if any started meanwhile, are not).
    expect([...started.values()].filter((nice) => nice === 19).length).toBeGreaterThanOrEqual(1);
    expect(threadNiceness(self)).toBe(before.get(self));
    expect(threadNiceness(self)).not.toBe(19);
  });
});
