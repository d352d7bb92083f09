// Whether two quoted texts can report one remark, judged on their words alone (the
// speaker and the dates are checked by statements.ts). Outlets report one remark in
// different shapes: verbatim, trimmed to a fragment ("steady progress" out of a whole
// sentence), re-translated ("Each kilowatt which passes over this frontier..." for
// "Every kilowatt that crosses this border..."), inflected differently. These
// observations cover those shapes:
//  - a fragment is a contiguous run of the fuller quote's words (after stemming);
//  - a translation or paraphrase keeps at least half of the content words of the
//    shorter rendering (two fifths when that is five words or more) and, somewhere,
//    two of them side by side ("heating season");
//  - function words and light verbs are swapped freely, so they count for nothing.
// Two remarks of one speaker on one event share its vocabulary, so the evidence has to
// be the wording, not the topic:
//  - a proper name ("Northern Sea Route", "Kola Peninsula") is what the event is about,
//    and every remark on it may carry it. Its words side by side are no evidence of one
//    wording ("ice-class vessels will sail the Northern Sea Route" and "not a single
//    vessel on the Northern Sea Route has been stopped" are two remarks), and a name of
//    several words counts as one shared word. Two names the speaker put together
//    ("Duqm and Sohar") are a choice of wording, and count as a pair;
//  - a quote of three words or fewer is a fragment or nothing: a few words overlap many
//    remarks of the same speaker ("grain ships stopped" is not "the grain ships were
//    never stopped"), so it must be found verbatim in the other.
// One word ("unacceptable", "progress") is never enough: a speaker uses it in many
// remarks, so a one-word quote links to nothing by wording alone.
import { foldedWordsWithNames, isStopword, stemWord } from "./word-stems.js";

/** A quote's words prepared once for comparison. */
export interface RemarkShape {
  /** Stems of every word, in order. */
  stems: string[];
  /** Stems of the content words (no function words), in order. */
  content: string[];
  /** For each content stem, the capitalised name it is part of (see `foldedWordsWithNames`), or -1. */
  contentNameRuns: number[];
  /** Distinct content stems. */
  contentSet: Set<string>;
  /**
   * Pairs of neighbouring content stems (function words between them skipped), as "a b",
   * except pairs inside one capitalised name.
   */
  contentBigrams: Set<string>;
}

/** A paraphrase must keep at least this share of the shorter rendering's content words (a name of several words is one)... */
export const PARAPHRASE_MIN_CONTAINMENT = 0.5;
/** ...and at least this many of them. */
export const PARAPHRASE_MIN_SHARED = 2;
// A long re-translation drifts further ("team-mates" / "companions", "dealt with" /
// "resolved") but keeps more words in absolute terms; five shared content words make up
// for a lower share.
const LONG_PARAPHRASE_MIN_SHARED = 5;
const LONG_PARAPHRASE_MIN_CONTAINMENT = 0.4;
/** A quote this short links only as a fragment (its words found verbatim in the other), never as a paraphrase. */
export const FRAGMENT_ONLY_MAX_WORDS = 3;
/** Verbatim re-quotes are found through runs of this many word stems (echo keys). */
export const ECHO_RUN_WORDS = 6;
/**
 * Of every this many consecutive runs of a quote, the store keeps the key of one (the lowest:
 * winnowing), so that a quote writes about half of its runs' keys; any two quotes one of which
 * holds a whole window of the other's runs still share a kept key.
 */
export const ECHO_WINDOW_RUNS = 3;
/**
 * A verbatim re-quote counts at any distance in time when it is at least a sentence's length:
 * long enough to hold a whole window of runs, so that the store's keys always find it.
 */
export const ECHO_MIN_WORDS = ECHO_RUN_WORDS + ECHO_WINDOW_RUNS - 1;
const ECHO_MIN_CONTENT = 2;

export function remarkShape(text: string): RemarkShape {
  const stems: string[] = [];
  const content: string[] = [];
  const contentNameRuns: number[] = [];
  for (const { word, nameRun } of foldedWordsWithNames(text)) {
    const stem = stemWord(word);
    stems.push(stem);
    if (isStopword(word)) continue;
    content.push(stem);
    contentNameRuns.push(nameRun);
  }
  const contentBigrams = new Set<string>();
  for (let i = 1; i < content.length; i++) {
    const insideOneName = contentNameRuns[i] >= 0 && contentNameRuns[i] === contentNameRuns[i - 1];
    if (!insideOneName) contentBigrams.add(`${content[i - 1]} ${content[i]}`);
  }
  return { stems, content, contentNameRuns, contentSet: new Set(content), contentBigrams };
}

/**
 * Whether two quotes reported close together in time word one remark: one is a
 * fragment of the other, or one paraphrases (or re-translates) the other.
 */
