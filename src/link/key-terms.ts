// What an article talks about, as two short lists the story linker compares: its key
// terms (the content words it repeats, stemmed, the headline counting extra) and its
// named things other than people (capitalised words inside sentences: mostly places,
// also organisations and demonyms). Both are pure functions of the text, so an article's
// lists can be computed once, stored, and compared with any later article's.
import { datelineLength } from "../extract/masthead.js";
import { foldDiacritics, nameWordKey, stripPossessive } from "../extract/names.js";
import { foldedWords, isStopword, stemWord } from "./word-stems.js";

export interface WeightedTerm {
  term: string;
  weight: number; // share of the article's key-term weight, 0..1, two decimals
}

/** At most this many key terms per article. */
export const MAX_KEY_TERMS = 20;
/** At most this many named things per article. */
export const MAX_NAMED_THINGS = 12;
const HEADLINE_WEIGHT = 3;

// Words every news story uses whatever it is about; as key terms they would make any two
// articles look alike.
const NEWS_VOCABULARY = new Set(
  `year years day days week weeks month months today yesterday tomorrow time times
  people person official officials government governments president minister ministry country countries state states
  news report reports reported reporting according statement spokesperson spokesman spokeswoman source sources
  percent per cent million billion thousand hundred first second last next new former
  told asked added called including include includes part many much number
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december`.split(/\s+/).filter(Boolean),
);

/**
 * The article's key terms, strongest first: stems of content words by how often they
 * occur (a headline occurrence counts three times), the weights summing to about 1.
 */
export function keyTerms(headline: string | null, body: string, leaveOut: ReadonlySet<string> = new Set()): WeightedTerm[] {
  const counts = new Map<string, number>();
  const count = (text: string, weight: number) => {
    for (const word of foldedWords(text)) {
      if (word.length < 3 || /^\d+$/.test(word) || isStopword(word) || NEWS_VOCABULARY.has(word)) continue;
      const stem = stemWord(word);
      if (leaveOut.has(stem)) continue;
      counts.set(stem, (counts.get(stem) ?? 0) + weight);
    }
  };
  count(body, 1);
  if (headline) count(headline, HEADLINE_WEIGHT);
  const top = [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, MAX_KEY_TERMS);
  const total = top.reduce((sum, [, n]) => sum + n, 0) || 1;
  return top.map(([term, n]) => ({ term, weight: Math.round((n / total) * 100) / 100 }));
}

const CAPITALISED = /[\p{Lu}][\p{L}’']*[\p{L}]/gu;
// What may come just before a capitalised word that starts a sentence or a line: end
// punctuation, an opening quote or bracket, a bullet. A capital there says nothing.
const SENTENCE_START = /(?:^|[.!?:;•…"“‘(\[—–-]\s*|\n\s*)$/;
const TITLES = new Set(["president", "prime", "minister", "chancellor", "governor", "senator", "mayor", "secretary", "general", "chairman", "chairwoman", "chief", "king", "queen", "prince", "pope", "sir", "dame", "lord", "lady", "coach", "manager", "ceo"]);

// Capitalised, but names of days, not of things: "Dec. 13", "on Sept. 4", "Wed".
const CALENDAR_ABBREVIATIONS = new Set(
  `jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/).filter(Boolean),
);

/**
 * Capitalised words inside sentences that are not people's names (`personWordKeys`
 * holds the name-word keys of the article's people): "Chisinau", "Moldova", "Arctic",
 * "Kremlin". Most frequent first. Not the words of the outlet's own name (`outlet`) nor
 * of the dateline ("DOHA, Dec. 13 (The Harbour Ledger) -"): every article of an outlet,
 * or of a wire agency, carries those, so two of its articles on unrelated events would
 * share a "place".
 */
export function namedThings(body: string, personWordKeys: ReadonlySet<string>, outlet: string | null = null): string[] {
  const counts = new Map<string, number>();
  const outletWords = new Set(outlet ? foldedWords(outlet) : []);
  const text = body.slice(datelineLength(body));
  for (const m of text.matchAll(CAPITALISED)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (SENTENCE_START.test(before)) continue;
    const word = stripPossessive(m[0]);
    const folded = foldDiacritics(word).replace(/['’]/g, "");
    if (folded.length < 3 || isStopword(folded) || NEWS_VOCABULARY.has(folded) || TITLES.has(folded)) continue;
    if (CALENDAR_ABBREVIATIONS.has(folded.toLowerCase()) || outletWords.has(folded.toLowerCase())) continue;
    if (personWordKeys.has(nameWordKey(word))) continue;
    counts.set(folded, (counts.get(folded) ?? 0) + 1);
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, MAX_NAMED_THINGS)
    .map(([name]) => name);
}
