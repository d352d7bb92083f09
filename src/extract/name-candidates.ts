// Runs of capitalised words in a paragraph that could name a person, with what the
// text around them says about the run:
//   a title or role before it   "Russian President Vladimir Putin", "envoy Steve Witkoff",
//                               "the Minister of Energy of Ukraine Ana Ruiz"
//   a role set off before it    "the head of the administration, Ana Ruiz, said"
//   an honorific                "Mr Dmitriev", "Gov. Ana Ruiz"
//   an appositive after it      "Dmitriev, head of the fund,", "Ruiz, 45,", "Ruiz, who …"
//   a possessive                "Putin's"
//   use as a modifier           "the Trump administration"
// Deciding which runs are people is people.ts's job.
import { isGivenName } from "./given-names.js";
import { genderOfHonorific, isHonorific } from "./names.js";
import { isSpeechVerbLemma } from "./speech-verbs.js";
import { descriptorStem, isAffiliation, isOfficeTitle, isRoleNoun, isTitleWord, roleKey } from "./role-nouns.js";
import type { AnalysedParagraph, Token } from "./text-analysis.js";

export interface NameCandidate {
  /** The name without titles or possessive: "Vladimir Putin". */
  name: string;
  words: string[];
  /** The spelling as written, honorific included: "Mr Dmitriev". */
  spelling: string;
  /** Token indexes of the name's words (titles and brackets excluded). */
  wordTokens: number[];
  firstToken: number;
  lastToken: number;
  start: number; // character offsets of the name words in the paragraph
  end: number;
  /** Role nouns written with the name: "president", "envoy", "head", "ceo". */
  roles: string[];
  /** Stems of the words describing the person's role: "moldo", "energ" for "Minister of Energy of Moldova". */
  descriptors: string[];
  honorific: string | null;
  gender: "female" | "male" | null;
  possessive: boolean;
  /** Used as a noun modifier: "Trump administration", "Putin envoy". */
  modifier: boolean;
  /** A person-like appositive follows: ", head of …", ", a former banker,", ", who …", ", 45,". */
  appositive: boolean;
  /** Introduced by a possessive and a noun: "His agent Tarek Mansour", "her husband Tom Lake". */
  related: boolean;
  /** A title, role noun or honorific stands right before the name ("Mr Lake", "President Lake", "envoy Lake"). */
  introduced: boolean;
  /** The age written right after the name: "Holt, 52," or "Holt (52)". */
  age: number | null;
}

