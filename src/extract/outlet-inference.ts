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
  ["self-report", new RegExp(String.raw`(?:^|[,.] )${OUTLET} reports?(?:, citing|\.|$| that)`)],
];

// "© 2025", "Copyright (c) 2020-2025", "© Copyright 2025,", "All content © 2025": the mark and its years.
const COPYRIGHT_MARK = /^(?:all (?:content|contents|material)\s+)?(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?/i;
// The holder's name ends where the line goes on about it: "… Ledger. All rights reserved.",
// "… News, a Sunrise Media station", "… Courier | Terms", "Nordpress 2025".
const HOLDER_END = /\.(?:\s|$)|,|;|\s[|·•–—-]\s|\s\d{4}\b|\s+all rights reserved/i;
const LEGAL_SUFFIX = /\s+(?:inc|llc|ltd|limited|plc|corp|corporation|gmbh|co)\.?$/i;
// Every word of a name is capitalised (or a number: "KHRB 9 News"), but for its small joining words.
const HOLDER_NAME = /^(?:The )?[A-Z0-9][\w.&'’-]*(?: (?:of|on|and|for|the|&|[A-Z0-9][\w.&'’-]*))*$/;

/** The name a copyright line gives its holder, without years and trailing words: "© 2025 The Herald. All rights reserved." → "The Herald". */
export function readCopyrightHolder(block: string): string | null {
  const mark = COPYRIGHT_MARK.exec(block);
  if (!mark || !/[©\d]|\(c\)/i.test(mark[0])) return null;
  const rest = block.slice(mark[0].length);
  const end = HOLDER_END.exec(rest);
  const holder = (end ? rest.slice(0, end.index) : rest).trim().replace(LEGAL_SUFFIX, "");
  return holder.split(/\s+/).length <= 8 && HOLDER_NAME.test(holder) ? holder : null;
}

/** What a block says about the outlet publishing it, if anything. */
export function findOutletClue(block: string): OutletClue | null {
  if (block.length > 2000) return null;
  const holder = readCopyrightHolder(block);
  if (holder) return { outlet: holder, kind: "copyright" };
  for (const [kind, pattern] of CLUES) {
    const match = pattern.exec(block);
    if (match) return { outlet: match[1].replace(/[.!:,]+$/, ""), kind };
  }
  return null;
}

/**
 * The outlet named by the page itself: an appeal first, then the last copyright line (the
 * page's footer; an earlier one may credit a photo), then a self-report.
 */
export function inferOutlet(blocks: readonly string[]): string | null {
  const clues = blocks.map(findOutletClue).filter((c): c is OutletClue => c !== null);
  const appeal = clues.find((c) => c.kind === "appeal");
  const copyright = clues.filter((c) => c.kind === "copyright").pop();
  return (appeal ?? copyright ?? clues[0])?.outlet ?? null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
// "March 4, 2025", "Mar. 4th 2025" and "4 March 2025", "4th of March, 2025": both orders outlets print.
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH_NAME}\.?\s+${ORDINAL},?\s+(\d{4})\b`, "i");
const DAY_FIRST = new RegExp(String.raw`\b${ORDINAL}\s+(?:of\s+)?${MONTH_NAME}\.?,?\s+(\d{4})\b`, "i");

/** "April 3, 2025", "3 Apr 2025", "Apr. 3rd, 2025" or "2025-04-03" anywhere in a line → "2025-04-03". */
export function dateInLine(line: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = MONTH_FIRST.exec(line);
  const dayFirst = DAY_FIRST.exec(line);
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

/** Whether two spellings name the same outlet: "The Harbour Ledger" and "HARBOUR LEDGER". */
export function isSameOutlet(a: string, b: string): boolean {
  const folded = foldOutlet(a);
  return folded !== "" && folded === foldOutlet(b);
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
