// npm run train:attribution [-- CORPUS_DIR]   (default ../shared/corpus/polnear/train)
// Learns the weights of the speaker ranker (src/extract/speaker-ranking.ts) from an
// annotated corpus: every article is extracted, each gold quote is paired with the
// extracted one, and the candidate whose name is the gold speaker is the right answer
// ("nobody" when the gold speaker is null). A conditional log-linear model (softmax
// over a quote's candidates, L2-regularised) is fitted by full-batch AdaGrad from zero
// weights: no randomness, so the same corpus always gives the same weights file.
// Quotes whose gold speaker is no candidate teach nothing and are counted apart.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readCorpus } from "../src/corpus/read-corpus.js";
import type { Features } from "../src/extract/attribution-features.js";
import { fullNamesBySurname, knownPeople } from "../src/extract/batch-full-names.js";
import { speakerInBatch } from "../src/link/cross-article-links.js";
import { extractArticle } from "../src/extract/pipeline.js";
import type { ArticleDraft, RawArticle } from "../src/extract/types.js";
import type { PeopleInText } from "../src/extract/people.js";
import type { SpeakerCandidate } from "../src/extract/speaker-candidates.js";
import type { QuoteSpan } from "../src/extract/quote-spans.js";
import { bestCandidate, withPreviousSpeaker, type Weights } from "../src/extract/speaker-ranking.js";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: "string" }, epochs: { type: "string" } } });
const corpus = positionals[0] ?? join(process.cwd(), "..", "shared", "corpus", "polnear", "train");
const out = values.out ?? join(process.cwd(), "src", "extract", "speaker-weights.json");
const EPOCHS = Number(values.epochs ?? 400);
const L2 = 0.5; // on the summed log-likelihood of ~5,000 quotes: light
const RATE = 0.2;

// Gold matching as ../shared/eval/score.mjs does it: folded quote text, token F1 ≥ 0.9, names by key and alias.
const fold = (s: string) =>
  s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019\u201a\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-").replace(/\u2026/g, "...").replace(/\s+/g, " ").trim().toLowerCase();