export function wordingsMatch(a: RemarkShape, b: RemarkShape): boolean {
  // Both rules need a content word in common; most pairs fail here, cheaply.
  if (!sharesAny(a.contentSet, b.contentSet)) return false;
  return isFragmentOf(a, b) || isFragmentOf(b, a) || isParaphrase(a, b);
}

/**
 * Whether the shorter quote is the longer one's words verbatim (after stemming), and long
 * enough to be a sentence rather than a catchword. Follow-up coverage re-quotes a remark
 * months later; a run of eight words or more (ECHO_MIN_WORDS) repeated word for word is that
 * remark: six or seven are often a stock phrase the speaker uses in different remarks.
 */
export function isVerbatimEcho(a: RemarkShape, b: RemarkShape): boolean {
  const [shorter, longer] = a.stems.length <= b.stems.length ? [a, b] : [b, a];
  return mayEcho(shorter) && containsRun(longer.stems, shorter.stems);
}

/** Whether a quote is long enough to be a verbatim echo (or to be echoed). */
function mayEcho(shape: RemarkShape): boolean {
  return shape.stems.length >= ECHO_MIN_WORDS && shape.content.length >= ECHO_MIN_CONTENT;
}

/**
 * The key under which a quote looks for verbatim echoes: its first ECHO_RUN_WORDS stems,
 * or null when it is too short to echo. A quote is found by every quote that contains
 * it, through `echoRunKeys` of the containing quote.
 */
export function echoLookupKey(shape: RemarkShape): string | null {
  return mayEcho(shape) ? shape.stems.slice(0, ECHO_RUN_WORDS).join(" ") : null;
}

/** Every run of ECHO_RUN_WORDS consecutive stems of a quote, distinct. */
export function echoRunKeys(shape: RemarkShape): string[] {
  return [...new Set(echoRuns(shape))];
}

/** The runs of ECHO_RUN_WORDS consecutive stems of a quote in its order (a repeated run again), none for a quote too short to echo. */
export function echoRuns(shape: RemarkShape): string[] {
  if (!mayEcho(shape)) return [];
  const runs: string[] = [];
  for (let i = 0; i + ECHO_RUN_WORDS <= shape.stems.length; i++) runs.push(shape.stems.slice(i, i + ECHO_RUN_WORDS).join(" "));
  return runs;
}

/** A fragment: at least two words, one of them a content word, found in order and adjacent. */
function isFragmentOf(fragment: RemarkShape, whole: RemarkShape): boolean {
  return fragment.stems.length >= 2 && fragment.content.length >= 1 && containsRun(whole.stems, fragment.stems);
}

function isParaphrase(a: RemarkShape, b: RemarkShape): boolean {
  if (Math.min(a.content.length, b.content.length) < PARAPHRASE_MIN_SHARED) return false;
  if (Math.min(a.stems.length, b.stems.length) <= FRAGMENT_ONLY_MAX_WORDS) return false;
  const [fewer, more] = a.contentBigrams.size <= b.contentBigrams.size ? [a, b] : [b, a];
  let sharesBigram = false;
  for (const bigram of fewer.contentBigrams) {
    if (more.contentBigrams.has(bigram)) {
      sharesBigram = true;
      break;
    }
  }
  if (!sharesBigram) return false;
  // Both directions, so the relation stays symmetric when names are cut differently.
  const shared = Math.min(sharedTerms(a, b), sharedTerms(b, a));
  const containment = shared / Math.min(termCount(a), termCount(b));
  if (shared >= LONG_PARAPHRASE_MIN_SHARED) return containment >= LONG_PARAPHRASE_MIN_CONTAINMENT;
  return shared >= PARAPHRASE_MIN_SHARED && containment >= PARAPHRASE_MIN_CONTAINMENT;
}

function sharesAny(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) return true;
  return false;
}

/** Terms of a quote: its content words, a capitalised name of several words counting as one. */
function termCount(shape: RemarkShape): number {
  return countTerms(shape, () => true);
}

/**
 * Terms of quote `a` that quote `b` shares, counted with multiplicity ("kilowatt
 * ... a kilowatt" is two); a name counts once however many of its words are shared, so
 * "Northern Sea Route" is one shared term, as "Murmansk" would be.
 */
function sharedTerms(a: RemarkShape, b: RemarkShape): number {
  const left = new Map<string, number>();
  for (const s of b.content) left.set(s, (left.get(s) ?? 0) + 1);
  return countTerms(a, (stem) => {
    const n = left.get(stem) ?? 0;
    if (n > 0) left.set(stem, n - 1);
    return n > 0;
  });
}

function countTerms(shape: RemarkShape, counts: (stem: string) => boolean): number {
  let words = 0;
  const names = new Set<number>();
  shape.content.forEach((stem, i) => {
    if (!counts(stem)) return;
    const name = shape.contentNameRuns[i];
    if (name < 0) words++;
    else names.add(name);
  });
  return words + names.size;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
