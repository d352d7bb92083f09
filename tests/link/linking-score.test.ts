// How well the cross-article linkers do on the two hand-made gold sets, scored like
// shared/eval/score.mjs: statements as cross-article quote pairs, stories as article
// pairs. Input is the gold itself (gold quote texts and speakers, gold people), so these
// figures measure the linking alone, not extraction. Also: order independence and cost.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { foldDiacritics } from "../../src/extract/names.js";
import { groupStatements, type RemarkQuote } from "../../src/link/statements.js";
import { groupStories, type StoryArticle } from "../../src/link/stories.js";

interface GoldSet {
  articles: { file: string; headline: string | null; people: { name: string; aliases?: string[] }[]; quotes: { text: string; speaker: string | null }[] }[];
  statements: { file: string; quote: number }[][];
  stories: Record<string, string[]>;
}

interface EvaluationSet {
  gold: GoldSet;
  quotes: RemarkQuote[]; // id "file#index", as score.mjs names gold quotes
  articles: StoryArticle[]; // id = file
}

const FIXTURES = fileURLToPath(new URL("../fixtures/extraction/", import.meta.url));
const SEEDS = fileURLToPath(new URL("../../../shared/corpus/seeds/", import.meta.url));

function loadSet(dir: string): EvaluationSet {
  const gold = JSON.parse(readFileSync(`${dir}gold.json`, "utf8")) as GoldSet;
  const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, "utf8")) as { file: string; publishedOn: string | null }[];
  const publishedOn = new Map(manifest.map((m) => [m.file, m.publishedOn]));
  const quotes = gold.articles.flatMap((a) =>
    a.quotes.map((q, i) => ({ id: `${a.file}#${i}`, speaker: q.speaker, text: q.text, publishedOn: publishedOn.get(a.file) ?? null })),
  );
  const articles = gold.articles.map((a) => {
    const body = readFileSync(`${dir}${a.file}`, "utf8");
    return { id: a.file, publishedOn: publishedOn.get(a.file) ?? null, headline: a.headline, body, people: a.people.map((p) => ({ name: p.name, mentions: mentions(body, p) })) };
  });
  return { gold, quotes, articles };
}

// The extractor counts every naming of a person; the gold lists people without counts,
// so count the surnames of the canonical name and its aliases in the text.
function mentions(body: string, person: { name: string; aliases?: string[] }): number {
  const surnames = new Set([person.name, ...(person.aliases ?? [])].map((n) => foldDiacritics(n.trim().split(/\s+/).pop()!)));
  const pattern = new RegExp(`(?<![a-z])(?:${[...surnames].join("|")})(?![a-z])`, "g");
  return Math.max(1, foldDiacritics(body).match(pattern)?.length ?? 0);
}

interface PairScore { p: number; r: number; f1: number; tp: number; predicted: number; gold: number }

function prf(tp: number, predicted: number, gold: number): PairScore {
  const p = predicted ? tp / predicted : gold ? 0 : 1;
  const r = gold ? tp / gold : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, predicted, gold };
}

function groupIndex(groups: string[][]): Map<string, number> {
  const index = new Map<string, number>();
  groups.forEach((g, k) => g.forEach((id) => index.set(id, k)));
  return index;
}

/** Cross-article quote pairs, as score.mjs counts them. */
function scoreStatements(set: EvaluationSet, groups: string[][]): PairScore {
  const goldGroup = new Map<string, number>();
  set.gold.statements.forEach((g, k) => g.forEach((m) => goldGroup.set(`${m.file}#${m.quote}`, k)));
  const predicted = groupIndex(groups);
  const ids = set.quotes.map((q) => q.id);
  let tp = 0, nPred = 0, nGold = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i], ids[j]];
      if (a.split("#")[0] === b.split("#")[0]) continue;
      const g = goldGroup.has(a) && goldGroup.get(a) === goldGroup.get(b);
      const p = predicted.get(a) === predicted.get(b);
      if (g) nGold++;
      if (p) nPred++;
      if (g && p) tp++;
    }
  return prf(tp, nPred, nGold);
}

/** Article pairs, as score.mjs counts them. */
function scoreStories(set: EvaluationSet, groups: string[][]): PairScore {
  const storyOf = new Map<string, string>();
  for (const [story, files] of Object.entries(set.gold.stories)) for (const f of files) storyOf.set(f, story);
  const predicted = groupIndex(groups);
  const files = set.articles.map((a) => a.id);
  let tp = 0, nPred = 0, nGold = 0;
  for (let i = 0; i < files.length; i++)
    for (let j = i + 1; j < files.length; j++) {
      const g = storyOf.get(files[i]) === storyOf.get(files[j]);
      const p = predicted.get(files[i]) === predicted.get(files[j]);
      if (g) nGold++;
      if (p) nPred++;
      if (g && p) tp++;
    }
  return prf(tp, nPred, nGold);
}

