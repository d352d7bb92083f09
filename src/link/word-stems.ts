// Words → comparable stems, shared by the two cross-article linkers: statements compare
// the words of quotes, stories compare the key terms of articles. Both need "prices"
// and "price", "restoring" and "restored", "integration" and "integrate" to meet, and
// neither may lean on words every sentence has ("the", "we", "will").
import { foldDiacritics } from "../extract/names.js";

/**
 * Function words: articles, pronouns, auxiliaries, prepositions, conjunctions, negations,
 * quantifiers, the commonest adverbs and the light verbs that lend their grammar to a
 * noun ("make a fuss", "take time", "find a solution"). Translations and paraphrases of
 * one remark swap these freely ("for our" / "of the", "cannot" / "can no longer"), and
 * different remarks share them all the time, so they are no evidence of either.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the this that these those there here
  i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
  she her hers herself it its itself they them their theirs themselves one ones
  who whom whose which what whatever whoever when where why how whether
  am is are was were be been being do does did doing done have has had having
  will would shall should can could may might must ought cannot
  im ive id ill youre youve youd youll hes shes its were weve wed well theyre theyve theyd theyll
  dont doesnt didnt isnt arent wasnt werent havent hasnt hadnt wont wouldnt cant couldnt shouldnt mustnt lets thats whats theres heres
  not no nor never none nothing nobody neither either
  and or but if then else so than as because since while though although unless until till
  of at by for with about against between into through during before after above below to from
  up down in out on off over under again further once onto upon within without across along among around toward towards via per
  all any both each every few more most other others another some such same own only just
  very too also still even yet already now ever quite rather really much many lot lots
  like well how anyway however indeed perhaps maybe instead otherwise thus therefore
  said says say saying told tell tells telling added adding
  make makes made making take takes took taken taking get gets got gotten getting
  give gives gave given giving go goes went gone going come comes came coming put puts putting
  see sees saw seen seeing know knows knew known knowing think thinks thought thinking
  want wants wanted wanting need needs needed needing find finds found finding
  seem seems seemed seeming keep keeps kept keeping thing things
  mr mrs ms dr`.split(/\s+/).filter(Boolean),
);

/** Lower-case words of a text, diacritics and apostrophes dropped: "Europe’s" → "europes", "don't" → "dont". */
export function foldedWords(text: string): string[] {
  return foldDiacritics(text)
    .replace(/['’‘`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A folded word, and the capitalised run of words (a proper name such as "Northern Sea Route") it belongs to. */
export interface NamedWord {
  word: string;
  /** Index of the run of capitalised words the word belongs to, or -1 for a word of running text. */
  nameRun: number;
}

// A run of capitalised words joined by spaces or hyphens is one name ("Northern Sea
// Route", "Kola Peninsula"); a comma or a lower-case word ends it ("Duqm and Sohar" is
// two names). In text that is mostly capitalised (a headline in title case, a quote in
// capitals) capitals mark nothing, so no word is taken for a name.
const NAME_JOINER = /^[\s-]+$/;

/** The words of `foldedWords`, in the same order, each with the capitalised run it belongs to. */
export function foldedWordsWithNames(text: string): NamedWord[] {
  const cased = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/['’‘`]/g, "");
  const matches = [...cased.matchAll(/[A-Za-z0-9]+/g)];
  const lowerInitial = matches.filter((m) => /^[a-z]/.test(m[0])).length;
  const capitalsMarkNames = lowerInitial * 2 >= matches.length;
  const words: NamedWord[] = [];
  let run = -1;
  let runs = 0;
  let previousEnd = -1;
  let previousCapitalised = false;
  for (const m of matches) {
    const capitalised = capitalsMarkNames && /^[A-Z]/.test(m[0]);
    if (!capitalised) run = -1;
    else if (!(previousCapitalised && NAME_JOINER.test(cased.slice(previousEnd, m.index)))) run = runs++;
    words.push({ word: m[0].toLowerCase(), nameRun: run });
    previousEnd = m.index! + m[0].length;
    previousCapitalised = capitalised;
  }
  return words;
}

const VOWEL = /[aeiouy]/;
const DOUBLE_CONSONANT = /([bcdfgkmnprt])\1$/;

/**
 * A light suffix-stripping stemmer (a few of Porter's steps): inflections and the
 * commonest derivations collapse, so "steady gains" meets "steady gain",
 * "hoping" meets "hope", "stronger" meets "strong" and "integration" meets "integrate".
 * Stems are keys, not words ("issue" → "issu"); only equality between them matters.
 */
export function stemWord(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  w = w.replace(/iz(e|ed|es|ing|ation|ations)$/, "is$1"); // organize → organise
  // Plurals and third person.
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Past and progressive forms, when a syllable remains: "restoring" → "restor", "need" stays.
  if (w.endsWith("ied") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ing") && VOWEL.test(w.slice(0, -3)) && w.length - 3 >= 3) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && !w.endsWith("eed") && VOWEL.test(w.slice(0, -2)) && w.length - 2 >= 3) w = undouble(w.slice(0, -2));
  // Derivations that translations swap for one another.
  if (w.endsWith("ation") && w.length > 7) w = w.slice(0, -3); // integration → integrat(e)
  else if (w.endsWith("ly") && w.length - 2 >= 4) w = w.slice(0, -2); // quickly → quick
  else if (w.endsWith("er") && !w.endsWith("eer") && w.length - 2 >= 4) w = w.slice(0, -2); // stronger → strong
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1); // hope / hoping → hop
  return w;
}

function undouble(stem: string): string {
  return DOUBLE_CONSONANT.test(stem) ? stem.slice(0, -1) : stem;
}

/** Whether a folded word is a function word that says little about what a text is about. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
