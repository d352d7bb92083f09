// Dates arrive as ISO calendar days ("2025-04-03"); the linkers only ask how many days
// lie between two of them.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of an ISO date ("2025-04-03", or a timestamp starting so), or null when there is none. */
export function dayNumber(isoDate: string | null | undefined): number | null {
  const m = ISO_DAY.exec(isoDate ?? "");
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : Math.round(ms / 86_400_000);
}

/** The ISO date `days` after (or, negative, before) `isoDate`. */
export function shiftIsoDate(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// The days an archive of news can hold. A crawler's "0000-00-00" or "9999-12-31" is a
// placeholder, not a publication date, and years outside this range are typing slips.
export const EARLIEST_DAY = "1800-01-01";
export const LATEST_DAY = "2199-12-31";

/**
 * Is `text` a real calendar day written YYYY-MM-DD, within EARLIEST_DAY…LATEST_DAY? The one
 * check every date goes through: front matter, manifests, dates read from the text, the
 * GraphQL Date scalar, export parameters and what the API serves from the store.
 */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && calendarDay(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/** The YYYY-MM-DD of year, month (1–12) and day, or null when there is no such day in range. */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC reads years 0–99 as 1900–1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return text >= EARLIEST_DAY && text <= LATEST_DAY ? text : null;
}
