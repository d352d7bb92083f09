// Who a reporting verb's subject is. English news puts the speaker before the verb
// ("Ruiz said", "Ruiz, the minister, told reporters", "the minister also said") or,
// after a quotation, after it ("…," said Ruiz). The subject is read back from the
// verb: adverbs and auxiliaries are skipped, a comma-delimited appositive is hopped
// over, and what is left is a named person, a pronoun, a role ("the minister",
// "the head of the fund") or something else (an institution, "officials").
import type { PersonMention } from "./people.js";
import { descriptorStem, genderOfRole, isRoleNoun, nationalityOf, roleKey } from "./role-nouns.js";
import type { AnalysedParagraph, Token } from "./text-analysis.js";

export type Subject =
  | { kind: "person"; person: number }
  | { kind: "pronoun"; gender: "female" | "male" }
  | { kind: "they" }
  | { kind: "role"; role: string; definite: boolean; modifiers: string[]; epithet?: Epithet }
  | ({ kind: "epithet" } & Epithet)
  | { kind: "other" };

/**
 * A definite description that points back to a person by what the text said about
 * them: "the Egyptian" (nationality), "the 29-year-old" (age), "the Chilean minister".
 */
export interface Epithet {
  nationality: string | null;
  age: number | null;
  gender: "female" | "male" | null;
}

/** A paragraph with what the subject finder needs to know about each token. */
export interface ParagraphTokens {
  para: AnalysedParagraph;
  /** Whether each token lies inside quotation marks. */
  quoted: boolean[];
  /** The person mention that ends at a token, if any. */
  mentionEndingAt: Map<number, PersonMention>;
  /** The person mention that starts at a token, if any. */
  mentionStartingAt: Map<number, PersonMention>;
}

const SKIPPABLE = new Set([
  "also", "not", "never", "previously", "repeatedly", "reportedly", "publicly", "privately", "later", "earlier", "then",
  "again", "once", "further", "separately", "additionally", "has", "had", "have", "was", "were", "is", "are", "would",
  "will", "could", "did", "does", "do", "had", "has", "been", "on", "monday", "tuesday", "wednesday", "thursday",
  "friday", "saturday", "sunday", "today", "yesterday", "recently", "initially", "subsequently", "first", "last", "week",
  "night", "morning", "afternoon", "evening",
]);
const CLAUSE_BOUNDARY = new Set([",", ";", ":", "(", ")", "—", "–", "that", "who", "which", "while", "and", "but", "as", "after", "when", "because", "if"]);
const PRONOUNS: Record<string, "female" | "male"> = { he: "male", she: "female", him: "male", her: "female" };
const DEFINITE = new Set(["the", "his", "her", "its", "their", "this", "that"]);

function isSkippable(t: Token): boolean {
  return t.pos === "ADV" || t.pos === "AUX" || t.pos === "PART" && t.text !== "to" || SKIPPABLE.has(t.text.toLowerCase());
}

/** The pronoun a token is, when it is a singular personal pronoun. */
export function pronounGender(t: Token | undefined): "female" | "male" | null {
  return t ? PRONOUNS[t.text.toLowerCase()] ?? null : null;
}

// Commas inside a quoted title ("the author of “Wires, Poles and Empire”, a history") are not the appositive's.
function previousComma(ctx: ParagraphTokens, from: number, floor: number): number {
  for (let k = from; k >= floor; k--) if (!ctx.quoted[k] && ctx.para.tokens[k].text === ",") return k;
  return -1;
}

function skipBack(ctx: ParagraphTokens, from: number, floor: number): number {
  let j = from;
  while (j >= floor && !ctx.quoted[j] && isSkippable(ctx.para.tokens[j])) j--;
  return j;
}

function namesSomeone(ctx: ParagraphTokens, j: number): boolean {
  const mention = ctx.mentionEndingAt.get(j);
  return (mention !== undefined && !mention.candidate.possessive) || pronounGender(ctx.para.tokens[j]) !== null;
}

/** The last token of a name before `at`, past a bracketed party and state ("Ruiz (D-Ore.)"): `at` itself when none stands there. */
function beforeAside(ctx: ParagraphTokens, at: number, floor: number): number {
  const { tokens } = ctx.para;
  if (tokens[at]?.text !== ")" || ctx.quoted[at]) return at;
  for (let k = at - 1; k >= floor && k >= at - 10; k--) if (tokens[k].text === "(") return k - 1;
  return at;
}

/** The person named right before the comma at `comma` (past a bracketed aside), unless a possessive. */
function personBeforeComma(ctx: ParagraphTokens, comma: number, floor: number): PersonMention | undefined {
  const mention = ctx.mentionEndingAt.get(beforeAside(ctx, comma - 1, floor));
  return mention && !mention.candidate.possessive ? mention : undefined;
}

