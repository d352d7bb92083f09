// Statements: one remark by one speaker, however many quotes report it. Two quotes are
// one remark when the same person (see `mayBeSamePerson`: "Zelenskiy" meets "Zelensky",
// "Alexandr Lysenko" meets "Oleksandr Lysenko") is
// quoted within a few days of each other in wordings that match (a fragment of the
// other, or a paraphrase or re-translation; see remark-similarity.ts), or when a later
// article repeats a sentence-length wording verbatim. Groups are the connected
// components of that pairwise relation, so they do not depend on input order, and the
// store can link one article at a time and end where a batch run ends.
//
// Cost: candidates are only the quotes of speakers with one surname within
// STATEMENT_WINDOW_DAYS of each other (a sliding window over their quotes sorted by
// day), plus, for echoes, the quotes that share a run of words with them (a hash
// lookup). No pass compares all pairs.
import { DisjointSets } from "./connected-components.js";
import { dayNumber } from "../extract/day-number.js";
import { comparableName, mayBeSamePerson, type ComparableName } from "./same-person.js";
import { echoLookupKey, echoRunKeys, isVerbatimEcho, remarkShape, wordingsMatch, type RemarkShape } from "./remark-similarity.js";

/** A quote as the statement linker sees it. */
export interface RemarkQuote {
  id: string;
  speaker: string | null; // canonical person name, or null when no person said it
  text: string;
  publishedOn: string | null; // YYYY-MM-DD of the article that carries the quote
}

/** Reports of one remark appear within this many days of each other. */
export const STATEMENT_WINDOW_DAYS = 7;
/** A verbatim sentence-length re-quote is the same remark up to this many days later. */
export const STATEMENT_ECHO_WINDOW_DAYS = 366;

/** A quote prepared once for many comparisons (see prepareRemark). */
export interface PreparedQuote {
  id: string;
  speaker: ComparableName | null;
  day: number | null;
  shape: RemarkShape;
}

/** The quote's speaker, day and word shape, computed once; compare with isSamePreparedRemark. */
export function prepareRemark(quote: RemarkQuote): PreparedQuote {
  return prepare(quote);
}

function prepare(quote: RemarkQuote, speakerNames?: Map<string, ComparableName>): PreparedQuote {
  let speaker: ComparableName | null = null;
  if (quote.speaker) {
    speaker = speakerNames?.get(quote.speaker) ?? comparableName(quote.speaker);
    speakerNames?.set(quote.speaker, speaker);
    if (!speaker.key) speaker = null;
  }
  return { id: quote.id, speaker, day: dayNumber(quote.publishedOn), shape: remarkShape(quote.text) };
}

function sameRemark(a: PreparedQuote, b: PreparedQuote): boolean {
  // Quotes with no person behind them (a ministry, "a source") are never linked: the
  // same institution speaks through many people, and nothing says which.
  if (a.speaker === null || b.speaker === null || !mayBeSamePerson(a.speaker, b.speaker)) return false;
  const gap = a.day !== null && b.day !== null ? Math.abs(a.day - b.day) : null;
  if (gap !== null && gap <= STATEMENT_WINDOW_DAYS && wordingsMatch(a.shape, b.shape)) return true;
  // An undated quote cannot be placed in time; only a verbatim echo links it.
  return (gap === null || gap <= STATEMENT_ECHO_WINDOW_DAYS) && isVerbatimEcho(a.shape, b.shape);
}

/**
 * Whether two quotes report the same remark. False when either has no speaker, the
 * speakers differ, or the dates are too far apart for the wording to link them.
 */
export function isSameRemark(a: RemarkQuote, b: RemarkQuote): boolean {
  return sameRemark(prepare(a), prepare(b));
}

/** isSameRemark of two prepared quotes. */
export const isSamePreparedRemark = sameRemark;

/**
 * The quotes grouped into statements: every id appears in exactly one group (a quote
 * reporting a remark nobody else reported is a group of one). Groups are the connected
 * components of `isSameRemark`, ids sorted within each group and groups by first id.
 */
export function groupStatements(quotes: RemarkQuote[]): string[][] {
  const sets = new DisjointSets();
  const speakerNames = new Map<string, ComparableName>();
  const prepared = quotes.map((q) => prepare(q, speakerNames));
  for (const q of prepared) sets.add(q.id);
  const link = (a: PreparedQuote, b: PreparedQuote) => {
    if (a.id !== b.id && sets.find(a.id) !== sets.find(b.id) && sameRemark(a, b)) sets.union(a.id, b.id);
  };

  // Near in time: a sliding window over the dated quotes of each surname.
  const bySpeaker = new Map<string, PreparedQuote[]>();
  for (const q of prepared) {
    if (q.speaker === null || q.day === null) continue;
    for (const bucket of q.speaker.buckets) {
      const list = bySpeaker.get(bucket);
      if (list) list.push(q);
      else bySpeaker.set(bucket, [q]);
    }
  }
  for (const list of bySpeaker.values()) {
    list.sort((x, y) => x.day! - y.day!);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length && list[j].day! - list[i].day! <= STATEMENT_WINDOW_DAYS; j++) link(list[i], list[j]);
  }

  // Verbatim echoes at any distance: a quote meets every quote of the same speaker
  // that contains its first words.
  const byRun = new Map<string, PreparedQuote[]>();
  for (const q of prepared) {
    if (q.speaker === null) continue;
    for (const run of echoRunKeys(q.shape))
      for (const bucket of q.speaker.buckets) {
        const key = `${bucket}\u0000${run}`;
        const list = byRun.get(key);
        if (list) list.push(q);
        else byRun.set(key, [q]);
      }
  }
  for (const q of prepared) {
    const lookup = q.speaker === null ? null : echoLookupKey(q.shape);
    if (lookup === null) continue;
    for (const bucket of q.speaker!.buckets) for (const other of byRun.get(`${bucket}\u0000${lookup}`) ?? []) link(q, other);
  }

  return sets.groups();
}
