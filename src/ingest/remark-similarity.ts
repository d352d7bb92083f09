// Whether two quoted texts can report one remark, judged on their words alone (the
// speaker and the dates are checked by statements.ts). Outlets report one remark in
// different shapes: verbatim, trimmed to a fragment ("steady progress" out of a whole
// sentence), re-translated ("Each kilowatt which passes over this frontier..." for
// "Every kilowatt that crosses this border..."), inflected differently. Three
// observations cover those shapes:
//  - a fragment is a contiguous run of the fuller quote's words (after stemming);
//  - a translation or paraphrase keeps at least half of the content words of the
//    shorter rendering (two fifths when that is five words or more) and, somewhere,
//    two of them side by side ("heating season");
//  - function words and light verbs are swapped freely, so they count for nothing.
// One word ("unacceptable", "progress") is never enough: a speaker uses it in many
// remarks, so a one-word quote links to nothing by wording alone.
import { foldedWords, isStopword, stemWord } from "./word-stems.js";

/** A quote's words prepared once for comparison. */
export interface RemarkShape {
  /** Stems of every word, in order. */
  stems: string[];
  /** Stems of the content words (no function words), in order. */
  content: string[];
  /** Distinct content stems. */
  contentSet: Set<string>;
  /** Pairs of neighbouring content stems (function words between them skipped), as "a b". */
  contentBigrams: Set<string>;
}

/** A paraphrase must keep at least this share of the shorter rendering's content words... */
export const PARAPHRASE_MIN_CONTAINMENT = 0.5;
/** ...and at least this many of them. */
export const PARAPHRASE_MIN_SHARED = 2;
// A long re-translation drifts further ("team-mates" / "companions", "dealt with" /
// "resolved") but keeps more words in absolute terms; five shared content words make up
// for a lower share.
const LONG_PARAPHRASE_MIN_SHARED = 5;
const LONG_PARAPHRASE_MIN_CONTAINMENT = 0.4;
/** A verbatim re-quote counts at any distance in time when it is at least a sentence's length. */
export const ECHO_MIN_WORDS = 6;
const ECHO_MIN_CONTENT = 2;

export function remarkShape(text: string): RemarkShape {
  const stems: string[] = [];
  const content: string[] = [];
  for (const word of foldedWords(text)) {
    const stem = stemWord(word);
    stems.push(stem);
    if (!isStopword(word)) content.push(stem);
  }
  const contentBigrams = new Set<string>();
  for (let i = 1; i < content.length; i++) contentBigrams.add(`${content[i - 1]} ${content[i]}`);
  return { stems, content, contentSet: new Set(content), contentBigrams };
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
 * months later; a run of six words or more repeated word for word is that remark.
 */
export function isVerbatimEcho(a: RemarkShape, b: RemarkShape): boolean {
  const [shorter, longer] = a.stems.length <= b.stems.length ? [a, b] : [b, a];
  return shorter.stems.length >= ECHO_MIN_WORDS && shorter.content.length >= ECHO_MIN_CONTENT && containsRun(longer.stems, shorter.stems);
}

/**
 * The key under which a quote looks for verbatim echoes: its first ECHO_MIN_WORDS stems,
 * or null when it is too short to echo. A quote is found by every quote that contains
 * it, through `echoRunKeys` of the containing quote.
 */
export function echoLookupKey(shape: RemarkShape): string | null {
  if (shape.stems.length < ECHO_MIN_WORDS || shape.content.length < ECHO_MIN_CONTENT) return null;
  return shape.stems.slice(0, ECHO_MIN_WORDS).join(" ");
}

/** Every run of ECHO_MIN_WORDS consecutive stems of a quote, distinct. */
export function echoRunKeys(shape: RemarkShape): string[] {
  const keys = new Set<string>();
  for (let i = 0; i + ECHO_MIN_WORDS <= shape.stems.length; i++) keys.add(shape.stems.slice(i, i + ECHO_MIN_WORDS).join(" "));
  return [...keys];
}

/** A fragment: at least two words, one of them a content word, found in order and adjacent. */
function isFragmentOf(fragment: RemarkShape, whole: RemarkShape): boolean {
  return fragment.stems.length >= 2 && fragment.content.length >= 1 && containsRun(whole.stems, fragment.stems);
}

function isParaphrase(a: RemarkShape, b: RemarkShape): boolean {
  const [shorter, longer] = a.content.length <= b.content.length ? [a, b] : [b, a];
  if (shorter.content.length < PARAPHRASE_MIN_SHARED) return false;
  let sharesBigram = false;
  for (const bigram of shorter.contentBigrams) {
    if (longer.contentBigrams.has(bigram)) {
      sharesBigram = true;
      break;
    }
  }
  if (!sharesBigram) return false;
  const shared = sharedCount(shorter.content, longer.content);
  const containment = shared / shorter.content.length;
  if (shared >= LONG_PARAPHRASE_MIN_SHARED) return containment >= LONG_PARAPHRASE_MIN_CONTAINMENT;
  return shared >= PARAPHRASE_MIN_SHARED && containment >= PARAPHRASE_MIN_CONTAINMENT;
}

function sharesAny(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) return true;
  return false;
}

/** Content stems the two share, counted with multiplicity ("kilowatt ... a kilowatt" is two). */
function sharedCount(shorter: string[], longer: string[]): number {
  const left = new Map<string, number>();
  for (const s of longer) left.set(s, (left.get(s) ?? 0) + 1);
  let shared = 0;
  for (const s of shorter) {
    const n = left.get(s) ?? 0;
    if (n > 0) {
      shared++;
      left.set(s, n - 1);
    }
  }
  return shared;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