/**
 * Whom the phrase before the comma at `comma` describes, when it is a comma-set appositive
 * or relative clause of an earlier name: "Ruiz, a spokeswoman for Mayor Lake, said",
 * "Ruiz (D-Ore.), who has endorsed Lake, said". Such a phrase opens in lower case, and the
 * name before its opening comma is the verb's subject, not the name that ends the phrase.
 */
function describedBefore(ctx: ParagraphTokens, comma: number, floor: number): PersonMention | undefined {
  const { tokens } = ctx.para;
  for (let k = comma - 1; k >= floor && k > comma - 40; k--) {
    if (ctx.quoted[k] || /^[.;:!?—–]$/.test(tokens[k].text)) return undefined;
    if (tokens[k].text !== ",") continue;
    // "Ruiz, a welder from Bergen, Norway, who backs Lake, said": a comma after a place in the phrase goes on.
    const named = personBeforeComma(ctx, k, floor);
    if (named) return /^\p{Ll}/u.test(tokens[k + 1]?.text ?? "") ? named : undefined;
  }
  return undefined;
}

/** The subject of the verb at `verb`, read backwards, never crossing `floor` or a quotation. */
export function subjectBefore(ctx: ParagraphTokens, verb: number, floor: number): Subject | null {
  const { tokens } = ctx.para;
  let j = skipBack(ctx, verb - 1, floor);
  // "Ruiz, who declared that …": a relative pronoun's subject is the name it follows.
  if (j - 1 >= floor && /^who$/i.test(tokens[j]?.text ?? "") && tokens[j - 1].text === "," && !ctx.quoted[j]) {
    const antecedent = personBeforeComma(ctx, j - 1, floor);
    if (antecedent) return { kind: "person", person: antecedent.person };
  }
  // Appositives between subject and verb are hopped over, up to three of them:
  // "Ruiz, the minister, said", "Holt, 52, who has …, told", "the head of the fund, Ruiz, said".
  // If the hops find nobody, the phrase before the first appositive is the subject.
  let firstHop: number | null = null;
  for (let hops = 0; hops < 3 && j >= floor && tokens[j].text === "," && !ctx.quoted[j]; hops++) {
    const directly = personBeforeComma(ctx, j, floor);
    if (directly) return { kind: "person", person: (describedBefore(ctx, j, floor) ?? directly).person };
    const k = previousComma(ctx, j - 1, floor);
    if (k < 0) {
      j = firstHop ?? -1;
      break;
    }
    j = skipBack(ctx, k - 1, floor);
    firstHop ??= j;
    if (j < floor || namesSomeone(ctx, j)) break;
    const earlier = previousComma(ctx, j - 1, floor);
    if (earlier >= 0 && hops < 2) j = earlier;
    else break;
  }
  if (j < floor || ctx.quoted[j] || tokens[j].text === ",") return firstHop !== null && firstHop >= floor ? subjectEndingAt(ctx, firstHop, floor) : null;
  return subjectEndingAt(ctx, j, floor);
}

