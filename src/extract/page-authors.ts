// Who wrote a page, as its markup states it: a schema.org `author` (Person objects, plain
// names, lists of either), an author meta tag, or the byline element a template marks as
// one (rel=author, itemprop=author, a class or id naming a byline). A stated name is
// read as a name, not as a sentence: "By" or its French, Spanish, German or Dutch
// equivalent is dropped, a middle name set in brackets is kept ("Ana (María) Ruiz"), a
// bracketed "with …" adds co-writers, and names in scripts without capitals (Chinese,
// Japanese, Korean) are taken as written. Organisations named as author (the outlet, an
// agency, a desk) and photo credits are not writers.
import { readCreditLine } from "./byline.js";
import { isSameOutlet } from "./outlet-inference.js";

type Json = Record<string, unknown>;

const BY = /^\s*(?:by|par|por|von|door)\b\s*:?\s*/i;
// "(avec Ana Ruiz et Tom Lake)", "(with …)": co-writers named after the lead writer.
const WITH = /\(\s*(?:with|avec|con|mit|met|com)\s+([^)]+)\)/giu;
// "Ana (María) Ruiz": brackets between two parts of one name hold a middle name.
const MIDDLE = /(\p{L})\s+\(([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)*)\)\s+(?=\p{Lu})/gu;
// Writing systems without capital letters, where the credit-line reader cannot tell a name by its case.
const UNCASED_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Arabic}\p{Script=Hebrew}·・ ]{2,20}$/u;
const UNCASED_SEPARATORS = /\s*[,，、;；/]\s*/u;
const LONGEST_STATEMENT = 200;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
// A byline element often holds the date after the name, with or without a space:
// "By Ana Ruiz March 11, 2015 3:46 PM", "by Ana Ruiz22 Dec 2016", "Ana Ruiz 03/11/2015".
const DATE_TAIL = new RegExp(String.raw`\s*(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+${MONTH}\s+\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}).*$`, "i");

/** A name field's value ("By Ana Ruiz and Tom Lake", "Ana (María) Ruiz", "李明") → the writers it names. */
export function namesFromStatement(value: string, outlet: string | null = null): string[] {
  const clean = value.replace(/\s+/g, " ").trim();
  if (!clean || /^https?:\/\//.test(clean) || clean.length > LONGEST_STATEMENT) return [];
  const uncased = clean.replace(BY, "").split(UNCASED_SEPARATORS).filter(Boolean);
  if (uncased.length && uncased.every((name) => UNCASED_NAME.test(name))) return uncased;
  const unwrapped = clean.replace(DATE_TAIL, "").replace(MIDDLE, "$1 $2 ").replace(WITH, ", $1").replace(BY, "");
  const credit = readCreditLine(`By ${unwrapped}`);
  return (credit?.authors ?? []).filter((name) => outlet === null || !isSameOutlet(name, outlet));
}

const typesOf = (node: Json): string[] => [node["@type"]].flat().filter((t): t is string => typeof t === "string");

/** Names of a schema.org `author` value that are people: Person objects, or plain names. */
export function namesFromSchemaAuthor(value: unknown, outlet: string | null): string[] {
  const names: string[] = [];
  for (const author of [value].flat()) {
    if (typeof author === "string") names.push(...namesFromStatement(author, outlet));
    else if (author && typeof author === "object") {
      const node = author as Json;
      if (typesOf(node).some((t) => t !== "Person")) continue; // Organization, NewsMediaOrganization: a source, not a writer
      const name = [node.name].flat()[0];
      if (typeof name === "string") names.push(...namesFromStatement(name, outlet));
    }
  }
  return names;
}

// Byline elements as templates mark them, most explicit first. Within one kind the first in
// the page wins: the article's byline comes before those of teasers lower down.
const BYLINE_SELECTORS = ['[itemprop~="author"]', '[rel~="author"]', '[class*="byline"], [id*="byline"], [class*="Byline"]', '[class*="author"]'];
// Where other people's names sit: comments, related stories, asides, footers, figures and
// their captions (a photographer's credit). Class names only, and not "credit", "caption" or
// "share": templates call the byline row a credit bar and put it in a "caption meta" list
// beside the share buttons.
const ELSEWHERE = /comment|related|recommend|promo|sidebar|footer|newsletter|more-from|read-more|teaser/i;
const LONGEST_BYLINE = 120;

function isElsewhere(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (tag === "ASIDE" || tag === "FOOTER" || tag === "NAV" || tag === "FIGURE" || tag === "FIGCAPTION") return true;
    if (ELSEWHERE.test(node.getAttribute("class") ?? "")) return true;
  }
  return false;
}

/** The text an author element states its name with: a nested itemprop=name, a meta's content, or its own text. */
function statedName(element: Element): string {
  const named = element.querySelector('[itemprop~="name"]');
  const source = named ?? element;
  return (source.getAttribute("content") ?? source.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** The writers named by the page's first byline element that reads as one. */
export function authorsInMarkup(document: Document, outlet: string | null): string[] {
  for (const selector of BYLINE_SELECTORS) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (element.tagName.toUpperCase() === "BODY" || element.tagName.toUpperCase() === "HTML" || isElsewhere(element)) continue;
      const text = statedName(element);
      if (!text || text.length > LONGEST_BYLINE) continue;
      const names = namesFromStatement(text, outlet);
      if (names.length) return [...new Set(names)];
    }
  }
  return [];
}
