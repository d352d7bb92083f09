// Generated corpora are kept under .bench/ by size and seed: generating is cheap, but a
// benchmark run should not pay for it twice, and the same N and seed are the same files.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeCorpus } from "../../src/corpus-generator/write-corpus.js";

export function cachedCorpus(benchDir: string, articles: number, seed: number): { dir: string; reused: boolean } {
  const dir = join(benchDir, `corpus-${articles}-seed${seed}`);
  const done = join(dir, "complete.json");
  if (existsSync(done)) return { dir, reused: true };
  // A folder without the marker is a generation cut short: start it again.
  rmSync(dir, { recursive: true, force: true });
  const corpus = writeCorpus(dir, articles, seed);
  writeFileSync(done, JSON.stringify(corpus));
  return { dir, reused: false };
}
