// The benchmark holds each figure to its target and says why one was missed. These are the
// verdicts and causes on figures given here; bench-smoke.test.ts runs the real thing.
import { describe, expect, it } from "vitest";
import { foldProfile, ingestCause, PaceRecorder, type CpuProfile } from "../../scripts/bench/ingest-profile.js";
import { TARGETS, verdicts, type BenchResult } from "../../scripts/bench/targets.js";

const query = (name: string, p50Ms: number, p99Ms: number): BenchResult["queries"][number] => ({ name, p50Ms, p99Ms });

describe("the benchmark's verdicts", () => {
  it("holds the ingest to its store's rate, every query to p50 and p99, and the server to its memory", () => {
    const result: BenchResult = {
      store: "postgresql",
      ingest: { articlesPerSecond: 310, writers: 2, cause: "unused" },
      queries: [query("fast", 2, 9), query("slow at the median", 11, 20), query("slow at the tail", 3, 51)],
      serverRssMb: 401,
      httpFloorP50Ms: 1.5,
    };
    expect(verdicts(result).map((v) => [v.target, v.met])).toEqual([
      [`ingest ≥ ${TARGETS.ingestPerSecond.postgresql} articles/s`, true],
      ["fast: p50 ≤ 10 ms, p99 ≤ 50 ms", true],
      ["slow at the median: p50 ≤ 10 ms, p99 ≤ 50 ms", false],
      ["slow at the tail: p50 ≤ 10 ms, p99 ≤ 50 ms", false],
      ["server RSS ≤ 400 MB", false],
    ]);
    // The same rate misses on SQLite, whose target is higher.
    expect(verdicts({ ...result, store: "sqlite" })[0]).toMatchObject({ met: false, cause: ["unused"] });
  });

  it("explains a slow query by how much of a request its statements took, and their plans", () => {
    const [, slow] = verdicts({
      store: "sqlite",
      ingest: null,
      queries: [
        query("fast", 1, 2),
        { ...query("slow", 30, 40), explained: { requestMs: 30, statements: 2, statementsMs: 27, slowest: [{ sql: "SELECT 1\n FROM t", ms: 25, rows: 3, plan: ["SCAN t"] }] } },
      ],
      serverRssMb: 100,
      httpFloorP50Ms: 1.5,
    });
    expect(slow.cause).toEqual(["one request took 30 ms (an empty one 1.5 ms on this run); its 2 statements 27 ms of it (90%), so most of it is the database's", "25 ms, 3 rows: SELECT 1 FROM t", "    SCAN t"]);
  });
});

describe("where an ingest's time went", () => {
  // As V8 samples it: native work (a statement, a COMMIT, a file read) is a frame without a
  // script under the JavaScript that called it. Samples 10 ms apart.
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url }, children });
  const profile: CpuProfile = {
    nodes: [
      frame(1, "(root)", "", [2, 5, 7, 9]),
      frame(2, "run", "file:///x/src/store/sqlite/sqlite-writer.ts", [3]),
      frame(3, "run", ""),
      frame(5, "exec", "file:///x/src/store/sqlite/sqlite-writer.ts", [6]),
      frame(6, "exec", ""),
      frame(7, "(idle)", ""),
      frame(9, "readEntry", "file:///x/src/corpus/read-corpus.ts", [10]),
      frame(10, "lstat", "node:internal/fs/promises", [11]),
      frame(11, "lstat", ""),
    ],
    samples: [3, 3, 2, 6, 7, 11, 3],
    timeDeltas: [0, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
    startTime: 0,
    endTime: 70_000,
  };

  it("folds the writer's profile by what each sample's native work was for: statements, commits, reading files, idle", () => {
    expect(foldProfile(profile)).toEqual({
      seconds: 0.07,
      parts: [
        { what: "SQLite statements", seconds: 0.03 },
        { what: "SQLite commits and checkpoints", seconds: 0.01 },
        { what: "idle (waiting for extraction, the database server or the disk)", seconds: 0.01 },
        { what: "reading files, handing them to extraction", seconds: 0.01 },
      ],
    });
  });

  it("names what bound the ingest: the cores, other processes, the writer's thread, extraction, or waiting", () => {
    const cause = (mainSeconds: number, otherSeconds: number, machineSeconds?: number) => ingestCause({ seconds: 10, cores: 2, workers: 2, cpu: { mainSeconds, otherSeconds, machineSeconds }, profile: null });
    expect(cause(9, 9)).toMatch(/^CPU-bound: every core busy\. In 10 s on 2 cores the ingest's process used 18 s of CPU: the writer's thread 9 s, extraction and the other threads 9 s$/);
    expect(cause(9, 9, 18.5)).toMatch(/^CPU-bound: every core busy\..*; the machine's cores were 93% busy$/);
    expect(cause(6, 6, 19)).toMatch(/^CPU-bound, and other processes took 7 s of the cores' time\. In 10 s on 2 cores the ingest's process used 12 s of CPU/);
    // PostgreSQL's backends on this machine do the ingest's SQL: their time is the ingest's, not the others'.
    const onPostgres = ingestCause({ seconds: 10, cores: 2, workers: 2, cpu: { mainSeconds: 5, otherSeconds: 5, machineSeconds: 19, postgresSeconds: 8 }, profile: null });
    expect(onPostgres).toMatch(/^CPU-bound: every core busy\..*extraction and the other threads 5 s; PostgreSQL's processes on this machine 8 s; the machine's cores were 95% busy$/);
    expect(cause(9, 2)).toMatch(/^bound by the writer's thread\./);
    expect(cause(3, 1)).toMatch(/^not CPU-bound: waiting/);
    expect(cause(8, 8.5)).toMatch(/^mostly CPU-bound: the ingest kept the cores 83% busy\. In 10 s/);
    expect(ingestCause({ seconds: 10, cores: 2, workers: 1, cpu: { mainSeconds: 2, otherSeconds: 9 }, profile: null })).toMatch(/^bound by extraction \(1 thread\)/);
    expect(ingestCause({ seconds: 10, cores: 2, workers: 1, cpu: null, profile: foldProfile(profile) })).toBe(
      "the writer's thread, by its profile (0.1 s): SQLite statements 0.03 s, SQLite commits and checkpoints 0.01 s, idle (waiting for extraction, the database server or the disk) 0.01 s, reading files, handing them to extraction 0.01 s",
    );
  });

  it("tells a slow start from the pace after it, by when the files were committed", () => {
    let ms = 0;
    const pace = new PaceRecorder(() => ms);
    // 100 files: the first 40 committed together at 4 s, then 20 at a time each second.
    const commit = (files: number, at: number) => {
      ms = at * 1000;
      for (let i = 0; i < files; i++) pace.committed();
    };
    commit(40, 4);
    commit(20, 5);
    commit(20, 6);
    commit(20, 7);
    expect(pace.pace()).toEqual({ startFiles: 40, startSeconds: 4, afterPerSecond: 20 });
    expect(ingestCause({ seconds: 7, cores: 2, workers: 1, cpu: null, profile: null, pace: pace.pace() })).toMatch(/^the start: the first 40 files took 4 s \(.*\), the rest went in at 20\/s$/);
    // One commit, or all within a second: no pace to tell.
    const once = new PaceRecorder(() => 0);
    for (let i = 0; i < 10; i++) once.committed();
    expect(once.pace()).toBeNull();
  });
});
