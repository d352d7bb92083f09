// Periods the aggregates count in: a day, a week (Monday to Sunday) or a calendar month, each
// named by its first day. Rows are counted per day in SQL and summed into longer periods in
// code, so the same SQL runs on both engines (each writes a week's start its own way).

export type TimeInterval = "DAY" | "WEEK" | "MONTH";

/** The first day of the day, week (Monday) or month holding the ISO day `day`. */
export function periodStart(day: string, interval: TimeInterval): string {
  if (interval === "DAY") return day;
  if (interval === "MONTH") return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
