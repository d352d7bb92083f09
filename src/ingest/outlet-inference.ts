// When neither a manifest nor front matter says where an article comes from, the
// page usually does: outlets ask for support by name ("Support The Herald!",
// "A Message from The Herald:"), sign copyright lines ("© 2025 The Herald"), and
// aggregators credit themselves ("Example.Az reports, citing Reuters"). Dates sit
// in "Published …" lines or copyright years.
import { calendarDay } from "./day-number.js";
import { isTimestampLine } from "./page-furniture.js";

export type OutletClueKind = "appeal" | "copyright" | "self-report";

export interface OutletClue {
  outlet: string;
  kind: OutletClueKind;
}

// A proper name as outlets write theirs: "The Moscow Times", "Caliber.Az", "ABC News".
const OUTLET = String.raw`((?:The )?[A-Z][\w.&'’-]*(?: (?:of |on |and )?[A-Z][\w.&'’-]*){0,4})`;
// The pitch after a dash or colon speaks to the reader: "Support The Herald – pay what you can".
// A headline such as "Support Ukraine – but at what cost?" does not.
const PITCH = String.raw`\s*[–—:-]\s+.*\b(?:you|your|pay|donate|give|subscribe|membership)\b`;
const CLUES: Array<[OutletClueKind, RegExp]> = [
  ["appeal", new RegExp(String.raw`^Support ${OUTLET}(?:[.!]?$|${PITCH})`)],
  ["appeal", new RegExp(String.raw`^A (?:[Mm]essage|[Nn]ote|[Ll]etter) [Ff]rom ${OUTLET}:?$`)],
  ["appeal", new RegExp(String.raw`^(?:Subscribe to|Donate to|Become a member of) ${OUTLET}[.!]?$`)],
  ["copyright", new RegExp(String.raw`^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:-\s*\d{4}\s*)?)?${OUTLET}`)],
  ["self-report", new RegExp(String.raw`(?:^|[,.] )${OUTLET} reports?(?:, citing|\.|$| that)`)],
];

/** What a block says about the outlet publishing it, if anything. */
export function findOutletClue(block: string): OutletClue | null {
  if (block.length > 2000) return null;
  for (const [kind, pattern] of CLUES) {
    const match = pattern.exec(block);
    if (match) return { outlet: match[1].replace(/[.!:,]+$/, ""), kind };
  }
  return null;
}

/** The outlet named by the page itself, preferring appeals and copyright lines over self-reports. */
export function inferOutlet(blocks: readonly string[]): string | null {
  const clues = blocks.map(findOutletClue).filter((c): c is OutletClue => c !== null);
  return (clues.find((c) => c.kind !== "self-report") ?? clues[0])?.outlet ?? null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "April 3, 2025", "3 Apr 2025" or "2025-04-03" anywhere in a line → "2025-04-03". */
export function dateInLine(line: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = /\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b/.exec(line);
  const dayFirst = /\b(\d{1,2}) ([A-Z][a-z]{2,8})\.?,? (\d{4})\b/.exec(line);
  const [monthName, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [null, null, null];
  if (!monthName) return null;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  return month ? calendarDay(Number(year), month, Number(day)) : null;
}

/** The publication date from a time-stamp line of the page, when it has one. */
export function inferPublishedOn(blocks: readonly string[]): string | null {
  for (const block of blocks) {
    if (!isTimestampLine(block)) continue;
    const date = dateInLine(block);
    if (date) return date;
  }
  return null;
}

function foldOutlet(name: string): string {
  return name
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The outlet's own name set as a line of the page: "THE SENTINEL", "earthwire",
 * "Chisinau Courier — English edition", "STEPPE NEWS AGENCY | English service".
 */
export function isOutletNameLine(block: string, outlet: string | null): boolean {
  if (!outlet || block.length > 80 || /[.!?]$/.test(block)) return false;
  const name = foldOutlet(outlet);
  const line = foldOutlet(block);
  if (!name || !line.startsWith(name)) return false;
  // After the name only a short edition label may follow, set off by a separator.
  const rest = block.slice(block.toLowerCase().indexOf(name.split(" ").pop()!) + name.split(" ").pop()!.length).trim();
  return rest === "" || (/^[|·•—–-]/.test(rest) && rest.split(/\s+/).length <= 4);
}