const quoteText = (s: string) => fold(s).replace(/^["'\s]+|["'\s]+$/g, "").replace(/^[,.;:!?\s]+|[,;:\s]+$/g, "").replace(/(?<!\.\.)\.$/, "");
const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sir|president|prime minister|minister|senator|sen|rep|gen|col|lt|capt)\.?\s+/;
const personKey = (s: string) => {
  let k = fold(s).replace(/[.,]/g, " ").replace(/\s+/g, " ").trim();
  while (HONORIFIC.test(k)) k = k.replace(HONORIFIC, "");
  return k.replace(/'s$/, "");
};
const words = (s: string) => quoteText(s).split(/[^a-z0-9']+/).filter(Boolean);
function tokenF1(a: string, b: string): number {
  const ta = words(a), tb = words(b);
  if (!ta.length || !tb.length) return 0;
  const count = new Map<string, number>();
  for (const t of ta) count.set(t, (count.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) if ((count.get(t) ?? 0) > 0) { common++; count.set(t, count.get(t)! - 1); }
  if (!common) return 0;
  const p = common / tb.length, r = common / ta.length;
  return (2 * p * r) / (p + r);
}

interface GoldArticle {
  file: string;
  quotes: { text: string; speaker: string | null }[];
  optionalQuotes?: { text: string; note?: string }[];
  people?: { name: string; aliases?: string[] }[];
}
// Optional quotes that nobody named said: an attribution with no
// source, or an unnamed source ("a spokeswoman"). The right answer for them is "nobody";
// without them the ranker would never see a quote that names no speaker.
const NOBODY_NOTE = /^(?:PolNeAR attribution without a Source|unnamed source)/;
const gold = new Map((JSON.parse(readFileSync(join(corpus, "gold.json"), "utf8")).articles as GoldArticle[]).map((a) => [a.file, a]));

interface Example { candidates: Features[]; answer: number }
/** One article as training sees it: each quote's own candidates, and how to tell its right answer. */
interface Article {
  found: SpeakerCandidate[][];
  spans: QuoteSpan[];
  /** Per quote: the index of the right candidate in a list, -1 when none is, undefined when the quote teaches nothing. */
  answer: ((list: readonly SpeakerCandidate[]) => number)[];
  /** For TRAIN_ATTRIBUTION_DEBUG: the file, the gold speaker per quote and the candidates' names. */
  file: string;
  goldSpeaker: (string | null)[];
  names: (list: readonly SpeakerCandidate[]) => (string | null)[];
}
const articles: Article[] = [];
const pairedGold = new Set<string>();
let paired = 0, nobodyExamples = 0;

// Surnames completed from the whole corpus, as npm run extract completes them from its batch.
const drafts: ArticleDraft[] = [];
let batchFullNames = new Map<string, string>();

/** A candidate's name as npm run extract prints it: completed from the batch, a one-word organisation read as a surname it knows. */
function nameOf(c: SpeakerCandidate, people: PeopleInText): string | null {
  if (!c.speaker) return null;
  const speaker = c.speaker.kind === "person" ? people.people[c.speaker.person].name : c.speaker.name;
  return speakerInBatch({ speaker, speakerKind: c.speaker.kind }, batchFullNames).speaker;
}

// Read as npm run extract reads: once, then again with what the batch knows of shared surnames.
const raws: { raw: RawArticle; article: GoldArticle }[] = [];
for await (const entry of readCorpus([corpus], {})) {
  const article = entry.raw && gold.get(entry.file.split("/").pop()!);
  if (!entry.raw || !article) continue;
  raws.push({ raw: entry.raw, article });
  const first = extractArticle(entry.raw);
  if (first.ok) drafts.push(first.draft);
}
const knownBySurname = knownPeople(fullNamesBySurname(drafts));
drafts.length = 0;
for (const { raw, article } of raws) {
  type Seen = { found: SpeakerCandidate[][]; spans: QuoteSpan[]; people: PeopleInText };
  let seen: Seen | null = null;
  const result = extractArticle(raw, { knownBySurname, observeAttribution: (found, spans, people) => (seen = { found, spans, people }) });
  if (!result.ok || !seen) continue;
  const { found, spans, people } = seen as Seen;
  drafts.push(result.draft);
  const alias = new Map<string, string>();
  for (const p of article.people ?? []) for (const n of [p.name, ...(p.aliases ?? [])]) alias.set(personKey(n), p.name);
  const isGold = (name: string | null, speaker: string | null) =>
    speaker === null ? name === null : name !== null && personKey(alias.get(personKey(name)) ?? name) === personKey(speaker);
  const used = new Set<number>();
  const answer: Article["answer"] = [];
  const goldSpeaker: (string | null)[] = [];
  for (const same of [(g: string, p: string) => quoteText(g) === quoteText(p), (g: string, p: string) => tokenF1(g, p) >= 0.9]) {
    article.quotes.forEach((g, gi) => {
      const pi = result.draft.quotes.findIndex((q, j) => !used.has(j) && same(g.text, q.text));
      if (pi < 0 || pairedGold.has(`${article.file}#${gi}`)) return;
      pairedGold.add(`${article.file}#${gi}`);
      used.add(pi);
      paired++;
      answer[pi] = (list) => list.findIndex((c) => isGold(nameOf(c, people), g.speaker));
      goldSpeaker[pi] = g.speaker;
    });
  }
  for (const o of article.optionalQuotes ?? []) {
    if (!NOBODY_NOTE.test(o.note ?? "")) continue;
    const pi = result.draft.quotes.findIndex((q, j) => !used.has(j) && (quoteText(o.text) === quoteText(q.text) || tokenF1(o.text, q.text) >= 0.9));
    if (pi < 0) continue;
    used.add(pi);
    nobodyExamples++;
    answer[pi] = () => 0; // "nobody" is always the first candidate
  }
  articles.push({ found, spans, answer, file: article.file, goldSpeaker, names: (list) => list.map((c) => nameOf(c, people)) });
}

batchFullNames = fullNamesBySurname(drafts);

/**
 * Every quote's full candidate list, with the quote before it's speaker as the ranker
 * will see it: the right one (`weights` null), or the one these weights choose, so
 * that a model trained on them learns how far to trust its own previous choice.
 */
function examplesWith(weights: Weights | null): { examples: Example[]; unreachable: number } {
  const examples: Example[] = [];
  let unreachable = 0;
  for (const { found, spans, answer, file, goldSpeaker, names } of articles) {
    let previous: SpeakerCandidate["speaker"] = null;
    found.forEach((list, pi) => {
      const full = withPreviousSpeaker(list, previous, spans[pi], spans[pi - 1]);
      const right = answer[pi]?.(full);
      if (right !== undefined && right < 0) {
        unreachable++;
        if (process.env.TRAIN_ATTRIBUTION_DEBUG && weights === null) console.log(JSON.stringify({ file, gold: goldSpeaker[pi], candidates: names(full) }));
      }
      if (right !== undefined && right >= 0) examples.push({ candidates: full.map((c) => c.features), answer: right });
      const next = weights ? full[bestCandidate(full, weights)] : right !== undefined && right >= 0 ? full[right] : undefined;
      previous = next?.speaker ?? null;
    });
  }
  return { examples, unreachable };
}

/** Fits a conditional log-linear model to the examples; weights rounded to four places. */
function fit(examples: Example[]): Record<string, number> {
  // Feature names in sorted order, so that the arithmetic runs in the same order every time.
  const names = [...new Set(examples.flatMap((e) => e.candidates.flatMap((f) => Object.keys(f))))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const dense = examples.map((e) => ({ answer: e.answer, rows: e.candidates.map((f) => Object.entries(f).map(([k, v]) => [index.get(k)!, v] as const)) }));
  const w = new Float64Array(names.length);
  const squares = new Float64Array(names.length).fill(1e-8);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const grad = new Float64Array(names.length);
    for (let i = 0; i < w.length; i++) grad[i] = L2 * w[i];
    let loss = 0;
    for (const e of dense) {
      const scores = e.rows.map((row) => row.reduce((s, [k, v]) => s + w[k] * v, 0));
      const top = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const total = exps.reduce((a, b) => a + b, 0);
      loss -= Math.log(exps[e.answer] / total);
      e.rows.forEach((row, c) => {
        const p = exps[c] / total - (c === e.answer ? 1 : 0);
        for (const [k, v] of row) grad[k] += p * v;
      });
    }
    for (let i = 0; i < w.length; i++) {
      squares[i] += grad[i] * grad[i];
      w[i] -= (RATE * grad[i]) / Math.sqrt(squares[i]);
    }
    if (epoch === EPOCHS - 1) console.error(`  loss after ${EPOCHS} epochs: ${(loss / dense.length).toFixed(4)}`);
  }
  const weights: Record<string, number> = {};
  names.forEach((n, i) => (weights[n] = Math.round(w[i] * 1e4) / 1e4));
  return weights;
}

// Round one learns with the right previous speaker; round two with the one round one
// chooses, as the ranker will have at extraction time.
let weights: Record<string, number> | null = null;
let last = { examples: [] as Example[], unreachable: 0 };
for (const round of [1, 2]) {
  last = examplesWith(weights);
  console.error(`round ${round}: ${last.examples.length} examples`);
  weights = fit(last.examples);
}
const right = last.examples.filter((e) => bestCandidate(e.candidates.map((features) => ({ speaker: null, features })), weights!) === e.answer).length;
writeFileSync(out, `${JSON.stringify(weights, null, 1)}\n`);
console.error(`${paired} quotes paired with gold, ${last.unreachable} whose speaker is no candidate, ${nobodyExamples} optional quotes that nobody named said; ${last.examples.length} learned from`);
console.error(`training accuracy on learnable quotes: ${(right / last.examples.length).toFixed(3)}; ${Object.keys(weights!).length} weights written to ${out}`);