const fmt = (s: PairScore) => `P ${s.p.toFixed(2)} R ${s.r.toFixed(2)} F1 ${s.f1.toFixed(2)} (${s.tp}/${s.gold} gold pairs, ${s.predicted} predicted)`;

/** A small deterministic generator (mulberry32), so shuffles and synthetic data repeat. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const next = random(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe("linking on the invented evaluation set (tests/fixtures/extraction)", () => {
  const set = loadSet(FIXTURES);

  it("links statements across outlets", () => {
    const score = scoreStatements(set, groupStatements(set.quotes));
    console.log(`fixtures statements (cross-article quote pairs): ${fmt(score)}`);
    expect(score.f1).toBeGreaterThanOrEqual(0.7);
  });

  it("groups articles into stories", () => {
    const score = scoreStories(set, groupStories(set.articles));
    console.log(`fixtures stories (article pairs): ${fmt(score)}`);
    expect(score.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("gives the same groups whatever order the quotes and articles come in", () => {
    const statements = groupStatements(set.quotes);
    const stories = groupStories(set.articles);
    for (const seed of [1, 2, 3]) {
      expect(groupStatements(shuffled(set.quotes, seed))).toEqual(statements);
      expect(groupStories(shuffled(set.articles, seed))).toEqual(stories);
    }
  });
});

describe.skipIf(!existsSync(`${SEEDS}gold.json`))("linking on the seed articles (../shared/corpus/seeds)", () => {
  const set = existsSync(`${SEEDS}gold.json`) ? loadSet(SEEDS) : null;

  it("links statements across outlets without a wrong link", () => {
    const score = scoreStatements(set!, groupStatements(set!.quotes));
    console.log(`seeds statements (cross-article quote pairs): ${fmt(score)}`);
    expect(score.p).toBe(1);
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("groups the articles into their stories exactly", () => {
    const score = scoreStories(set!, groupStories(set!.articles));
    console.log(`seeds stories (article pairs): ${fmt(score)}`);
    expect(score.f1).toBe(1);
  });
});
if (!existsSync(`${SEEDS}gold.json`)) console.log(`seed scores skipped: no gold.json in ${SEEDS} (the seed corpus lives outside the repository)`);

describe("linking at scale", () => {
  it("groups 20,000 quotes by 500 speakers over a year without comparing all pairs", { timeout: 120_000 }, () => {
    const next = random(42);
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `word${i.toString(36)}`);
    const pick = () => vocabulary[Math.floor(next() * next() * vocabulary.length)]; // skewed, like real words
    // Names of letters only: name keys drop digits, so "Speaker 12" and "Speaker 13" would be one person.
    const syllables = ["ba", "ko", "mi", "de", "lu", "ra", "sen", "tor", "vi", "ga"];
    const speakers = Array.from({ length: 500 }, (_, k) => {
      const [x, y, z] = [k % 10, Math.floor(k / 10) % 10, Math.floor(k / 100)];
      return `Amina ${syllables[x]}${syllables[y]}${syllables[z]}`;
    });
    const quotes: RemarkQuote[] = [];
    const dateOf = (day: number) => new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
    for (let i = 0; i < 20_000; i++) {
      const earlier = i > 0 && next() < 0.2 ? quotes[Math.floor(next() * i)] : null;
      if (earlier) {
        // Another outlet's report of an earlier remark: a fragment of it, a day or two later.
        const words = earlier.text.split(" ");
        const from = Math.floor(next() * Math.max(1, words.length - 3));
        const day = Math.round((Date.parse(earlier.publishedOn!) - Date.UTC(2025, 0, 0)) / 86_400_000) + Math.floor(next() * 3);
        quotes.push({ id: `q${i}`, speaker: earlier.speaker, text: words.slice(from, from + 3 + Math.floor(next() * 5)).join(" "), publishedOn: dateOf(day) });
        continue;
      }
      const words = Array.from({ length: 3 + Math.floor(next() * 25) }, pick);
      quotes.push({ id: `q${i}`, speaker: speakers[Math.floor(next() * speakers.length)], text: words.join(" "), publishedOn: dateOf(1 + Math.floor(next() * 365)) });
    }
    const started = performance.now();
    const groups = groupStatements(quotes);
    const ms = performance.now() - started;
    console.log(`scale: grouped ${quotes.length} quotes by 500 speakers over a year into ${groups.length} statements in ${ms.toFixed(0)} ms`);
    expect(groups.flat()).toHaveLength(quotes.length);
    expect(groups.length).toBeLessThan(quotes.length * 0.85); // the re-reported remarks were linked
  });
});
