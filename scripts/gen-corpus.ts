// npm run gen:corpus -- --articles N --out DIR [--seed S]
// Writes N invented article files and a manifest.json to DIR, for benchmarks and load tests.
import { parseArgs } from "node:util";
import { writeCorpus } from "../src/corpus-generator/write-corpus.js";

const { values } = parseArgs({
  options: { articles: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
});
const articles = Number(values.articles);
const seed = values.seed != null ? Number(values.seed) : 1;
if (values.help || !values.out || !(Number.isInteger(articles) && articles > 0) || !Number.isInteger(seed)) {
  console.error("usage: npm run gen:corpus -- --articles N --out DIR [--seed S]\n  Writes N invented articles (and manifest.json) to DIR; the same seed gives the same files.");
  process.exit(values.help ? 0 : 2);
}
const started = performance.now();
const corpus = writeCorpus(values.out, articles, seed);
const seconds = (performance.now() - started) / 1000;
console.log(`${corpus.articles} articles (${corpus.stories} stories, ${(corpus.bytes / 1e6).toFixed(1)} MB) written to ${corpus.dir} in ${seconds.toFixed(1)} s`);
