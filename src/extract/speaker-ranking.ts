// Choosing each quotation's speaker among its candidates (speaker-candidates.ts): a
// log-linear model scores every candidate from its features, and the best one wins;
// "nobody" is a candidate too, so a quote that names no speaker gets null rather than
// the nearest name. The weights are learned, not written: scripts/train-attribution.ts
// fits them on PolNeAR's train/ articles and writes speaker-weights.json.
import type { Features } from "./attribution-features.js";
import type { QuoteSpan } from "./quote-spans.js";
import type { Speaker, SpeakerCandidate } from "./speaker-candidates.js";
import trained from "./speaker-weights.json" with { type: "json" };

export type Weights = Readonly<Record<string, number>>;

export const SPEAKER_WEIGHTS: Weights = trained as Weights;

/** A candidate's score: the sum of its features' values times their weights. */
export function scoreFeatures(features: Features, weights: Weights): number {
  let score = 0;
  for (const key in features) score += (weights[key] ?? 0) * features[key];
  return score;
}

/** The index of the best-scoring candidate (the first on a tie, "nobody" coming first). */
export function bestCandidate(candidates: readonly SpeakerCandidate[], weights: Weights = SPEAKER_WEIGHTS): number {
  let best = 0;
  let bestScore = -Infinity;
  candidates.forEach((c, i) => {
    const score = scoreFeatures(c.features, weights);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Whether two candidates' speakers are one: the same person, or organisations of the same name. */
export function sameSpeaker(a: Speaker | null, b: Speaker | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "person") return b.kind === "person" && a.person === b.person;
  return b.kind === "organisation" && a.name.toLowerCase() === b.name.toLowerCase();
}

/**
 * A quotation's candidates with what the quotation before it adds: its speaker often
 * goes on talking ("“…,” Ruiz said. / “…”"), more surely the closer the two are, and
 * always when the remark runs on from the paragraph before. That speaker joins the
 * candidates even when not named nearby.
 */
export function withPreviousSpeaker(candidates: readonly SpeakerCandidate[], previous: Speaker | null, quote: QuoteSpan, previousQuote: QuoteSpan | undefined): SpeakerCandidate[] {
  if (previous === null || previousQuote === undefined) return [...candidates];
  const gap = quote.paragraph - previousQuote.paragraph;
  const marks: Features = { [`previous@gap${Math.min(gap, 3)}`]: 1 };
  if (quote.continued) marks["previous&continued"] = 1;
  let found = false;
  const out = candidates.map((c) => {
    if (!sameSpeaker(c.speaker, previous)) return c;
    found = true;
    return { speaker: c.speaker, features: { ...c.features, ...marks } };
  });
  if (!found) out.push({ speaker: previous, features: { ...marks, previousNotNear: 1 } });
  return out;
}

/** The chosen speaker of every quotation, in order: a person, an organisation, or null. */
export function rankSpeakers(candidates: readonly SpeakerCandidate[][], quotes: readonly QuoteSpan[], weights: Weights = SPEAKER_WEIGHTS): (Speaker | null)[] {
  const chosen: (Speaker | null)[] = [];
  candidates.forEach((list, i) => {
    const full = withPreviousSpeaker(list, chosen[i - 1] ?? null, quotes[i], quotes[i - 1]);
    chosen.push(full.length ? full[bestCandidate(full, weights)].speaker : null);
  });
  // A remark that runs over paragraphs is one speaker's: a part left with nobody takes the
  // speaker of the part that continues it ("“… delays. / “Give us a berth,” said Okonjo.").
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i], next = quotes[i + 1];
    if (chosen[i] === null && q.continues && next.continued && next.paragraph === q.paragraph + 1) chosen[i] = chosen[i + 1];
  }
  return chosen;
}
