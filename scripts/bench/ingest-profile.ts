// Where an ingest's time went, so that a run that misses its rate names the cause: the main
// thread's CPU profile (V8's sampling profiler, through node:inspector) folded into what the
// writer does, and the CPU of every thread of the process from Linux's /proc (the extraction
// threads are not in the main thread's profile).
import { readdirSync, readFileSync } from "node:fs";

/** Seconds of the main thread's wall time, by what it was doing. */
export interface MainThreadProfile {
  seconds: number;
  /** Largest first. */
  parts: { what: string; seconds: number }[];
}

export interface ThreadCpu {
  /** User + system CPU of the main thread (where the writer runs). */
  mainSeconds: number;
  /** Of every other thread: extraction, garbage collection helpers, libuv's pool. */
  otherSeconds: number;
  /** Of the whole machine, every process (the database server's too): a busy machine slows the ingest. */
  machineSeconds?: number;
  /** Of PostgreSQL's processes on this machine (its backends do an ingest's SQL), the exited ones too. */
  postgresSeconds?: number;
}

/**
 * How the ingest's pace changed: an ingest starts slowly (each extraction thread loads the
 * language model and has its code compiled as it runs, the writer's code too), so a short one
 * spends a good part of its time at the start. Files are counted as they are committed.
 */
export interface IngestPace {
  /** The first quarter of the files (at least one commit), and the seconds until it was committed. */
  startFiles: number;
  startSeconds: number;
  /** Files a second over the rest of the ingest. */
  afterPerSecond: number;
}

/** Collects commit times (call `committed` as each file is reported) for the pace. */
export class PaceRecorder {
  private readonly started: number;
  private readonly commits: { seconds: number; files: number }[] = [];
  private files = 0;

  constructor(private readonly now = () => performance.now()) {
    this.started = now();
  }

  committed(): void {
    this.files++;
    const seconds = (this.now() - this.started) / 1000;
    const last = this.commits.at(-1);
    // Files reported together (one commit on SQLite) are one point.
    if (last && seconds - last.seconds < 0.05) last.files = this.files;
    else this.commits.push({ seconds, files: this.files });
  }

