// The store finds an article's story candidates through storyKeys, not by comparing it
// with every article of the week, so a pair isSameStory accepts must always share a key,
// or the store would split a story the batch linker joins.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "../../src/corpus/read-corpus.js";
import { writeCorpus } from "../../src/corpus-generator/write-corpus.js";
import { extractArticle } from "../../src/extract/pipeline.js";
import { isSameStory, storyFeatures, storyKeys, type StoryCandidate } from "../../src/link/stories.js";

interface Keyed {
  file: string;
  candidate: StoryCandidate;
  keys: Set<string>;
}

async function keyedArticles(paths: string[]): Promise<Keyed[]> {
  const out: Keyed[] = [];
  for await (const entry of readCorpus(paths)) {
    if (!entry.raw) continue;
    const result = extractArticle(entry.raw);
    if (!result.ok) continue;
    const d = result.draft;
    const features = storyFeatures({ id: d.contentHash, publishedOn: d.publishedOn, headline: d.headline, body: d.body, people: d.people, outlet: d.outlet });
    out.push({ file: entry.file, candidate: { publishedOn: d.publishedOn, features }, keys: new Set(storyKeys(features)) });
  }
  return out;
}

let generatedDir: string;
let articles: Keyed[];
beforeAll(async () => {
  generatedDir = mkdtempSync(join(tmpdir(), "story-keys-"));
  writeCorpus(generatedDir, 200, 3);
  articles = await keyedArticles([generatedDir, "tests/fixtures/extraction", "tests/fixtures/linking", "data/sample"]);
}, 60_000);
afterAll(() => rmSync(generatedDir, { recursive: true, force: true }));

describe("storyKeys", () => {
  it("are shared by every pair of articles isSameStory puts in one story", () => {
    let accepted = 0;
    let sharing = 0;
    const pairs = articles.length * (articles.length - 1) / 2;
    for (let i = 0; i < articles.length; i++)
      for (let j = i + 1; j < articles.length; j++) {
        const [a, b] = [articles[i], articles[j]];
        const shares = [...a.keys].some((k) => b.keys.has(k));
        if (shares) sharing++;
        // Dates aside: the keys must hold for any two articles the rule could meet.
        const day = "2025-01-01";
        if (!isSameStory({ ...a.candidate, publishedOn: day }, { ...b.candidate, publishedOn: day })) continue;
        accepted++;
        expect(shares, `${a.file} and ${b.file} are one story but share no key`).toBe(true);
      }
    expect(accepted).toBeGreaterThan(100);
    // …and they narrow the search: most pairs share none.
    expect(sharing / pairs).toBeLessThan(0.25);
    console.log(`${articles.length} articles: ${accepted} of ${pairs} pairs one story; ${sharing} pairs share a key`);
  });

  it("are empty only when an article names no main person and no place", () => {
    for (const a of articles)
      if (!a.keys.size) expect(a.candidate.features.places).toEqual([]);
  });
});
