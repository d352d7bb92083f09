// The newsmakers of an article, each under one canonical full name with every
// spelling seen. A capitalised run is a person when the text says so: its first word
// is a common first name, or a title, role or honorific stands with it, or a
// person-like appositive follows; runs ending in words like "University", "Fund" or
// "Sea" are organisations and places. Once full names are known, a lone surname
// ("Dmitriev", "Mr Dmitriev", "Putin's") is a mention of the person with that surname.
// Authors and photographers are removed: they wrote or shot the story, they are not in it.
import { genderOfGivenName, isGivenName } from "./given-names.js";
import { findNameCandidates, isSyllablePairGivenName, withoutLeadingWords, type NameCandidate } from "./name-candidates.js";
import { isHonorific, nameKey, nameWordKey } from "./names.js";
import { genderOfRole, isAffiliation, isRoleNoun, isTitleWord } from "./role-nouns.js";
import { isSpeechVerbLemma } from "./speech-verbs.js";
import type { AnalysedParagraph, Token } from "./text-analysis.js";
import { isTitleCaseLine } from "./title-case-lines.js";
import type { PersonDraft } from "./types.js";

export interface Person {
  name: string;
  /** Every other spelling seen, honorifics included ("Mr Dmitriev"), possessives not. */
  aliases: string[];
  mentions: number;
  key: string;
  surnameKey: string;
  givenKey: string | null;
  roles: Set<string>;
  /** Stems of the words that described the person's role ("moldo", "energ"). */
  descriptors: Set<string>;
  gender: "female" | "male" | null;
  /** The text says the person uses they/them. */
  usesThey: boolean;
  /** The age the text gives ("Holt, 52,"), for "the 52-year-old". */
  age: number | null;
  /** Named in the headline or standfirst, so known to the reader before the body begins. */
  namedInContext: boolean;
}

export interface PersonMention {
  person: number; // index in people
  paragraph: number;
  candidate: NameCandidate;
}

export interface PeopleInText {
  people: Person[];
  /** Per paragraph, the person mentions in text order. */
  mentions: PersonMention[][];
}

/**
 * What an archive or a batch knows beyond one article: per surname key, the given-name
 * key of the person it names in full far more often than anyone else of that surname.
 */
export type KnownPeople = ReadonlyMap<string, { givenKey: string }>;

// Last words that make a capitalised run an organisation, a place or a thing.
const NON_PERSON_WORDS = new Set(
  `university college school academy institute fund bank office department ministry agency service council committee
  commission court party union house times news post journal herald tribune magazine review press media network channel
  company corporation corp inc ltd llc plc group holdings partners capital airlines airways motors technologies systems
  foundation association society organization organisation federation republic kingdom emirates states sea ocean river
  mountains mountain island islands valley bay gulf strait canal street avenue road square park bridge tunnel airport
  station hall center centre museum hospital church cathedral mosque palace castle tower building stadium arena club forum
  summit conference games cup league championship prize award awards act treaty accord agreement plan project program
  programme initiative operation forces force army navy guard police command brigade corps fleet administration
  government parliament senate congress assembly cabinet duma kremlin pentagon index exchange market war revolution day
  arabia america americas africa asia europe korea kong york zealand delhi angeles lanka east west north south coast
  peninsula strip heights region province county district city town village oblast krai state territory street
  board bureau authority coalition alliance caucus campaign pac panel tribunal institution
  corridor route pipeline highway railway railroad terminal zone`.split(/\s+/),
);

