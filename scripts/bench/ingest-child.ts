// Run by bench.ts in a process of its own, so its peak RSS is the ingest's alone:
// ingests the folder argv[2] into the archive at DATABASE_URL with argv[3] writers (and
// argv[4] extraction threads when given) and prints one JSON line.
import { defaultExtractionWorkers } from "../../src/archive/extraction-pool.js";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { migrateStore, openStore } from "../../src/store/open-store.js";

const [dir, writers, workers] = process.argv.slice(2);
const url = process.env.DATABASE_URL!;
await migrateStore(url);
const store = await openStore(url);
const started = performance.now();
const totals = await ingestFiles(store, [dir], { writers: Number(writers), workers: workers != null ? Number(workers) : defaultExtractionWorkers() });
const seconds = (performance.now() - started) / 1000;
await store.close();
// maxRSS is in kilobytes and covers every thread of the process (extraction workers too).
process.stdout.write(JSON.stringify({ ...totals, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
