// The article's blocks → its masthead (headline, byline, dateline, standfirst) and
// the body paragraphs that remain. The headline is the title line at the top, not
// a section label and not a sentence; the byline comes from "By …" lines and wire
// sign-offs, never from photo credits; the dateline is the capitalised place that
// opens the first paragraph ("WASHINGTON –"); a standfirst is the summary sentence
// set between the headline and a datelined first paragraph.
import { isNewsroomTitleLine, readBareNameLine, readClosingCredit, readCreditLine } from "./byline.js";
import { nameKey } from "./names.js";
import { readDateline } from "./dateline.js";
import { wordCount } from "./page-furniture.js";
import { menuRunLength, readTitleLine, withoutSiteName } from "./title-line.js";

export interface Masthead {
  headline: string | null;
  byline: string[];
  /** Editors, photographers and contributors credited in the masthead or sign-off. */
  credits: string[];
  dateline: string | null;
  standfirst: string | null;
  /** The blocks left for the body once the masthead is taken out. */
  body: string[];
}

export interface MastheadHints {
  /** A headline the crawler recorded (front matter). */
  title?: string | null;
  /** Authors the crawler recorded (front matter). */
  authors?: string[];
  /** Sign-offs removed from the end of the page. */
  signOffs?: string[];
  /** Photographers credited in removed captions: never authors. */
  credits?: string[];
  /** The outlet, whose name a title line may carry after a bar. */
  outlet?: string | null;
}

// Credits sit at the top (under the headline) or at the bottom of an article.
const TOP_REACH = 8;
const BOTTOM_REACH = 6;

export { datelineLength, readDateline } from "./dateline.js";

// A section label above the headline: "WORLD", "Europe live", "Politics |": short,
// and followed by a longer headline-shaped line.
function isSectionLabel(block: string, next: string | undefined): boolean {
  const words = wordCount(block);
  if (words > 3 || /[.!?]$/.test(block)) return false;
  return block === block.toUpperCase() || /[|:]$/.test(block) || (words <= 2 && next !== undefined && wordCount(next) >= 4 && readTitleLine(next) !== null);
}

const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Splits the masthead from the body. */
export function readMasthead(blocks: readonly string[], hints: MastheadHints = {}): Masthead {
  const byline: string[] = [...(hints.authors ?? [])];
  const stated = new Set(byline.map(nameKey));
  const credits: string[] = [...(hints.credits ?? [])];

  // Credit lines at the top or bottom: "By …", "Written by … · Edited by …", closing bios.
  const creditAt: boolean[] = blocks.map((block, i) => {
    const inReach = i < TOP_REACH || i >= blocks.length - BOTTOM_REACH;
    const line = inReach ? readCreditLine(block) ?? (i >= blocks.length - BOTTOM_REACH ? readClosingCredit(block) : null) : null;
    if (!line) return false;
    byline.push(...line.authors);
    credits.push(...line.credits);
    return true;
  });
  for (const signOff of hints.signOffs ?? []) {
    const line = readCreditLine(signOff);
    if (line) {
      byline.push(...line.authors);
      credits.push(...line.credits);
    }
  }
  let body = blocks.filter((_, i) => !creditAt[i]);

  let headline: string | null = hints.title ?? null;
  body = body.slice(menuRunLength(body));
  while (body.length > 1 && isSectionLabel(body[0], body[1])) body.shift();
  const title = body.length > 1 ? readTitleLine(body[0]) : null;
  // The block as the page set it: the headline may have lost a closing full stop.
  let titleBlock = headline;
  if (headline !== null) {
    if (body.length && fold(body[0]) === fold(headline)) body.shift();
  } else if (title !== null) {
    headline = withoutSiteName(title, hints.outlet ?? null);
    titleBlock = body.shift()!;
  }

  // A writer's bare name under the headline (and standfirst): "Kari Elstad", "Ana Ruiz in Kyiv".
  let standfirst: string | null = null;
  for (let i = 0; i < Math.min(2, body.length - 1); i++) {
    const names = readBareNameLine(body[i]);
    if (!names) continue;
    // A line of bare names is weak evidence: it may be a photo credit ("Credit Ana Ruiz") or a
    // picture agency. When the page or crawler named the writers, it adds no one they did not name.
    if (!stated.size || names.every((name) => stated.has(nameKey(name)))) byline.push(...names);
    if (i === 1) standfirst = body[0];
    body = body.slice(i + 1);
    // "Jonathan Pike" / "Local Democracy Reporter"
    if (body.length > 1 && isNewsroomTitleLine(body[0])) body.shift();
    break;
  }
  // The summary between headline and a credit line is a standfirst.
  const firstCredit = creditAt.indexOf(true);
  if (standfirst === null && headline !== null && firstCredit >= 0 && firstCredit <= TOP_REACH) {
    const headlineAt = blocks.indexOf(titleBlock ?? headline);
    if (headlineAt >= 0 && firstCredit === headlineAt + 2 && body[0] === blocks[headlineAt + 1] && body.length > 1) standfirst = body.shift()!;
  }

  let dateline: string | null = null;
  const datelined = body.slice(0, 3).findIndex((block) => readDateline(block) !== null);
  if (datelined >= 0) {
    dateline = readDateline(body[datelined]);
    if (standfirst === null && datelined === 1 && /[.!?]$/.test(body[0]) && wordCount(body[0]) <= 60) standfirst = body.shift()!;
  }

  const credited = new Set(credits.map(nameKey));
  const authors = [...new Map(byline.filter((n) => !credited.has(nameKey(n))).map((n) => [nameKey(n), n])).values()];
  return { headline, byline: authors, credits, dateline, standfirst, body };
}
