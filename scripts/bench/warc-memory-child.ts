// Run by scripts/bench-warc-memory.ts in a process of its own: ingests the WARC argv[2] into
// the archive at DATABASE_URL while sampling this process's RSS, and prints the RSS every
// thousand records, then pages/s and the peak.
import { defaultExtractionWorkers } from "../../src/archive/extraction-pool.js";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { migrateStore, openStore } from "../../src/store/open-store.js";

const [warc, workersArgument] = process.argv.slice(2);
const workers = workersArgument ? Number(workersArgument) : defaultExtractionWorkers();
const url = process.env.DATABASE_URL!;
await migrateStore(url);
const store = await openStore(url);

const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
const sampler = setInterval(sample, 100);
let stored = 0;
const started = performance.now();
const atThousands: number[] = [];
const totals = await ingestFiles(store, [warc], {
  workers,
  onFile: (o) => void (o.status === "stored" && stored++),
  onProgress: ({ records }) => {
    sample();
    atThousands.push(mb(process.memoryUsage.rss()));
    if (records % 5000 === 0) console.log(`${records} records read, ${stored} pages stored, ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${atThousands.at(-1)} MB`);
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
sample();
await store.close();
// maxRSS (kilobytes) also catches a peak between two samples.
const peakMb = Math.max(mb(peak), Math.round(process.resourceUsage().maxRSS / 1024));
const tenth = atThousands.slice(0, Math.max(1, Math.floor(atThousands.length / 10)));
const lastTenth = atThousands.slice(-Math.max(1, Math.floor(atThousands.length / 10)));
const median = (xs: number[]) => (xs.length ? String([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]) : "(under 1,000 records: not sampled)");
console.log(
  `ingested ${stored} pages (${totals.failed} failed, ${totals.skipped} skip lines) with ${workers} extraction workers in ${seconds.toFixed(0)} s: ${(stored / seconds).toFixed(1)} pages/s; ` +
    `RSS median over the first tenth of the records ${median(tenth)} MB, over the last tenth ${median(lastTenth)} MB, peak ${peakMb} MB`,
);
