// Organisations that speak: "CNN reported", "the Daily Ledger wrote", "The National
// Rifle Association said", "according to Reuters". A capitalised run that is not a
// person is an organisation when it is written as one: an acronym, a last word that
// names a body ("Committee", "News", "Inspectorate"), or a definite article before it.
// Only runs next to a reporting verb are collected: an organisation matters to
// attribution when it is the one speaking.
import { isHonorific } from "./names.js";
import { looksLikeOrganisationOrPlace } from "./people.js";
import { isRoleNoun, isTitleWord, nationalityOf } from "./role-nouns.js";
import type { AnalysedParagraph, Token } from "./text-analysis.js";

export interface OrganisationMention {
  /** The name as written, a leading lower-case "the" and a possessive dropped: "Daily Ledger", "The Harbour Times". */
  name: string;
  firstToken: number;
  lastToken: number;
  /** What makes it look like an organisation: an acronym, a body's word ("Committee"), "the" before it, or a lone proper noun ("Reuters"). */
  evidence: "acronym" | "body" | "definite" | "lone";
}

const ACRONYM = /^(?![IVXLC]+$)\p{Lu}{2,6}$/u; // not a Roman numeral ("Ruiz III")
const CAPITAL = /^\p{Lu}[\p{L}\p{M}.&'’-]*$/u;
const LINKS = new Set(["of", "for", "and", "&"]);
// Words that start sentences or name days and months: capitalised, but never an organisation's first word.
const NOT_FIRST = new Set(
  `a an this that these those his her its their our my your in on at by for from with to of and but or so if while when both all each either neither
  some many most several few other others another every any such
  after before since as although because he she they we i you it there here mr mrs ms dr monday tuesday wednesday
  thursday friday saturday sunday january february march april may june july august september october november december`.split(/\s+/),
);
// Suffixes of bodies that the organisation word list does not hold ("Inspectorate", "Directorate").
const BODY_SUFFIX = /(?:ate|ary|ion|ity|ment|ism|ics)$/;

function isOrganisationWord(t: Token): boolean {
  return CAPITAL.test(t.text) || ACRONYM.test(t.text);
}

/** Why a run of words reads as an organisation's name rather than a place's or a person's, or null. */
function organisationEvidence(words: string[], definite: boolean, loneProperNoun: boolean): OrganisationMention["evidence"] | null {
  const last = words[words.length - 1];
  // "The CEO", "Head of State", "the Egyptian": a person described, not a body. A role's
  // word inside a body's name describes nobody ("International Atomic Energy Agency").
  const describesPerson = (w: string) => isRoleNoun(w) || isTitleWord(w) || isHonorific(w) || nationalityOf(w) !== null;
  const roleOf = describesPerson(words[0]) && words.includes("of"); // "Head of State", "Chief of Staff"
  if (roleOf || isTitleWord(words[0]) || describesPerson(last) || (words.some(describesPerson) && !looksLikeOrganisationOrPlace([last]))) return null;
  if (words.some((w) => ACRONYM.test(w))) return "acronym";
  if (looksLikeOrganisationOrPlace(words) && !/^(?:east|west|north|south|street|road|avenue|river|sea|ocean|bay)$/i.test(last)) return "body";
  if (words.length > 1 && BODY_SUFFIX.test(last.toLowerCase()) && /^\p{Lu}/u.test(last)) return "body";
  if (definite) return "definite";
  return loneProperNoun ? "lone" : null;
}

// The last words of newspapers' and magazines' names, which take "The" as part of the name.
const PUBLICATION_WORDS = new Set(
  `times post journal guardian hill atlantic beast herald tribune globe economist telegraph independent observer chronicle gazette examiner inquirer register nation intercept spectator monitor dispatch courier ledger`.split(" "),
);

/**
 * The organisation-like capitalised runs of a paragraph, outside quotations and person
 * mentions. `taken[i]` is true for tokens that are quoted or part of a person's name.
 */
export function findOrganisationMentions(para: AnalysedParagraph, taken: readonly boolean[]): OrganisationMention[] {
  const { tokens } = para;
  const sentenceStarts = new Set(para.sentences.map((s) => s.firstToken));
  const found: OrganisationMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !isOrganisationWord(tokens[i]) || NOT_FIRST.has(tokens[i].text.toLowerCase())) continue;
    const articleAt = i - 1;
    const article = tokens[articleAt]?.text;
    const titledThe = tokens[i].text === "The" && !sentenceStarts.has(i);
    let end = i;
    while (end + 1 < tokens.length && !taken[end + 1]) {
      const next = tokens[end + 1];
      if (isOrganisationWord(next) && tokens[end].end < next.start) end++;
      else if (LINKS.has(next.text) && tokens[end + 2] && !taken[end + 2] && isOrganisationWord(tokens[end + 2])) end += 2;
      else break;
    }
    // "The" opening a sentence is the sentence's, not the name's, unless the name is a
    // newspaper's or a magazine's, which carry it ("The New York Times reports:").
    const first = (titledThe || (tokens[i].text === "The" && sentenceStarts.has(i))) && end > i ? i + 1 : i;
    const words = tokens.slice(first, end + 1).map((t) => t.text);
    const keepsThe = first > i && (titledThe || PUBLICATION_WORDS.has(words[words.length - 1].toLowerCase()));
    // A single word is an organisation only as a proper noun or an acronym ("Reuters", "CNN"), never an adjective.
    const lone = first === end && !ACRONYM.test(tokens[first].text);
    // A single word is an organisation only as a proper noun ("Reuters"), never an adjective ("Democratic").
    const definite = titledThe || article === "the";
    const possessive = /^['’]s?$/.test(tokens[end + 1]?.text ?? "");
    const evidence = lone && tokens[first].pos !== "PROPN" ? null : organisationEvidence(words, definite, lone);
    if (!possessive && evidence) {
      found.push({ name: (keepsThe ? ["The", ...words] : words).join(" "), firstToken: i, lastToken: end, evidence });
    }
    i = end;
  }
  return found;
}
