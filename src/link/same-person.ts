// Whether two spellings of a name, from two articles, may be one person's: the rule the
// cross-article linkers (statements, stories) share.
import { nameSkeleton } from "./name-skeleton.js";
import { keyHasGivenName, nameKey } from "../extract/names.js";

/** A person's name as the cross-article linkers compare it: its name key and where to look for it. */
export interface ComparableName {
  /** nameKey of the full name, e.g. "olexandr lisenko". */
  key: string;
  /**
   * Candidate buckets: the consonant skeleton of the surname, so spellings of one surname
   * meet, and for a name of three words or more also of the second word, so "Rodrigo
   * Valdivieso Araya" meets "Rodrigo Valdivieso".
   */
  buckets: string[];
  /** Keys two names share whenever mayBeSamePerson accepts them (see matchKeys): finer than the buckets. */
  matchKeys: string[];
  /** The key's words, and whether they give a given name (keyHasGivenName): asked of every pair compared. */
  words: string[];
  hasGivenName: boolean;
}

// Story linking compares every candidate pair's people, so the same few thousand names are
// folded again and again; the cache is cleared when it grows, to keep memory flat.
const comparableNames = new Map<string, ComparableName>();
const CACHED_NAMES = 20_000;

export function comparableName(name: string): ComparableName {
  const cached = comparableNames.get(name);
  if (cached) return cached;
  const key = nameKey(name);
  const words = key.split(" ");
  const buckets = [nameSkeleton(words[words.length - 1])];
  if (words.length >= 3) buckets.push(nameSkeleton(words[1]));
  const hasGivenName = keyHasGivenName(key);
  const comparable = { key, buckets: [...new Set(buckets)], matchKeys: matchKeys(key, words, buckets, hasGivenName), words, hasGivenName };
  if (comparableNames.size >= CACHED_NAMES) comparableNames.clear();
  comparableNames.set(name, comparable);
  return comparable;
}

// A name with a given name agrees with another only when their surnames share a bucket and
// their given names start alike or, long enough to tell, share a skeleton (givenNamesAgree):
// so each bucket is keyed with the given name's first letter, and with its skeleton. A name
// with none agrees only with its own key. A surname alone brought the story linker about a
// hundred articles a week at a million articles, of which about ten named the same person.
function matchKeys(key: string, words: string[], buckets: string[], hasGivenName: boolean): string[] {
  if (!hasGivenName) return [`=${key}`];
  const given = words[0];
  const skeleton = nameSkeleton(given);
  const keys = new Set<string>();
  for (const bucket of buckets) {
    keys.add(`${bucket}:${given.slice(0, 1)}`);
    if (skeleton.length >= TELLING_SKELETON) keys.add(`${bucket}:~${skeleton}`);
  }
  return [...keys];
}

// Outlets spell one person's name differently, more so across languages: "Oleksandr"
// (Ukrainian) and "Alexandr" (Russian, via Romanian), "Mohamed", "Muhammad" and the
// tabloid's "Mo". The surname is the anchor: the same name key, or, when it is long
// enough to be distinctive, the same consonant skeleton (Hrytsenko / Gritsenko). The
// given names must then agree as spellings (same skeleton) or as a short form. Spanish
// and Portuguese names carry two surnames that English copy often cuts to the first
// ("Rodrigo Valdivieso Araya" / "Rodrigo Valdivieso"), so a two-word name also matches
// the first two words of a longer one. A bare surname never matches a full name here:
// "Peck" could be anyone called Peck.
const DISTINCTIVE_SURNAME = 6;

/** Whether two names, as the linkers compare them, can be one person's. */
export function mayBeSamePerson(a: ComparableName, b: ComparableName): boolean {
  if (a.key === b.key) return a.key !== "";
  if (!a.hasGivenName || !b.hasGivenName) return false;
  const [wa, wb] = [a.words, b.words];
  if (!givenNamesAgree(wa[0], wb[0])) return false;
  return surnamesAgree(wa[wa.length - 1], wb[wb.length - 1]) || firstSurnameAgrees(wa, wb) || firstSurnameAgrees(wb, wa);
}

function surnamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= DISTINCTIVE_SURNAME && b.length >= DISTINCTIVE_SURNAME && nameSkeleton(a) === nameSkeleton(b);
}

/** "rodrigo valdivieso" against "rodrigo valdivieso araia": the short name's surname is the long one's first surname. */
function firstSurnameAgrees(short: string[], long: string[]): boolean {
  return short.length === 2 && long.length >= 3 && surnamesAgree(short[1], long[1]);
}

// "Oleksandr" / "Alexandr" share a skeleton; a short form ("Mo" for "Muhammad", "Alex"
// for "Alexander") starts with the same letter and its skeleton begins the other's. A
// skeleton of one or two consonants says little ("Ana" and "Ion" are both "n"), so
// short ones must also start with the same letter.
const TELLING_SKELETON = 3;

// Skeletons merge H and G (Ukrainian Hennadiy is Russian Gennadiy) and drop vowels, which
// also makes "Haruto" and "Greta" one skeleton. Names that start differently must at least
// have as many syllables (vowel groups): Oleksandr/Aleksandr 3 and 3, Haruto/Greta 3 and 2.
const syllables = (word: string) => word.match(/[aeiouy]+/g)?.length ?? 0;

function givenNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [ka, kb] = [nameSkeleton(a), nameSkeleton(b)];
  if (ka === kb && (a[0] === b[0] || (ka.length >= TELLING_SKELETON && syllables(a) === syllables(b)))) return true;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return a[0] === b[0] && short.length >= 1 && long.startsWith(short);
}
