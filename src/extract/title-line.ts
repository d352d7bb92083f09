// The title line at the top of a page, and the navigation above it. A title is one
// short line that does not read as a sentence of reporting. Most titles carry no
// closing punctuation, but some exports end them with a full stop (PolNeAR's texts,
// outlets that punctuate their headlines) or with the ";" that joined title and deck;
// that mark belongs to the layout, not to the headline, and is dropped. A lede opening
// a page that has no title is told apart by what reporting carries and titles leave
// out: "said", "told", a weekday, "yesterday", a dateline.
import { readDateline } from "./dateline.js";
import { isSameOutlet } from "./outlet-inference.js";
import { wordCount } from "./page-furniture.js";

const LONGEST_HEADLINE_WORDS = 30;
// A title that ends in a full stop is held to a headline's length; a lede runs longer.
const LONGEST_STOPPED_TITLE_WORDS = 20;
// Two sentences ("The pier closed. Repairs start today.") are prose, not a title. A
// full stop after an abbreviation or an initial ("St. Paul", "Roe v. Wade") is no break.
const SENTENCE_BREAK = /(?<!\b(?:St|Mt|Ft|Mr|Mrs|Ms|Dr|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Rev|Prof|vs?|No|Inc|Co|Corp|Ave|Blvd))(?<=[\p{L}\d]{2}|["”’')])\.["”’']?\s+["“‘]?\p{Lu}/u;
// What a lede has and a title leaves out. "Tuesday’s Morning Email" is a name, not a day of reporting.
const REPORTING = /\b(?:said|told|according to|yesterday|last (?:night|week)|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?!['’]s))\b/i;
// "… in Washington, D.C." or "… Jr.": the full stop is part of the last word.
const ABBREVIATION_END = /(?:(?:^|[\s(])(?:\p{Lu}\.){2,}|\b(?:Jr|Sr|Inc|Co|Ltd|St|Mt|Dr|Mr|Mrs|Ms|No)\.)$/u;
// A closing full stop, outside or inside a closing quote mark: "… to Iowa.", "… ‘Genocide.’"
const CLOSING_STOP = /\.(["”’']?)$/;

// "KANO, Nigeria (HPA) — Police said …" opens a lede; "EXCLUSIVE: In memo, …" and "AP: …" are a title's kicker.
const opensWithDateline = (block: string) => readDateline(block) !== null && !/^[^:]{1,40}:\s/.test(block);

/** Whether most longer words are capitalised, as in "Mayor Vows To Keep Ferry Running": a title, never a lede. */
function isTitleCased(block: string): boolean {
  const words = block.split(/\s+/).map((w) => w.replace(/^[^\p{L}\d]+/u, "")).filter((w) => w.length >= 4);
  return words.length >= 3 && words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length / words.length >= 0.7;
}

/** The headline a block gives when it is a title line, without a closing full stop or ";"; else null. */
export function readTitleLine(block: string): string | null {
  const words = wordCount(block);
  if (words < 2 || words > LONGEST_HEADLINE_WORDS || /,$/.test(block)) return null;
  if (/;$/.test(block)) return block.slice(0, -1).trimEnd();
  const stop = CLOSING_STOP.exec(block);
  if (!stop || /\.\.["”’']?$/.test(block)) return block;
  if (SENTENCE_BREAK.test(block)) return null;
  if (!isTitleCased(block) && (words > LONGEST_STOPPED_TITLE_WORDS || REPORTING.test(block) || opensWithDateline(block))) return null;
  return ABBREVIATION_END.test(block.slice(0, stop.index + 1)) ? block : block.slice(0, stop.index) + stop[1];
}

// A page's title often carries the site's name after a bar or dash: "Pier to close | The Herald".
const SITE_NAME_SUFFIX = /\s+[|–—-]\s+([^|–—]{2,60})$/;

/** The title without the outlet's name set after it, when it has one. */
export function withoutSiteName(title: string, outlet: string | null): string {
  const suffix = SITE_NAME_SUFFIX.exec(title);
  return outlet !== null && suffix !== null && isSameOutlet(suffix[1], outlet) ? title.slice(0, suffix.index) : title;
}

// Menu items and section names are a word or three: "Home", "Local news", "Log In".
const LONGEST_MENU_ITEM_WORDS = 3;
const isMenuItem = (block: string) => wordCount(block) <= LONGEST_MENU_ITEM_WORDS && !/[.!?"”’]$/.test(block);

/**
 * How many blocks at the top are a menu: a run of two or more short items ("Home",
 * "News", "Local") followed by a longer title line. 0 when the page starts otherwise.
 */
export function menuRunLength(blocks: readonly string[]): number {
  let run = 0;
  while (run < blocks.length && isMenuItem(blocks[run])) run++;
  if (run < 2 || run >= blocks.length) return 0;
  const title = blocks[run];
  return wordCount(title) > LONGEST_MENU_ITEM_WORDS && readTitleLine(title) !== null && !SENTENCE_BREAK.test(title) ? run : 0;
}
