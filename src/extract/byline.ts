// Who made the article. Outlets credit writers in a "By …" line (top or bottom),
// "Exclusive by …", "Written by … · Edited by …", a bare name line under the
// headline, a live-blog "Ana Ruiz (now) and Tom Lake (earlier)", a wire sign-off
// "(Reporting by …; Editing by …)" or a closing bio ("Ana Ruiz is a reporter with
// The Herald."). Writers are the byline; editors, photographers and contributors are
// credits: named on the page, but neither authors nor newsmakers. Agencies and
// desks ("Reuters", "Staff") are sources, not people.
import { isTitleWord } from "./role-nouns.js";

export interface CreditLine {
  authors: string[];
  credits: string[];
}

// "and" as writers in French, German, Spanish, Portuguese and Italian bylines write it.
const CONNECTOR = /\s*(?:,|;|&|\b(?:and|et|und|y|e)\b)\s*/;
const NAME_WORD = /^(?:[A-Z][\p{L}'’-]*\.?|(?:[A-Z]\.)+|(?:de|da|del|der|di|du|la|le|van|von|bin|al|el|ibn)|Mc[A-Z]\p{L}*)$/u;
const NOT_AUTHORS = /^(?:reuters|associated press|ap|afp|bloomberg|tass|ria novosti|xinhua|interfax|dpa|efe|ansa|anadolu|staff|staff writers?|agencies|wires?|news desk|editorial board|the editorial office)$/i;
const ACRONYM = /^[A-Z]{2,}$/;
// Newsroom job titles written after a writer's name: ", Chief Football Writer", ", Showbiz Editor".
const NEWSROOM_TITLE = /\b(?:writer|editor|correspondent|reporter|columnist|journalist|producer|contributor|staff|desk|bureau chief)s?\b/i;

/** "HALIMA YUSUF" → "Halima Yusuf"; names already in mixed case are kept. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function isNameLike(part: string): boolean {
  const words = part.split(/\s+/);
  return words.length >= 1 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && !words.some((w) => isTitleWord(w));
}

/**
 * Splits "Ana Ruiz, Tom Lake and Li Wei" into names, dropping places ("in Kyiv"),
 * job titles (", Chief Football Writer") and agencies. Null when a part is not a name.
 */
function namesIn(list: string): string[] | null {
  const cleaned = list
    .replace(/\([^)]*\)/g, " ") // "(now)", "(earlier)"
    .replace(/\s+in\s+[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)*/gu, " ") // "in Chisinau"
    .replace(/\s+/g, " ")
    .replace(/[.,;:\s]+$/, "")
    .trim();
  const names: string[] = [];
  for (const part of cleaned.split(CONNECTOR).map((p) => p.trim()).filter(Boolean)) {
    if (NOT_AUTHORS.test(part) || ACRONYM.test(part)) continue;
    // "Chief Football Writer", "Showbiz Editor": a job title after the name.
    if (NEWSROOM_TITLE.test(part)) {
      if (names.length) continue;
      return null;
    }
    if (!isNameLike(part)) return null;
    names.push(titleCase(part));
  }
  return names;
}

// "Reviewed by …" signs a review: the reviewer is its writer.
const AUTHOR_VERBS = /^(?:by|exclusive by|written by|reviewed by|words by|words|text by|story by|reporting by|reported by|writing by|interview by|analysis by)$/i;
const CREDIT_VERBS = /^(?:edited by|editing by|additional reporting by|photos? by|photography by|pictures by|graphics? by|illustrations? by|video by|translated by|compiled by|produced by|fact-checked by|research by|design by)$/i;
const LABELLED = /^((?:[A-Za-z-]+\s+){0,2}by):?\s+(.+)$/i;
const SEPARATORS = /\s+[|·•∙]\s+|\s*;\s*/;
const DETAIL = /^(?:[A-Z][\p{L}]+(?: [A-Z][\p{L}]+)?|\d[\d/.: -]*(?:[A-Z]{2,4})?|[A-Z][a-z]{2} \d.*)$/u; // "Madrid", "17/11/2024 - 12:05 CET"

/** One "Written by …" segment → its names and whether they are authors or credits. */
function readSegment(segment: string): { kind: "author" | "credit"; names: string[] } | null {
  const match = LABELLED.exec(segment.trim().replace(/^\(|\)$/g, ""));
  if (!match) return null;
  const label = match[1].toLowerCase().replace(/\s+/g, " ");
  const kind = AUTHOR_VERBS.test(label) ? "author" : CREDIT_VERBS.test(label) ? "credit" : null;
  if (!kind) return null;
  const names = namesIn(match[2]);
  return names ? { kind, names } : null;
}

/**
 * Reads a line that credits the piece: "By Ana Ruiz and Tom Lake", "By Ana Ruiz |
 * Madrid | 17/11/2024", "Exclusive by Ana Ruiz, Showbiz Editor", "Written by Ana Ruiz ·
 * Edited by Tom Lake", "(Reporting by Ana Ruiz in Kyiv; Editing by Tom Lake)". Null
 * when the block is something else.
 */
export function readCreditLine(block: string): CreditLine | null {
  if (block.length > 300) return null;
  const segments = block.trim().replace(/^[(—–-]\s*|\)$/g, "").split(SEPARATORS).filter(Boolean);
  const line: CreditLine = { authors: [], credits: [] };
  let labelled = false;
  for (const segment of segments) {
    const read = readSegment(segment);
    if (read) {
      labelled = true;
      (read.kind === "author" ? line.authors : line.credits).push(...read.names);
    } else if (!labelled || !DETAIL.test(segment.trim())) {
      return null; // the first segment must be a credit; later ones may be a place or a time
    }
  }
  return labelled ? line : null;
}

/**
 * A line that is only a writer's name, as set under a headline: "Kari Elstad",
 * "Harriet Quayle in Chisinau", "Ana Ruiz (now) and Tom Lake (earlier)".
 */
export function readBareNameLine(block: string): string[] | null {
  if (block.length > 120 || /[.!?:"“”]$/.test(block)) return null;
  const names = namesIn(block);
  return names && names.length > 0 && names.every((n) => n.split(" ").length >= 2) ? names : null;
}

// "Ana Ruiz is a Local Journalism Initiative reporter with The Herald.", "Ana Ruiz is
// the Herald's Gulf correspondent." (the outlet's name in the possessive).
const BIO_LINE = /^([A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){1,3}) is (?:a|an|the) (?:[\p{L}'’-]+ ){0,5}(?:reporter|correspondent|writer|journalist|editor|columnist|contributor|freelancer)\b.{0,120}$/u;
// "PAP writer Ana Ruiz in Lagos contributed to this report.", "Associated Press writer
// Ana Ruiz contributed from Manila.", "Ana Ruiz contributed reporting."
const CONTRIBUTOR_LINE =
  /^(?:[\p{L}.&' ]{0,40}?\b(?:writers?|reporters?|correspondents?|journalists?|photographers?|staff)\s+)?((?:[A-Z][\p{L}'’.-]+ ?){2,4})(?:,? (?:in|from) [A-Z][\p{L} ,]+?)? contributed(?: reporting| (?:to )?(?:this|the) (?:report|story|article))?(?: (?:from|in) [A-Z][\p{L} ,]+)?\.?$/u;

/** A closing bio ("… is a reporter with …") → its writer; a contributor line → a credit. */
export function readClosingCredit(block: string): CreditLine | null {
  const bio = BIO_LINE.exec(block);
  if (bio) return { authors: [bio[1]], credits: [] };
  const contributor = CONTRIBUTOR_LINE.exec(block);
  if (contributor) return { authors: [], credits: [contributor[1].trim()] };
  return null;
}

/** A newsroom job title on its own line under a byline: "Local Democracy Reporter", "Chief Political Correspondent". */
export function isNewsroomTitleLine(block: string): boolean {
  return block.split(/\s+/).length <= 5 && !/[.!?]$/.test(block) && NEWSROOM_TITLE.test(block) && /^[A-Z]/.test(block);
}