/** What the noun phrase ending at token `end` refers to. */
export function subjectEndingAt(ctx: ParagraphTokens, end: number, floor: number): Subject | null {
  const { tokens } = ctx.para;
  const mention = ctx.mentionEndingAt.get(end);
  if (mention && !mention.candidate.possessive) return { kind: "person", person: mention.person };
  const gender = pronounGender(tokens[end]);
  if (gender) return { kind: "pronoun", gender };
  if (/^they$/i.test(tokens[end].text)) return { kind: "they" };
  if (/^(?:we|i|you|it|them)$/i.test(tokens[end].text)) return { kind: "other" };

  let start = end;
  while (start - 1 >= floor && !ctx.quoted[start - 1] && !CLAUSE_BOUNDARY.has(tokens[start - 1].text.toLowerCase())) start--;
  // The head of a noun phrase comes before its post-modifiers ("the head of the fund",
  // "the official to visit Washington"): the last noun before the first preposition or verb.
  let head = -1;
  let phraseEnd = start;
  for (let k = start; k <= end; k++) {
    const pos = tokens[k].pos;
    if (k > start && (pos === "ADP" || pos === "VERB" || pos === "PART" && tokens[k].text === "to" || pos === "SCONJ")) break;
    if (pos === "NOUN" || pos === "PROPN" || pos === "PRON") head = k;
    phraseEnd = k;
  }
  const epithet = epithetAt(tokens, start, phraseEnd);
  if (epithet && epithet.noun < 0) return { kind: "epithet", ...epithet.describes };
  if (head < 0) return null;
  const word = tokens[head].text;
  const determiner = tokens[start].text.toLowerCase();
  const possessed = tokens.slice(start, head).some((t) => /^['’]s?$/.test(t.text));
  const definite = DEFINITE.has(determiner) || possessed;
  const plural = /s$/i.test(word) && tokens[head].lemma.toLowerCase() !== word.toLowerCase();
  // "the minister", "the Head of State", "the CEO": a role, in any case after a determiner.
  if (!plural && isRoleNoun(word) && (word === word.toLowerCase() || head > start)) {
    const modifiers = tokens
      .slice(start, head)
      .filter((t) => (t.pos === "ADJ" || t.pos === "PROPN") && /^\p{Lu}/u.test(t.text))
      .map((t) => descriptorStem(t.text));
    const described = epithet?.noun === head ? { epithet: epithet.describes } : {};
    return { kind: "role", role: roleKey(word), definite, modifiers, ...described };
  }
  return { kind: "other" };
}

const AGE = /^(\d{1,3})-year-old$/i;

/**
 * "the Egyptian", "the 29-year-old", "the Chilean minister": "the", one nationality or
 * age word, and at most a singular role noun. `noun` is the role noun's index, or -1.
 * Only "the": "an Egyptian said" introduces someone new.
 */
function epithetAt(tokens: readonly Token[], start: number, end: number): { describes: Epithet; noun: number } | null {
  if (tokens[start].text.toLowerCase() !== "the" || end < start + 1 || end > start + 2) return null;
  // "The Australian reported": a capitalised "The" mid-sentence begins a title, not a description.
  if (tokens[start].text === "The" && start > 0 && !/^[.!?]$/.test(tokens[start - 1].text)) return null;
  const word = tokens[start + 1].text;
  const nationality = nationalityOf(word);
  const age = AGE.exec(word)?.[1];
  if (nationality === null && age === undefined) return null;
  const noun = end === start + 2 ? start + 2 : -1;
  if (noun >= 0 && (!isRoleNoun(tokens[noun].text) || tokens[noun].lemma.toLowerCase() !== tokens[noun].text.toLowerCase())) return null;
  const gender = noun >= 0 ? genderOfRole(tokens[noun].text) : null;
  return { describes: { nationality, age: age === undefined ? null : Number(age), gender }, noun };
}

/** The subject written after an inverted verb: "…," said Ruiz / said the minister / said he. */
export function subjectAfter(ctx: ParagraphTokens, verb: number, ceiling: number): Subject | null {
  const { tokens } = ctx.para;
  const next = verb + 1;
  if (next > ceiling || ctx.quoted[next]) return null;
  const mention = ctx.mentionStartingAt.get(next);
  if (mention && !mention.candidate.possessive && !mention.candidate.modifier) return { kind: "person", person: mention.person };
  const gender = pronounGender(tokens[next]);
  if (gender) return { kind: "pronoun", gender };
  let end = next;
  while (end + 1 <= ceiling && !ctx.quoted[end + 1] && !/^[,.;:!?]$/.test(tokens[end + 1].text)) end++;
  if (end - next >= 8) return null;
  // "said Clinton campaign manager Robby Mook", "said the bureau's director, James Comey": a
  // name that only qualifies the description, then the person it describes.
  const named = namedInDescription(ctx, next, end, ceiling);
  if (named !== null) return { kind: "person", person: named };
  if (mention) return { kind: "person", person: mention.person };
  return subjectEndingAt(ctx, end, next);
}

/**
 * The person a description after an inverted verb names: the first name in it that is
 * neither a possessive nor a modifier, or the name set off by a comma right after it.
 */
function namedInDescription(ctx: ParagraphTokens, from: number, end: number, ceiling: number): number | null {
  const { tokens } = ctx.para;
  for (let k = from; k <= end; k++) {
    const m = ctx.mentionStartingAt.get(k);
    if (m && !m.candidate.possessive && !m.candidate.modifier) return m.person;
    // "said Ruiz in a statement to Tom Lake": past a preposition or a verb the description has ended.
    if (["ADP", "VERB", "SCONJ", "CCONJ"].includes(tokens[k].pos)) break;
  }
  const apposed = tokens[end + 1]?.text === "," && end + 2 <= ceiling ? ctx.mentionStartingAt.get(end + 2) : undefined;
  if (!apposed || apposed.candidate.possessive || ctx.quoted[end + 2]) return null;
  const after = tokens[apposed.candidate.lastToken + 1];
  return after === undefined || /^[,.;:!?]$/.test(after.text) ? apposed.person : null;
}