  pace(): IngestPace | null {
    const start = this.commits.find((c) => c.files >= this.files / 4);
    const end = this.commits.at(-1);
    if (!start || !end || end === start || end.seconds - start.seconds < 1) return null;
    return { startFiles: start.files, startSeconds: round(start.seconds, 1), afterPerSecond: Math.round((end.files - start.files) / (end.seconds - start.seconds)) };
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** V8's profile as the inspector's Profiler.stop gives it. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

// What a sample says the thread was doing, from its own frame and the first frame of ours (or
// of a library) above it: native work (better-sqlite3's statements, system calls, hashing) is a
// frame without a script, under the JavaScript that called it. The writer runs statements with
// run, get and all, and BEGIN, SAVEPOINT, RELEASE and COMMIT with exec (a COMMIT that fills the
// log past its limit also copies it back into the database: the checkpoint).
const OWNERS: [RegExp, string][] = [
  [/store\/sqlite\/sqlite-writer\.ts$/, "SQLite statements"],
  [/node_modules\/(pg|pg-protocol|pg-pool)\//, "PostgreSQL client (protocol, parsing rows)"],
  [/store\/postgres\//, "PostgreSQL client (protocol, parsing rows)"],
  [/src\/link\//, "linking (remark shapes, story features)"],
  [/src\/store\//, "store code (JavaScript)"],
  [/src\/extract\//, "src/extract code on the main thread"],
  [/src\/(archive|corpus)\//, "reading files, handing them to extraction"],
];
const SPECIAL: Record<string, string> = {
  "(idle)": "idle (waiting for extraction, the database server or the disk)",
  "(garbage collector)": "garbage collection",
  "(program)": "V8 and native work outside JavaScript",
};

function kindOf(node: ProfileNode, parentOf: Map<number, ProfileNode>): string {
  const special = SPECIAL[node.callFrame.functionName];
  if (special && !node.callFrame.url) return special;
  // The first frame with a script of ours or of a library: what the native work was done for.
  let owner: ProfileNode | undefined = node;
  while (owner && !/\/(src|node_modules)\//.test(owner.callFrame.url)) owner = parentOf.get(owner.id);
  if (!owner) return "Node internals";
  const { url, functionName } = owner.callFrame;
  const isSqlite = /store\/sqlite\/sqlite-writer\.ts$/.test(url) || /node_modules\/better-sqlite3\//.test(url);
  if (isSqlite && (node.callFrame.functionName === "exec" || functionName === "exec")) return "SQLite commits and checkpoints";
  for (const [pattern, what] of OWNERS) if (pattern.test(url)) return what;
  return "other JavaScript";
}

/** Folds a thread's profile into what it was doing. */
export function foldProfile(profile: CpuProfile): MainThreadProfile {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const kinds = new Map<number, string>();
  const seconds = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    let what = kinds.get(id);
    if (what === undefined) kinds.set(id, (what = kindOf(byId.get(id)!, parentOf)));
    // A sample's time is the gap to the next one.
    seconds.set(what, (seconds.get(what) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1e6);
  }
  return {
    seconds: (profile.endTime - profile.startTime) / 1e6,
    parts: [...seconds].map(([what, s]) => ({ what, seconds: round(s) })).sort((a, b) => b.seconds - a.seconds),
  };
}

// A /proc stat line's fields after the command name, which is in parentheses and may hold spaces.
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");
// utime and stime, the 12th and 13th of them; with `children`, also cutime and cstime: the
// time of children that exited and were waited for (PostgreSQL's backends, by the postmaster).
const ticks = (stat: string, children = false) => {
  const fields = statFields(stat).map(Number);
  return fields[11] + fields[12] + (children ? fields[13] + fields[14] : 0);
};

function postgresTicks(): number {
  let sum = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === "postgres") sum += ticks(stat, true);
    } catch {
      // gone between the listing and the read
    }
  }
  return sum;
}

/** CPU used so far by the main thread, by all others, by the machine and by PostgreSQL on it; null off Linux. */
export function threadCpu(): ThreadCpu | null {
  try {
    const all = ticks(readFileSync("/proc/self/stat", "utf8"));
    const main = ticks(readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8"));
    // The machine's: every core's time but idle and waiting on the disk (user nice system idle iowait irq softirq steal).
    const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // The kernel counts in clock ticks, 100 a second on Linux.
    return { mainSeconds: main / 100, otherSeconds: (all - main) / 100, machineSeconds: (user + nice + system + irq + softirq + steal) / 100, postgresSeconds: postgresTicks() / 100 };
  } catch {
    return null;
  }
}

/**
 * One line that says why an ingest went at the rate it did: whether the writer's thread or
 * the cores were the limit, and what took the writer's time.
 */
export function ingestCause(figures: { seconds: number; cores: number; workers: number; cpu: ThreadCpu | null; profile: MainThreadProfile | null; pace?: IngestPace | null }): string {
  const { seconds, cores, workers, cpu, profile, pace } = figures;
  const said: string[] = [];
  if (cpu) {
    const total = cpu.mainSeconds + cpu.otherSeconds;
    // The ingest's own work: this process, and PostgreSQL's backends answering it when on this machine.
    const server = cpu.postgresSeconds ?? 0;
    const busy = (total + server) / (seconds * cores);
    // Other processes on the same cores.
    const others = cpu.machineSeconds != null ? Math.max(0, cpu.machineSeconds - total - server) : 0;
    const machineBusy = (total + server + others) / (seconds * cores);
    const bound =
      machineBusy > 0.85 && others > 0.15 * seconds * cores
        ? `CPU-bound, and other processes took ${round(others, 1)} s of the cores' time`
        : busy > 0.85
        ? "CPU-bound: every core busy"
        : cpu.mainSeconds > 0.85 * seconds
          ? "bound by the writer's thread"
          : workers > 0 && cpu.otherSeconds > 0.85 * seconds * Math.min(workers, cores)
            ? `bound by extraction (${workers} thread${workers === 1 ? "" : "s"})`
            : busy > 0.75
              ? // Three threads (or more) on two cores: each waits for the others' share of them.
                `mostly CPU-bound: the ingest kept the cores ${Math.round(busy * 100)}% busy`
              : "not CPU-bound: waiting on the database server, the disk or locks";
    said.push(
      `${bound}. In ${round(seconds, 1)} s on ${cores} cores the ingest's process used ${round(total, 1)} s of CPU: ` +
        `the writer's thread ${round(cpu.mainSeconds, 1)} s, extraction and the other threads ${round(cpu.otherSeconds, 1)} s` +
        (server >= 0.05 ? `; PostgreSQL's processes on this machine ${round(server, 1)} s` : "") +
        (cpu.machineSeconds != null ? `; the machine's cores were ${Math.round(machineBusy * 100)}% busy` : ""),
    );
  }
  if (profile) {
    const parts = profile.parts.slice(0, 5).map((p) => `${p.what} ${p.seconds} s`);
    said.push(`the writer's thread, by its profile (${round(profile.seconds, 1)} s): ${parts.join(", ")}`);
  }
  if (pace) {
    said.push(
      `the start: the first ${pace.startFiles} files took ${pace.startSeconds} s (extraction threads load the language model and have their code compiled as they go, ` +
        `the writer's code too), the rest went in at ${pace.afterPerSecond}/s`,
    );
  }
  return said.join("; ") || "no profile could be taken on this system";
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
