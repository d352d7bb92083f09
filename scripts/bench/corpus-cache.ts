// Generated corpora are kept under .bench/ by size, seed and dates: generating is cheap, but a
// benchmark run should not pay for it twice, and the same N and seed are the same files.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeCorpus, type CorpusDates } from "../../src/corpus-generator/write-corpus.js";

export function cachedCorpus(benchDir: string, articles: number, seed: number, dates?: CorpusDates): { dir: string; reused: boolean } {
  const dir = join(benchDir, `corpus-${articles}-seed${seed}${dates ? `-from${dates.from}-${dates.perDay}aday` : ""}`);
  const done = join(dir, "complete.json");
  if (existsSync(done)) return { dir, reused: true };
  // A folder without the marker is a generation cut short: start it again.
  rmSync(dir, { recursive: true, force: true });
  const corpus = writeCorpus(dir, articles, seed, dates);
  writeFileSync(done, JSON.stringify(corpus));
  return { dir, reused: false };
}
