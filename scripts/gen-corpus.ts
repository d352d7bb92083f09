// npm run gen:corpus -- --articles N --out DIR [--seed S] [--from YYYY-MM-DD [--per-day N]]
// Writes N invented article files and a manifest.json to DIR, for benchmarks and load tests.
// --from: stories day after day from that day (an intake), not over ten years (a backfill).
import { parseArgs } from "node:util";
import { corpusDates, writeCorpus } from "../src/corpus-generator/write-corpus.js";

const { values } = parseArgs({
  options: { articles: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, from: { type: "string" }, "per-day": { type: "string" }, help: { type: "boolean", short: "h" } },
});
const articles = Number(values.articles);
const seed = values.seed != null ? Number(values.seed) : 1;
const dates = corpusDates(values.from, values["per-day"]);
if (values.help || !values.out || !(Number.isInteger(articles) && articles > 0) || !Number.isInteger(seed) || dates === false) {
  console.error(
    "usage: npm run gen:corpus -- --articles N --out DIR [--seed S] [--from YYYY-MM-DD [--per-day N]]\n" +
      "  Writes N invented articles (and manifest.json) to DIR; the same seed gives the same files.\n" +
      "  Stories fall on days drawn from ten years (2016-2025), or with --from one after another from that day, N a day (--per-day, 274 unless told).",
  );
  process.exit(values.help ? 0 : 2);
}
const started = performance.now();
const corpus = writeCorpus(values.out, articles, seed, dates);
const seconds = (performance.now() - started) / 1000;
console.log(`${corpus.articles} articles (${corpus.stories} stories, ${(corpus.bytes / 1e6).toFixed(1)} MB) written to ${corpus.dir} in ${seconds.toFixed(1)} s`);
