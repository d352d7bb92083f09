// What a crawler says about a file (outlet, publication day, url) arrives in two ways: a
// manifest.json beside the files, or YAML front matter inside one. Both go through this
// one check, so a value refused in one is refused in the other, with the same words.
import { EARLIEST_DAY, isCalendarDay, LATEST_DAY } from "./day-number.js";
import type { CrawlerMeta } from "./types.js";

export const MAX_OUTLET_LENGTH = 200;
export const MAX_URL_LENGTH = 2048;

export type CheckedMeta = { ok: true; meta: Required<CrawlerMeta> } | { ok: false; problem: string };

// C0 and C1 controls, and the marks that reorder text when it is shown (bidi embeddings,
// overrides, isolates): in a name they hide or disguise what is stored.
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const fieldText = (key: string, what: string) => `field \`${key}\` ${what}`;

function outletOf(value: unknown): string | null | { problem: string } {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" && typeof value !== "number") return { problem: fieldText("outlet", "must be text") };
  const outlet = String(value).trim();
  if (outlet === "") return null;
  if (outlet.length > MAX_OUTLET_LENGTH) return { problem: fieldText("outlet", `is ${outlet.length} characters long; an outlet's name is at most ${MAX_OUTLET_LENGTH}`) };
  if (CONTROL_OR_BIDI.test(outlet)) return { problem: fieldText("outlet", "holds control or text-direction characters; write the name as plain text") };
  return outlet;
}

function urlOf(value: unknown): string | null | { problem: string } {
  if (value === undefined || value === null || value === "") return null;
  const refused = { problem: fieldText("url", "must be an http(s) URL") };
  if (typeof value !== "string") return refused;
  const url = value.trim();
  if (url.length > MAX_URL_LENGTH) return { problem: fieldText("url", `is ${url.length} characters long; the limit is ${MAX_URL_LENGTH}`) };
  if (CONTROL_OR_BIDI.test(url) || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) return refused;
  return url;
}

/** "2025-04-03", "2025-04-03T10:00:00Z" or a YAML timestamp → "2025-04-03". */
function publishedOnOf(value: unknown): string | null | { problem: string } {
  if (value === undefined || value === null || value === "") return null;
  const refused = { problem: fieldText("publishedOn", `must be a calendar day written YYYY-MM-DD, between ${EARLIEST_DAY} and ${LATEST_DAY}`) };
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refused;
    text = value.toISOString().slice(0, 10);
  } else if (typeof value === "string") {
    const match = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
    if (!match) return { problem: `${refused.problem}; got "${value.slice(0, 40)}"` };
    text = match[1];
  } else return refused;
  return isCalendarDay(text) ? text : { problem: `${refused.problem}; got "${text}"` };
}

const isProblem = (v: unknown): v is { problem: string } => typeof v === "object" && v !== null && "problem" in v;

/**
 * Checks a crawler's fields (`publishedOn` may also be called `published` or `date`, as
 * some crawlers write it) and returns them cleaned, or the first problem found.
 */
export function checkCrawlerMeta(fields: Record<string, unknown>): CheckedMeta {
  const outlet = outletOf(fields.outlet);
  if (isProblem(outlet)) return { ok: false, problem: outlet.problem };
  const url = urlOf(fields.url);
  if (isProblem(url)) return { ok: false, problem: url.problem };
  const publishedOn = publishedOnOf(fields.publishedOn ?? fields.published ?? fields.date);
  if (isProblem(publishedOn)) return { ok: false, problem: publishedOn.problem };
  return { ok: true, meta: { outlet, url, publishedOn } };
}
