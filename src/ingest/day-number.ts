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