export function looksLikeOrganisationOrPlace(words: string[], introducedAsPerson = false): boolean {
  // "Chicago Teachers", "Young Republicans": a group named by its members, not a person.
  const last = words[words.length - 1];
  if (words.length > 1 && /[^s]s$/.test(last) && (isRoleNoun(last.slice(0, -1)) || isAffiliation(last))) return true;
  // A compass point after a first name, or in a name the text introduces as a person's
  // ("author Ada West", "Iker West, a lecturer,"), is a surname: "Ada North".
  const compassSurname = words.length === 2 && COMPASS.has(last.toLowerCase()) && (isGivenName(words[0]) || introducedAsPerson);
  // A family name before a Korean given name is one, whatever else it means: "Park Geun-hye".
  const familyFirst = words.length === 2 && isSyllablePairGivenName(last);
  return words.some((w, i) => NON_PERSON_WORDS.has(w.toLowerCase().replace(/['’]s$/, "")) && !(compassSurname && i === 1) && !(familyFirst && i === 0));
}

const COMPASS = new Set(["east", "west", "north", "south"]);

/** Whether a run's words could be a person's name at all: no organisation or place word, title, acronym or digit. */
function isPlausibleName(c: NameCandidate): boolean {
  // A title's word may be a surname after a first name or an initial ("Peter T. King", "Ana Bishop").
  const n = c.words.length;
  const surnameTitle = n >= 2 && (isGivenName(c.words[n - 2]) || /^\p{Lu}\.$/u.test(c.words[n - 2]));
  const introduced = c.roles.length > 0 || c.honorific !== null || c.appositive;
  if (looksLikeOrganisationOrPlace(c.words, introduced) || c.words.some((w, i) => isTitleWord(w) && !(surnameTitle && i === n - 1))) return false;
  return !c.words.some((w) => /^[A-Z]{2,}$/.test(w) || /\d/.test(w));
}

/** Whether a run of two or more words names a person, on the evidence written with it. */
function isPersonName(c: NameCandidate): boolean {
  if (c.words.length < 2 || c.words.length > 5 || !isPlausibleName(c)) return false;
  return isGivenName(c.words[0]) || c.roles.length > 0 || c.honorific !== null || c.appositive || c.related;
}

// A list of given names cannot know every first name ("Sigurd Vangen said"). What the
// article does with a name tells a reader it is a person's: it speaks ("Vangen said",
// "said Sigurd Vangen") or its last word comes back on its own as a surname does.
const SPEECH_SKIPPABLE = new Set(["ADV", "AUX", "PART"]);
const NAME_PARTICLES = new Set(["de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "ter", "bin", "ibn", "al", "el", "ben", "dos", "das", "do"]);
const BODY_WORD = /\p{Ll}{3,}(?:ate|ary|ion|ity|ment|ism|ics)$/u;

/** Whether the run is the subject of a reporting verb: "Sigurd Vangen said", "…," said Sigurd Vangen. */
function speaks(para: AnalysedParagraph, c: NameCandidate): boolean {
  const { tokens } = para;
  const reports = (i: number) => tokens[i] !== undefined && (tokens[i].pos === "VERB" || /ed$/.test(tokens[i].text)) && isSpeechVerbLemma(tokens[i].lemma);
  // "said Edwin Truman, a fellow at …": the verb before the name is enough, also with the
  // name's outlet or employer between them ("noted NBC's Dante Chinni", "said The Harbour
  // Ledger's Ona Vik").
  let before = c.firstToken - 1;
  if (/^['’]s$/.test(tokens[before]?.text ?? "")) {
    let k = before - 1;
    while (k >= 0 && /^\p{Lu}/u.test(tokens[k].text) && before - k <= 4) k--;
    if (k < before - 1) before = k;
  }
  if (reports(before) && !c.possessive) return true;
  let k = c.lastToken + 1;
  // "Ana Ruiz (D-Newport News) said": a party and place, or an age, in brackets after the name.
  if (tokens[k]?.text === "(") {
    const close = tokens.findIndex((t, i) => i > k && t.text === ")");
    if (close > k && close - k <= 8) k = close + 1;
  }
  if (tokens[k]?.text === ",") k = afterAppositive(tokens, k);
  while (tokens[k] && SPEECH_SKIPPABLE.has(tokens[k].pos)) k++;
  return reports(k);
}

/** How far an appositive between a name and its verb may run ("Ana Ruiz, a senior fellow at …, said"). */
const APPOSITIVE_REACH = 20;

/**
 * The token after an appositive opened by the comma at `comma` and closed by the next
 * comma, or -1 when no such appositive closes within reach: "Ana Ruiz, a senior fellow at
 * the Larkspur Institute, wrote" introduces a person as surely as "Ana Ruiz wrote".
 */
function afterAppositive(tokens: readonly Token[], comma: number): number {
  for (let k = comma + 1; k < tokens.length && k <= comma + APPOSITIVE_REACH; k++) {
    if (/^[.;:!?"“”()]$/.test(tokens[k].text)) return -1;
    if (tokens[k].text === ",") return k > comma + 1 ? k + 1 : -1;
  }
  return -1;
}

/** Whether an unfamiliar run is a person by the article's own evidence. */
function isEvidencedName(c: NameCandidate, para: AnalysedParagraph, aloneSurnames: Set<string>): boolean {
  if (c.words.length < 2 || c.words.length > 3 || !isPlausibleName(c) || c.modifier) return false;
  // Capitals inside a surname are common ("DuVernay", "McAllister", "LeBlanc"): a word needs a lower-case letter, not only lower case.
  if (!c.words.every((w) => /^\p{Lu}(?=[\p{L}\p{M}'’-]*\p{Ll})[\p{L}\p{M}'’-]+$/u.test(w) || /^\p{Lu}\.$/u.test(w) || NAME_PARTICLES.has(w))) return false;
  // "the Coastal Fisheries Inspectorate said": a last word that names a body is no surname.
  if (BODY_WORD.test(c.words[c.words.length - 1])) return false;
  // "The Daily Beast called them", "as the Washington Examiner reported": an article names a
  // publication, a body or a place so, never a person it does not otherwise know.
  if (para.tokens[c.firstToken - 1]?.text.toLowerCase() === "the") return false;
  return aloneSurnames.has(nameWordKey(c.words[c.words.length - 1])) || speaks(para, c) || signsQuote(para, c);
}

/** Whether the run signs the quotation before it, ending the paragraph: "“We are ashamed.” ― Pamela Padilla". */
function signsQuote(para: AnalysedParagraph, c: NameCandidate): boolean {
  const { tokens } = para;
  const after = tokens[c.lastToken + 1];
  return (
    /^[―—–-]$/.test(tokens[c.firstToken - 1]?.text ?? "") &&
    /^["”’']$/.test(tokens[c.firstToken - 2]?.text ?? "") &&
    (after === undefined || (after.text === "." && tokens[c.lastToken + 2] === undefined))
  );
}

/** The same candidate with only its first `keep` words ("Ben Okafor Defends" → "Ben Okafor"). */
function keepLeadingWords(para: AnalysedParagraph, c: NameCandidate, keep: number): NameCandidate {
  const lastToken = c.wordTokens[keep - 1];
  const words = c.words.slice(0, keep);
  const name = words.join(" ");
  return { ...c, words, name, spelling: c.honorific ? `${c.honorific} ${name}` : name, wordTokens: c.wordTokens.slice(0, keep), lastToken, end: para.tokens[lastToken].end, possessive: false, modifier: false };
}

/** The same candidate with only the words from `from` to before `to`. */
function slice(para: AnalysedParagraph, c: NameCandidate, from: number, to: number): NameCandidate {
  const kept = keepLeadingWords(para, c, to);
  return from ? withoutLeadingWords(para, kept, from) : kept;
}

/**
 * In a title-case line ("Ana Ruiz Slams Tom Lake"), a run keeps the words the article
 * also writes as names in its prose, and first names; the others are the headline's own
 * words and split the run: "Ana Ruiz", "Tom Lake". A run none of whose words the prose
 * names is left as it is: the line is then all the evidence there is.
 */
function splitTitleCaseRun(para: AnalysedParagraph, c: NameCandidate, nameWords: Set<string>): NameCandidate[] {
  const supported = c.words.map((w) => nameWords.has(nameWordKey(w)) || isGivenName(w) || /^\p{Lu}\.$/u.test(w));
  if (!c.words.some((w) => nameWords.has(nameWordKey(w)))) return [c];
  const parts: NameCandidate[] = [];
  for (let from = 0; from < c.words.length; from++) {
    if (!supported[from]) continue;
    let to = from;
    while (to < c.words.length && supported[to]) to++;
    parts.push(slice(para, c, from, to));
    from = to;
  }
  return parts;
}

/**
 * Capitalised words the article writes before two or more different names ("Democrat
 * Ana Ruiz", "Democrat Tom Lake"), and role nouns in the singular or plural ("Reporter",
 * "Professors"): labels, not first names.
 */
function nameLabels(candidates: readonly NameCandidate[]): Set<string> {
  const follows = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.words.length < 3) continue;
    const rest = c.words.slice(1).join(" ");
    follows.set(c.words[0], (follows.get(c.words[0]) ?? new Set()).add(rest));
  }
  const labels = new Set([...follows].filter(([, names]) => names.size >= 2).map(([w]) => w));
  for (const c of candidates) if (c.words.length >= 3 && (isRoleNoun(c.words[0]) || isRoleNoun(c.words[0].replace(/s$/, "")))) labels.add(c.words[0]);
  return labels;
}

/**
 * A word that labels whoever follows it, never a name of its own: a party ("Democrat
 * Ana Ruiz", "Republicans Lake") or a role in the plural ("Senators Lake and Holt",
 * "Sens. Lake and Holt").
 * It is cut even from a run of two words, leaving the surname.
 */
function isLabelWord(word: string): boolean {
  if (isGivenName(word)) return false;
  // "Sens. Lake and Holt", "Reps. Ruiz and Lake": an abbreviated title in the plural too.
  const bare = word.replace(/(?<=\p{L}{2})\.$/u, "");
  return isAffiliation(word) || (/[^s]s$/.test(bare) && isRoleNoun(bare.slice(0, -1)));
}

/**
 * Capitalised words glued to a name by a headline or a sentence start: "Year Ana Ruiz",
 * "Reporter Ana Ruiz", "Ana Ruiz Says". An edge word of a run of three or more that the
 * article also writes in lower case ("year", "says"), or that stands before a first
 * name without being one, is not part of the name. Two words are always kept.
 */
function trimCommonEdges(para: AnalysedParagraph, c: NameCandidate, lowerWords: Set<string>, labels: Set<string>): NameCandidate {
  const common = (w: string) => (lowerWords.has(w.toLowerCase()) || labels.has(w)) && !isGivenName(w);
  // "Minister for Resources Naja Kristiansen": the end of a title chain runs into the name.
  const before = para.tokens[c.wordTokens[0] - 1]?.text ?? "";
  const afterTitleChain = /^(?:of|for)$/.test(before) && para.tokens.slice(Math.max(0, c.wordTokens[0] - 4), c.wordTokens[0] - 1).some((t) => isTitleWord(t.text));
  let drop = 0;
  // At a sentence's start a capital says nothing: "Celebrities Ana Ruiz", before a first name, is no name.
  const opensSentence = para.sentences.some((s) => s.firstToken === c.wordTokens[0]);
  while (c.words.length - drop > 1 && isLabelWord(c.words[drop])) drop++;
  // A label introduces a person as a title does: "Republicans Okafor" is Mr Okafor.
  if (drop) c = { ...withoutLeadingWords(para, c, drop), introduced: true };
  drop = 0;
  while (
    c.words.length - drop > 2 &&
    (common(c.words[drop]) || (opensSentence && drop === 0 && !isGivenName(c.words[0]) && isGivenName(c.words[1])) || (afterTitleChain && !isGivenName(c.words[drop])))
  )
    drop++;
  let result = drop ? withoutLeadingWords(para, c, drop) : c;
  // "Ana Ruiz Rejects Harbour Toll …", a headline quoted in the prose: a word the tagger reads
  // as an inflected verb after two name words ends the name.
  const verbAt = result.wordTokens.findIndex((t, i) => i >= 2 && para.tokens[t].pos === "VERB" && /\p{Ll}(?:s|ing|ed)$/u.test(result.words[i]) && !isGivenName(result.words[i]));
  if (verbAt >= 2) result = keepLeadingWords(para, result, verbAt);
  let keep = result.words.length;
  // "Ana Ruiz Miss", "Ana Ruiz Senator": an honorific or title never ends a name.
  // After a middle initial the last word is the surname, whatever else it means ("Peter T. King").
  while (keep > 2 && !/^\p{Lu}\.$/u.test(result.words[keep - 2]) && (common(result.words[keep - 1]) || isHonorific(result.words[keep - 1]) || isTitleWord(result.words[keep - 1]))) keep--;
  if (keep < result.words.length) result = keepLeadingWords(para, result, keep);
  return result;
}

/** Whether a single capitalised word is introduced as a person: "Mr Lake", "President Ruiz", "envoy Lake". */
function isIntroducedSurname(c: NameCandidate): boolean {
  return (
    // After "Mr."/"Ms." even a title's word is a surname: "Mr. King said".
    c.words.length === 1 && !looksLikeOrganisationOrPlace(c.words) && (!isTitleWord(c.words[0]) || c.honorific !== null) && !/-/.test(c.words[0]) && c.introduced
  );
}

// Slavic and Central Asian surnames carry gender: Ivanova, Sarsenbayeva, Kowalska are women.
function genderOfSurname(surname: string): "female" | "male" | null {
  if (/(?:ova|eva|yeva|ina|aya|ska|cka|ová)$/i.test(surname)) return "female";
  if (/(?:ov|ev|yev|in|sky|ski|skiy|skyi|cki)$/i.test(surname)) return "male";
  return null;
}

/**
 * Country and region names written between a title and a name ("Prime Minister of
 * Hungary Gábor Szentes") run into the name. A leading word that the text also uses
 * on its own is such a place, not a first name.
 */
function trimLeadingPlaces(para: AnalysedParagraph, c: NameCandidate, standalone: Set<string>): NameCandidate {
  let drop = 0;
  while (c.words.length - drop > 2 && standalone.has(nameWordKey(c.words[drop])) && !isGivenName(c.words[drop])) drop++;
  return drop ? withoutLeadingWords(para, c, drop) : c;
}

function newPerson(c: NameCandidate): Person {
  const words = c.words;
  // "Ban Ki-moon" is Mr Ban: the family name comes first.
  const familyFirst = words.length === 2 && isSyllablePairGivenName(words[1]);
  return {
    name: c.name,
    aliases: [],
    mentions: 0,
    key: nameKey(c.name),
    surnameKey: nameWordKey(familyFirst ? words[0] : words[words.length - 1]),
    givenKey: words.length > 1 ? nameWordKey(familyFirst ? words[1] : words[0]) : null,
    roles: new Set(),
    descriptors: new Set(),
    gender: null,
    usesThey: false,
    age: null,
    namedInContext: false,
  };
}

function noteEvidence(person: Person, c: NameCandidate): void {
  for (const role of c.roles) person.roles.add(role);
  for (const d of c.descriptors) person.descriptors.add(d);
  person.age ??= c.age;
  person.gender ??=
    c.gender ??
    (c.words.length > 1 ? genderOfGivenName(c.words[0]) : null) ??
    c.roles.map(genderOfRole).find(Boolean) ??
    (c.words.length > 1 ? genderOfSurname(c.words[c.words.length - 1]) : null) ??
    null;
}

function noteMention(person: Person, c: NameCandidate): void {
  person.mentions++;
  noteEvidence(person, c);
  // The fullest spelling is the canonical name; every other spelling is an alias. Of two
  // spellings with as many words, the longer is the fuller: a slip drops a letter more
  // often than it adds one ("Philip" for "Phillip").
  const words = person.name.split(" ").length;
  if (c.words.length > words || (c.words.length === words && c.name.length > person.name.length)) {
    person.aliases.push(person.name);
    person.name = c.name;
  }
  for (const spelling of [c.name, c.spelling]) {
    if (spelling !== person.name && !person.aliases.includes(spelling)) person.aliases.push(spelling);
  }
}

/**
 * The one person whose full name holds `words` after its first word: "Valdivieso" or
 * "Rodrigo Valdivieso" for "Rodrigo Valdivieso Araya" (Spanish and Portuguese names
 * carry two surnames and later references keep the first), "von der Leyen" for
 * "Ursula von der Leyen Brandt". Null when nobody or more than one person fits.
 */
export function surnameInsideKnownName(people: readonly Person[], words: readonly string[]): number | null {
  const wanted = nameKey(words.join(" ")).split(" ");
  if (!wanted[0]) return null;
  let found: number | null = null;
  for (let i = 0; i < people.length; i++) {
    const own = nameKey(people[i].name).split(" ");
    // A prefix of the full name that ends on a surname ("Rodrigo Valdivieso") counts too,
    // but the first word alone is a first name, which the lone-first-name rule handles.
    const from = words.length > 1 ? 0 : 1;
    let fits = false;
    for (let at = from; at + wanted.length <= own.length && !fits; at++) {
      fits = wanted.every((w, k) => own[at + k] === w) && (at > 0 || wanted.length < own.length);
    }
    if (!fits) continue;
    if (found !== null) return null;
    found = i;
  }
  return found;
}

const LOWER_CASE_WORD = /^\p{Ll}+$/u;

/** Whether a token is lower-case letters only; asked of every token, so plain ASCII is read without a regex. */
function isLowerCaseWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return LOWER_CASE_WORD.test(text);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return text.length > 0;
}

// "who uses they/them pronouns", "(they/them)": the text tells how to refer to the person.
const THEY_THEM = /\bthey\/them\b/i;

/**
 * Finds the people named in analysed body paragraphs. `exclude` lists authors,
 * editors and photographers, who are never newsmakers of the article they made;
 * `context` (headline, standfirst) helps recognise full names but counts no mentions;
 * `knownBySurname` settles a lone surname that several people of the article share.
 */
export function findPeople(
  paragraphs: readonly AnalysedParagraph[],
  exclude: readonly string[] = [],
  context: readonly AnalysedParagraph[] = [],
  knownBySurname: KnownPeople = new Map(),
): PeopleInText {
  const excluded = new Set(exclude.map(nameKey));
  const texts = [...paragraphs, ...context];
  const lowerWords = new Set<string>();
  for (const t of texts) for (const k of t.tokens) if (isLowerCaseWord(k.text)) lowerWords.add(k.text);
  const titleCase = texts.map((t) => isTitleCaseLine(t, lowerWords));
  const found = texts.map(findNameCandidates);
  const proseNameWords = new Set<string>();
  found.forEach((list, i) => {
    if (!titleCase[i]) for (const c of list) for (const w of c.words) proseNameWords.add(nameWordKey(w));
  });
  const labels = nameLabels(found.flat());
  const raw = found.map((list, i) =>
    (titleCase[i] ? list.flatMap((c) => splitTitleCaseRun(texts[i], c, proseNameWords)) : list).map((c) => trimCommonEdges(texts[i], c, lowerWords, labels)),
  );
  const standalone = new Set(raw.flat().filter((c) => c.words.length === 1 && !c.modifier).map((c) => nameWordKey(c.words[0])));
  const candidates = raw.map((list, i) => list.map((c) => trimLeadingPlaces(texts[i], c, standalone)));
  const people: Person[] = [];
  const byKey = new Map<string, number>();

  // Full names first, so that a surname written before its full name still finds it.
  const personFor = (c: NameCandidate): number | null => {
    const existing = byKey.get(nameKey(c.name));
    if (existing !== undefined) return existing;
    const surname = nameWordKey(c.words[c.words.length - 1]);
    const given = nameWordKey(c.words[0]);
    // "Anna Luna" and "Anna Paulina Luna": same first name and surname, one person.
    const sameParts = people.findIndex((p) => p.surnameKey === surname && p.givenKey === given);
    if (sameParts >= 0) return sameParts;
    return endOfKnownName(c) ?? knownNameLengthened(c);
  };
  // "Rodrigo Valdivieso" first, "Rodrigo Valdivieso Araya" later: the same person, named in full.
  const knownNameLengthened = (c: NameCandidate): number | null => {
    const key = nameKey(c.name);
    const found = people.flatMap((p, i) => (p.key.split(" ").length >= 2 && key.startsWith(`${p.key} `) ? [i] : []));
    return found.length === 1 ? found[0] : null;
  };
  // "von der Leyen" after "Ursula von der Leyen": the end of a known full name.
  const endOfKnownName = (c: NameCandidate): number | null => {
    if (c.words.length < 2) return null;
    const key = ` ${nameKey(c.name)}`;
    const found = people.findIndex((p) => p.key.endsWith(key));
    return found >= 0 ? found : surnameInsideKnownName(people, c.words);
  };
  // "Aurelija Kairienė … Ms Kairienė": a surname the text introduces as a person's
  // ("Ms", "Dr.", "Governor") makes the full name that ends with it a person, even when
  // the first name is unfamiliar.
  const introducedSurnames = new Set(candidates.flat().filter(isIntroducedSurname).map((c) => nameWordKey(c.words[0])));
  const isConfirmedFullName = (c: NameCandidate): boolean =>
    c.words.length >= 2 && c.words.length <= 3 && introducedSurnames.has(nameWordKey(c.words[c.words.length - 1])) && isPlausibleName(c);
  // A word alone that is also a given name ("said Joseph") is a surname when no name in the
  // article starts with it ("Amelize Joseph … said Joseph").
  const firstWords = new Set(candidates.flat().filter((c) => c.words.length > 1).map((c) => nameWordKey(c.words[0])));
  const aloneSurnames = new Set(
    candidates
      .flat()
      .filter((c) => c.words.length === 1 && !c.modifier && (!isGivenName(c.words[0]) || !firstWords.has(nameWordKey(c.words[0]))))
      .map((c) => nameWordKey(c.words[0])),
  );
  for (const [i, list] of candidates.entries()) {
    for (const c of list) {
      const person = isPersonName(c) || isConfirmedFullName(c) || (!titleCase[i] && isEvidencedName(c, texts[i], aloneSurnames));
      if (!person || excluded.has(nameKey(c.name))) continue;
      const index = personFor(c) ?? people.push(newPerson(c)) - 1;
      byKey.set(nameKey(c.name), index);
    }
  }

  // A lone first name ("Rosie told …") is a mention when one person has it and nobody has it as a surname.
  const givenOwners = new Map<string, number[]>();
  people.forEach((p, i) => p.givenKey && givenOwners.set(p.givenKey, [...(givenOwners.get(p.givenKey) ?? []), i]));
  const surnames = new Set(people.map((p) => p.surnameKey));

  const mentions: PersonMention[][] = paragraphs.map(() => []);
  // A lone surname shared by two people ("Trump") is the one named most recently.
  const lastOfSurname = new Map<string, number>();
  // How often each person is named with more than the surname: the article's protagonist
  // is named in full again and again, a relative or namesake once.
  const fullMentions = people.map(() => 0);
  for (const c of candidates.flat()) {
    const i = c.words.length > 1 ? byKey.get(nameKey(c.name)) : undefined;
    if (i !== undefined) fullMentions[i]++;
  }
  // The people of each surname the headline names: "Clinton" in a story headlined about Chelsea Clinton is Chelsea.
  const inHeadline = new Set<number>();
  for (const list of candidates.slice(paragraphs.length)) for (const c of list) {
    const i = byKey.get(nameKey(c.name));
    if (i !== undefined && c.words.length > 1) inHeadline.add(i);
  }
  /**
   * A lone surname shared by several people: the one an honorific's gender allows, named
   * in full at least twice as often as any other; else the one the headline names; else
   * the one the archive knows best by that surname ("Clinton" beside Bill and Hillary
   * Clinton); else the one named last.
   */
  const ownerOfSurname = (word: string, c: NameCandidate): number | undefined => {
    const owners = people.flatMap((p, i) => (p.surnameKey === word && (c.gender === null || p.gender === null || p.gender === c.gender) ? [i] : []));
    if (owners.length <= 1) return owners[0] ?? lastOfSurname.get(word);
    const ranked = [...owners].sort((a, b) => fullMentions[b] - fullMentions[a]);
    if (fullMentions[ranked[0]] >= 2 * fullMentions[ranked[1]]) return ranked[0];
    const headlined = owners.filter((i) => inHeadline.has(i));
    if (headlined.length === 1) return headlined[0];
    const known = knownBySurname.get(word);
    const best = known === undefined ? [] : owners.filter((i) => people[i].givenKey === known.givenKey);
    if (best.length === 1) return best[0];
    const last = lastOfSurname.get(word);
    return last !== undefined && owners.includes(last) ? last : ranked[0];
  };
  candidates.forEach((list, paragraph) => {
    for (const c of list) {
      let index: number | undefined = byKey.get(nameKey(c.name)) ?? endOfKnownName(c) ?? undefined;
      if (index === undefined && c.words.length === 1) {
        const word = nameWordKey(c.words[0]);
        // "the Guardian", "the Post": a definite article before a lone capitalised word names a thing, not a person.
        if (/^the$/i.test(texts[paragraph].tokens[c.firstToken - 1]?.text ?? "") && !c.introduced) continue;
        index = ownerOfSurname(word, c) ?? -1;
        if (index < 0) index = isGivenName(c.words[0]) ? undefined : surnameInsideKnownName(people, c.words) ?? undefined;
        // A hyphenated word ("Putin-Trump", "so-called") is a mention only as a known surname ("Al-Khazraji").
        if (index === undefined && /-/.test(c.words[0])) continue;
        const owners = givenOwners.get(word);
        if (index === undefined && owners?.length === 1 && !surnames.has(word)) index = owners[0];
        if (index === undefined && isIntroducedSurname(c) && !excluded.has(nameKey(c.name))) {
          index = people.push(newPerson(c)) - 1;
          byKey.set(nameKey(c.name), index);
        }
      }
      if (index === undefined) continue;
      if (paragraph >= paragraphs.length) {
        noteEvidence(people[index], c); // headline or standfirst: evidence, not a mention of the body
        people[index].namedInContext = true;
        continue;
      }
      noteMention(people[index], c);
      const para = paragraphs[paragraph];
      if (THEY_THEM.test(para.text.slice(c.end, c.end + 60))) people[index].usesThey = true;
      lastOfSurname.set(people[index].surnameKey, index);
      mentions[paragraph].push({ person: index, paragraph, candidate: c });
    }
  });
  return { people, mentions };
}

/** The people as the article draft lists them. */
export function toPersonDrafts(people: readonly Person[]): PersonDraft[] {
  return people.filter((p) => p.mentions > 0).map((p) => ({ name: p.name, aliases: p.aliases, mentions: p.mentions }));
}
