// Run by bench.ts in a process of its own, so its peak RSS is the ingest's alone:
// ingests the folder argv[2] into the archive at DATABASE_URL with argv[3] writers (and
// argv[4] extraction threads when given) and prints one JSON line, with the CPU its threads used
// and its main thread's profile (see ingest-profile.ts).
import { defaultExtractionWorkers } from "../../src/archive/extraction-pool.js";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { migrateStore, openStore } from "../../src/store/open-store.js";
import { Session } from "node:inspector/promises";
import { foldProfile, PaceRecorder, threadCpu, type CpuProfile } from "./ingest-profile.js";

const [dir, writers, workers] = process.argv.slice(2);
const url = process.env.DATABASE_URL!;
await migrateStore(url);
const store = await openStore(url);
// V8's sampling profiler every 10 ms rather than every 1 ms: a few thousand samples a minute
// say where the time goes, at a cost too small to move the rate.
const inspector = new Session();
inspector.connect();
await inspector.post("Profiler.enable");
await inspector.post("Profiler.setSamplingInterval", { interval: 10_000 });
await inspector.post("Profiler.start");
const started = performance.now();
const cpuBefore = threadCpu();
const extractionThreads = workers != null ? Number(workers) : defaultExtractionWorkers();
const pace = new PaceRecorder();
const totals = await ingestFiles(store, [dir], { writers: Number(writers), workers: extractionThreads, onFile: () => pace.committed() });
const seconds = (performance.now() - started) / 1000;
const cpuAfter = threadCpu();
const cpu = cpuBefore && cpuAfter && {
  mainSeconds: cpuAfter.mainSeconds - cpuBefore.mainSeconds,
  otherSeconds: cpuAfter.otherSeconds - cpuBefore.otherSeconds,
  machineSeconds: cpuAfter.machineSeconds! - cpuBefore.machineSeconds!,
  postgresSeconds: cpuAfter.postgresSeconds! - cpuBefore.postgresSeconds!,
};
const { profile } = (await inspector.post("Profiler.stop")) as { profile: CpuProfile };
inspector.disconnect();
await store.close();
// maxRSS is in kilobytes and covers every thread of the process (extraction workers too).
process.stdout.write(JSON.stringify({ ...totals, seconds, workers: extractionThreads, cpu, mainThread: foldProfile(profile), pace: pace.pace(), peakRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