const PARTICLES = new Set(["de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "ter", "dos", "das", "bin", "ibn", "al", "el", "ben"]);
// Capitalised words that begin sentences or name times, never people.
const NOT_NAME_WORDS = new Set(
  `the a an this that these those his her its their our my your in on at by for from with to of and but or nor so yet if
  while when after before since as although though because during despite earlier later meanwhile however also still
  then there here it he she they we i you monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december today yesterday tomorrow last next
  according asked speaking following under over about against among between into through across without within
  no not all both each every many some several most other such only just even`.split(/\s+/),
);

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const HAS_LOWER = /\p{Ll}/u;
const INITIAL = /^\p{Lu}\.?$/u;
const POSSESSIVE_TOKEN = /^['’]s?$/;
// "I'm", "It's", "That's": a contraction, not a name ("O'Brien" keeps its capital after the mark).
const CONTRACTION = /['’](?:m|s|re|ve|ll|d|t)$/i;
const POSSESSIVE_DETERMINERS = new Set(["his", "her", "their", "its", "my", "our", "your"]);
const CHAIN_WORDS = new Set(["of", "the", "and", "for", "&"]);
const CLAUSE_BREAKS = new Set([",", ";", ":", "(", ")", "—", "–", ".", "!", "?"]);

// "al-Assad", "el-Sisi", "bin-Talal": an Arabic article or patronymic joined to a
// capitalised name is part of the name, written in lower case mid-name.
const JOINED_PARTICLE = /^(?:al|el|ad|ed|ash|as|at|ar|an|az|ibn|bin|bint|abu|ben)-\p{Lu}[\p{Ll}\p{M}]/u;
// "Dad-of-three", "Brussels-based", "Oslo-born", "mother-of-two": a compound with a
// lower-case part after the hyphen describes a person or thing; it is not a name word.
const HYPHENATED_DESCRIPTOR = /-[\p{Ll}]/u;

// A Korean given name is two romanised syllables joined by a hyphen, the second in lower
// case ("Ki-moon", "Geun-hye", "Jong-un"), and follows the family name ("Ban Ki-moon"). A
// descriptor's parts are English words ("Oslo-born", "Kremlin-run"), which are seldom one
// such syllable each.
const SYLLABLE = "(?:kk|tt|pp|ss|jj|ch|[gkndrlmbpsjhtyw])?[wy]?[aeiou]{1,3}(?:ng|[nmklpt])?";
const SYLLABLE_PAIR = new RegExp(`^${SYLLABLE}-${SYLLABLE}$`);

/** Whether a word is a given name of two hyphenated syllables, written after the family name: "Ki-moon". */
export function isSyllablePairGivenName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && SYLLABLE_PAIR.test(word.toLowerCase());
}

/** Whether a capitalised word is a descriptor compound ("Dad-of-three", "Brussels-based") rather than a name. */
export function isHyphenatedDescriptor(word: string): boolean {
  return word.includes("-") && !JOINED_PARTICLE.test(word) && HYPHENATED_DESCRIPTOR.test(word.slice(1)) && !isSyllablePairGivenName(word);
}

function isNameWord(token: Token, sentenceStart: boolean, previous?: Token, next?: Token): boolean {
  const text = token.text;
  if (INITIAL.test(text)) return true;
  if (JOINED_PARTICLE.test(text)) return true;
  if (isHyphenatedDescriptor(text)) return false;
  if (!CAPITALISED.test(text) || !HAS_LOWER.test(text) || CONTRACTION.test(text)) return false;
  if (NOT_NAME_WORDS.has(text.toLowerCase())) return false;
  if (isHonorific(text) || isTitleWord(text)) return true;
  if (token.pos === "PROPN") return true;
  // The model tags unfamiliar capitalised words at a sentence start as it would a
  // lower-case word; mid-sentence capitals are names whatever their tag.
  // "Lynch said …", "Rice told …": a surname that is also a word opens the sentence as its
  // subject; the tagger reads it as the word, but a verb of saying after it tells a name.
  // "Ted Lake met …": a first name the tagger reads as a word ("ted", "frank") opens a name
  // when a proper noun follows it.
  if (sentenceStart) return next !== undefined && ((next.pos === "VERB" && isSpeechVerbLemma(next.lemma)) || (next.pos === "PROPN" && CAPITALISED.test(next.text) && token.pos !== "AUX" && isGivenName(text)));
  // "said Will Doyle", "Instead, Will urged …": an auxiliary with a capital where no name
  // precedes it is a name; after a surname it is a headline's verb ("Ruiz Will Run").
  // After a first name or a capitalised function word it is a surname again: "Oscar Will
  // wrote", "While Will doubts …".
  if (token.pos === "AUX") return previous === undefined || !CAPITALISED.test(previous.text) || isGivenName(previous.text) || ["SCONJ", "CCONJ", "ADP", "ADV", "DET", "PRON"].includes(previous.pos);
  return ["NOUN", "ADJ", "X", "VERB", "ADV"].includes(token.pos);
}

/** Collects runs of name words; "(Joe) Biden", an editor's insertion, joins the run it precedes. */
function findRuns(para: AnalysedParagraph): number[][] {
  const { tokens } = para;
  const sentenceStarts = new Set(para.sentences.map((s) => s.firstToken));
  const runs: number[][] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length) runs.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (sentenceStarts.has(i)) flush();
    if (isNameWord(t, sentenceStarts.has(i), tokens[i - 1], tokens[i + 1])) {
      // An initial stands only inside a name: "John F. Kennedy", not the pronoun "I".
      if (INITIAL.test(t.text) && current.length === 0 && !(tokens[i + 1] && CAPITALISED.test(tokens[i + 1].text))) continue;
      current.push(i);
      continue;
    }
    // "da Silva", "bin Salman", "von der Leyen": particles that lead to a capitalised word.
    if (PARTICLES.has(t.text)) {
      let k = i + 1;
      while (tokens[k] && PARTICLES.has(tokens[k].text)) k++;
      if (tokens[k] && isNameWord(tokens[k], false) && !INITIAL.test(tokens[k].text)) {
        for (let p = i; p < k; p++) current.push(p);
        i = k - 1;
        continue;
      }
    }
    if (t.text === "(" && tokens[i + 2]?.text === ")" && tokens[i + 3] && isNameWord(tokens[i + 1], false) && isNameWord(tokens[i + 3], false)) {
      flush();
      current.push(i + 1);
      i += 2; // skip the bracketed word and ")"; the next word continues the run
      continue;
    }
    flush();
  }
  flush();
  return runs;
}

interface RoleEvidence {
  roles: string[];
  descriptors: string[];
}

function noteRoleWords(tokens: Token[], from: number, to: number, evidence: RoleEvidence): void {
  for (let k = from; k <= to; k++) {
    const w = tokens[k].text;
    if (isRoleNoun(w)) evidence.roles.push(roleKey(w));
    if (/^\p{L}{3,}/u.test(w) && tokens[k].pos !== "DET" && tokens[k].pos !== "ADP") evidence.descriptors.push(descriptorStem(w));
  }
  // "Chief Executive Officer" → "ceo", "Prime Minister" → "pm": titles are also known by their initials.
  let run: Token[] = [];
  for (let k = from; k <= to + 1; k++) {
    const t = tokens[k];
    if (k <= to && /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(t.text)) {
      run.push(t);
      continue;
    }
    if (run.length >= 2 && run.some((r) => isTitleWord(r.text))) evidence.roles.push(run.map((r) => r.text[0].toLowerCase()).join(""));
    run = [];
  }
}

/**
 * Roles written before the run: directly ("envoy Ana Ruiz"), through "of" chains
 * ("Minister of Foreign Affairs of Kazakhstan Ana Ruiz", where the place runs into the
 * name, so only for runs of three or more words), or set off by commas. Returns
 * whether the role stood directly before the name.
 */
function rolesBefore(para: AnalysedParagraph, first: number, runLength: number, followedByComma: boolean, evidence: RoleEvidence): boolean {
  const { tokens } = para;
  const before = tokens[first - 1];
  if (!before) return false;
  if (before.text === before.text.toLowerCase() && isRoleNoun(before.text)) {
    // "Russian investment envoy Ana Ruiz": the role and its modifiers.
    let from = first - 1;
    while (from - 1 >= 0 && ["ADJ", "PROPN", "NOUN"].includes(tokens[from - 1].pos) && !CLAUSE_BREAKS.has(tokens[from - 1].text)) from--;
    noteRoleWords(tokens, from, first - 1, evidence);
    return true;
  }
  if (CHAIN_WORDS.has(before.text) && runLength >= 3) {
    // "the Minister of Foreign Affairs of Kazakhstan Ana Ruiz": capitalised words and "of" back to a title.
    let from = first - 1;
    while (from - 1 >= 0 && first - from < 14 && (CHAIN_WORDS.has(tokens[from - 1].text) || CAPITALISED.test(tokens[from - 1].text))) from--;
    if (tokens.slice(from, first).some((t) => isRoleNoun(t.text))) noteRoleWords(tokens, from, first - 1, evidence);
    return false;
  }
  if (before.text === "," && followedByComma) {
    // "the head of the administration, Ana Ruiz, said": the noun phrase before the name describes her.
    let from = first - 2;
    while (from - 1 >= 0 && !CLAUSE_BREAKS.has(tokens[from - 1].text) && tokens[from - 1].pos !== "VERB" && tokens[from - 1].pos !== "AUX") from--;
    if (from <= first - 2 && tokens.slice(from, first - 1).some((t) => isRoleNoun(t.text))) noteRoleWords(tokens, from, first - 2, evidence);
  }
  return false;
}

/** Roles in an appositive after the run: "Ruiz, the finance minister,", "Ruiz, Chief Executive Officer of …". */
function rolesAfter(para: AnalysedParagraph, last: number, evidence: RoleEvidence): boolean {
  const { tokens } = para;
  if (tokens[last + 1]?.text !== ",") return false;
  const opener = tokens[last + 2];
  if (!opener) return false;
  if (/^(?:who|whose)$/i.test(opener.text) || /^\d{1,3}$/.test(opener.text)) return true;
  let end = last + 2;
  while (end + 1 < tokens.length && end - last < 12 && !CLAUSE_BREAKS.has(tokens[end + 1].text) && tokens[end + 1].pos !== "VERB") end++;
  // The appositive describes a person when its head, before any "of"/"at", is a role.
  let head = -1;
  for (let k = last + 2; k <= end; k++) {
    if (k > last + 2 && (tokens[k].pos === "ADP" || tokens[k].pos === "VERB")) break;
    if (isRoleNoun(tokens[k].text)) head = k;
  }
  if (head < 0) return false;
  noteRoleWords(tokens, last + 2, end, evidence);
  return true;
}

const ADDRESSED_OFFICES = new Set(["president", "speaker", "chairman", "chairwoman", "chair", "secretary", "minister", "mayor", "ambassador", "prime", "governor", "senator"]);

/** A role noun written with a capital, in the singular or plural: "Leader", "Adviser", "Celebrities". */
function isCapitalisedRole(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  return isRoleNoun(word) || (/ies$/.test(word) && isRoleNoun(`${word.slice(0, -3)}y`)) || (/[^s]s$/.test(word) && isRoleNoun(word.slice(0, -1)));
}

function describeRun(para: AnalysedParagraph, run: number[], sentenceStarts: Set<number>): NameCandidate | null {
  const { tokens } = para;
  let words = run;
  // A role noun capitalised only because it starts the sentence: "Fan Iker Salas, 52, said".
  const opener = tokens[run[0]].text;
  const leadingRole = sentenceStarts.has(run[0]) && run.length >= 3 && !isTitleWord(opener) && isRoleNoun(opener);
  if (leadingRole) words = run.slice(1);
  let honorific: string | null = null;
  const evidence: RoleEvidence = { roles: [], descriptors: [] };
  // Titles and the words before them ("Russian President", "Kano State Gov.") are not the name.
  let lastTitle = -1;
  words.forEach((index, k) => {
    const w = tokens[index].text;
    if (k < words.length - 1 && (isTitleWord(w) || isHonorific(w))) lastTitle = k;
    // "Majority Leader Mitch McConnell", "Managing Editor Bill Sammon", "House Republican
    // Thomas Massie": a capitalised role or party ends a title when a full name still follows it.
    else if (k < words.length - 2 && (isCapitalisedRole(w) || isAffiliation(w))) lastTitle = k;
  });
  // A title holds an office or an honorific ("Energy Minister", "Dr"), or ends a chain
  // that does ("Secretary of State", "Minister of Economy and Trade"). Modifiers alone ("Transport", "Energy")
  // begin the names of things: "International Transport Corridor".
  const titleHoldsOffice = words.slice(0, lastTitle + 1).some((i) => isOfficeTitle(tokens[i].text) || isHonorific(tokens[i].text) || isCapitalisedRole(tokens[i].text) || isAffiliation(tokens[i].text));
  const endsTitleChain = ["of", "and", "for", "&"].includes(tokens[words[0] - 1]?.text ?? "");
  if (lastTitle >= 0 && !titleHoldsOffice && !endsTitleChain) lastTitle = -1;
  // "Speaker of the House Newt Gingrich", "Secretary of the Navy Ray Mabus": an office's
  // body ends its title, and the two words after it are the name.
  const bodyOfOffice = tokens[words[0] - 1]?.text === "the" && tokens[words[0] - 2]?.text === "of" && isOfficeTitle(tokens[words[0] - 3]?.text ?? "");
  if (lastTitle < 0 && bodyOfOffice && words.length === 3) lastTitle = 0;
  for (let k = 0; k <= lastTitle; k++) {
    const w = tokens[words[k]].text;
    if (isHonorific(w)) honorific = w;
  }
  if (lastTitle >= 0) noteRoleWords(tokens, words[0], words[lastTitle], evidence);
  if (leadingRole) evidence.roles.push(roleKey(opener));
  const titled = (lastTitle >= 0 || leadingRole) && evidence.roles.length > 0;
  words = words.slice(lastTitle + 1);
  // "Mr. King" is a surname; "Mr. President", "Madam Speaker" address an office.
  const surnameAfterHonorific = honorific !== null && words.length === 1 && !ADDRESSED_OFFICES.has(tokens[words[0]].text.toLowerCase());
  if (!words.length || (words.every((i) => isTitleWord(tokens[i].text)) && !surnameAfterHonorific)) return null;

  const first = words[0];
  const last = words[words.length - 1];
  const after = tokens[last + 1];
  const possessive = after !== undefined && POSSESSIVE_TOKEN.test(after.text) && after.start === tokens[last].end;
  const next = possessive ? undefined : after;
  const modifier = next !== undefined && next.pos === "NOUN" && next.text === next.text.toLowerCase();
  const appositive = !possessive && rolesAfter(para, last, evidence);
  const roleRightBefore = !titled && rolesBefore(para, run[0], run.length, next?.text === ",", evidence);
  const before = tokens[run[0] - 1];
  const determiner = tokens[run[0] - 2];
  const related = !!before && before.pos === "NOUN" && before.text === before.text.toLowerCase() && !!determiner && POSSESSIVE_DETERMINERS.has(determiner.text.toLowerCase());

  const ageToken = !possessive && /^[,(]$/.test(after?.text ?? "") && /^[,)]$/.test(tokens[last + 3]?.text ?? "") ? tokens[last + 2] : undefined;
  const age = ageToken && /^\d{1,3}$/.test(ageToken.text) ? Number(ageToken.text) : null;

  const nameWords = words.map((i) => tokens[i].text);
  const name = nameWords.join(" ");
  return {
    name,
    words: nameWords,
    spelling: honorific ? `${honorific} ${name}` : name,
    wordTokens: words,
    firstToken: first,
    lastToken: last,
    start: tokens[first].start,
    end: tokens[last].end,
    roles: [...new Set(evidence.roles)],
    descriptors: [...new Set(evidence.descriptors)],
    honorific,
    gender: honorific ? genderOfHonorific(honorific) : null,
    possessive,
    modifier,
    appositive,
    related,
    introduced: honorific !== null || titled || roleRightBefore,
    age,
  };
}

/** Every capitalised run in a paragraph that could name a person, described. */
export function findNameCandidates(para: AnalysedParagraph): NameCandidate[] {
  const sentenceStarts = new Set(para.sentences.map((s) => s.firstToken));
  return findRuns(para)
    .map((run) => describeRun(para, run, sentenceStarts))
    .filter((c): c is NameCandidate => c !== null);
}

/** The same candidate without its first `count` words ("Hungary Gábor Szentes" → "Gábor Szentes"). */
export function withoutLeadingWords(para: AnalysedParagraph, c: NameCandidate, count: number): NameCandidate {
  const wordTokens = c.wordTokens.slice(count);
  const words = c.words.slice(count);
  const name = words.join(" ");
  const first = wordTokens[0];
  return { ...c, words, name, spelling: c.honorific ? `${c.honorific} ${name}` : name, wordTokens, firstToken: first, start: para.tokens[first].start };
}
