// Lists of links to other stories. Pages set them under a label — "Read more",
// "Related", "More on this story", "See also" — and a scraper saves the label and
// then each linked headline as a line of its own. The headlines carry no sign that
// they are links, but they look like headlines: short, capitalised, and not ending
// as a sentence does. The list runs until the next real paragraph.
import { wordCount } from "./page-furniture.js";

const LABEL = String.raw`(?:read (?:more|next|also)|also (?:read|see)|related(?: (?:stor(?:y|ies)|articles?|content|news|coverage|links?|reading|topics|videos?))?|more on this(?: story| topic)?|more (?:stories|coverage|reading)|previous(?:ly| coverage)|see also|further reading|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?)`;
// The label alone: "Read more", "Related stories:", "More on this story".
const LABEL_LINE = new RegExp(String.raw`^${LABEL}\s*:?$`, "i");
// The label with the first linked headline after it: "Read more: Ferry fares to rise", "ALSO READ | Ferry fares to rise".
const LABELLED_LINK = new RegExp(String.raw`^(${LABEL})\s*(?::|\s\||\s[–—]|\s-\s)\s*(.+)$`, "i");
// Bullets and arrows a page sets before each link: "• Ferry fares to rise", "► Harbour tolls frozen".
const BULLET = /^[•·▪►▶»›>*–—-]\s*/;

// Linked headlines are one line; a longer block is prose.
const LONGEST_LINK_TITLE_WORDS = 20;
// A sentence ends in a full stop, comma or colon, possibly inside a closing quote
// ("… she said.", "“We will not bow.”"); a quoted question is a remark, not a title.
const ENDS_AS_SENTENCE = /(?:[.,;:…]["”’']?|[!?]["”’'])$/;

/** A headline of a linked story: short, starting with a capital or digit, not ending as a sentence does. */
export function isLinkTitle(block: string): boolean {
  const title = block.replace(BULLET, "");
  const words = wordCount(title);
  return words >= 2 && words <= LONGEST_LINK_TITLE_WORDS && /^["“‘']?[\p{Lu}\p{N}]/u.test(title) && !ENDS_AS_SENTENCE.test(title);
}

/** A block that opens a list of links: the label alone, or the label and the first linked headline. */
export function opensLinkList(block: string): boolean {
  if (LABEL_LINE.test(block)) return true;
  const labelled = LABELLED_LINK.exec(block);
  if (!labelled) return false;
  // A label in capitals ("SEE ALSO:", "RELATED:") is never prose, so its headline may end in a full stop.
  const shouted = labelled[1] === labelled[1].toUpperCase();
  return isLinkTitle(labelled[2]) || (shouted && wordCount(labelled[2]) <= LONGEST_LINK_TITLE_WORDS);
}
