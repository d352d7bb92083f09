import { hasGivenName, nameKey } from "../extract/names.js";

// Outlets romanise the same Cyrillic or Arabic name in ways nameKey's folding cannot
// reconcile: Ukrainian transliteration writes H where Russian writes G (Hrytsenko /
// Gritsenko), and vowels drift (Oleksandr / Aleksandr, Mohammed / Muhammad). A skeleton
// keeps a word's consonants in order with H and G merged, so those spellings meet; it
// is too loose to decide a match alone (Anna Smith / Anne Smyth share one), so callers
// use it to find candidates and require a long, distinctive surname.

const VOWELS = /[aeiouy]/g;

function wordSkeleton(wordKey: string): string {
  return wordKey.replace(/h/g, "g").replace(/gg/g, "g").replace(VOWELS, "").replace(/(.)\1+/g, "$1");
}

// The linkers compare the same few thousand names pair after pair; remembered, bounded.
const skeletons = new Map<string, string>();
const REMEMBERED = 20_000;

/** The consonant skeleton of a full name: "Oleksandr Hrytsenko" and "Aleksandr Gritsenko" share "lxndr grtsnk". */
export function nameSkeleton(name: string): string {
  let skeleton = skeletons.get(name);
  if (skeleton === undefined) {
    skeleton = nameKey(name).split(" ").map(wordSkeleton).join(" ");
    if (skeletons.size >= REMEMBERED) skeletons.clear();
    skeletons.set(name, skeleton);
  }
  return skeleton;
}

/** Whether a skeleton match may be trusted: two words or more, the last long enough to be distinctive. */
export function isDistinctiveName(name: string): boolean {
  const key = nameKey(name);
  const words = key.split(" ");
  return hasGivenName(name) && words[words.length - 1].length >= 6;
}
