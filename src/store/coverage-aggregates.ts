// What an outlet's or a topic's page draws, counted by the database: its articles per day,
// week or month (counted per day in SQL, summed by time-periods.ts: at most one row a day),
// and the people most quoted in its articles.
import type { SqlArchive } from "./sql-archive.js";
import { placeholders, sqlRows } from "./sql-rows.js";

import { periodStart, type TimeInterval } from "./time-periods.js";

export type { TimeInterval };

/** How many articles were published in the week or month that starts on `start`. */
export interface PeriodCount {
  start: string;
  count: number;
}

export interface PersonQuoteCount {
  personId: number;
  count: number;
}

function sumIntoPeriods(ids: readonly number[], rows: { id: number; day: string; n: number }[], interval: TimeInterval): Map<number, PeriodCount[]> {
  const result = new Map<number, PeriodCount[]>(ids.map((id) => [id, []]));
  // Rows come oldest day first per id, so periods are appended in order.
  for (const { id, day, n } of rows) {
    const periods = result.get(id)!;
    const start = periodStart(day, interval);
    const last = periods[periods.length - 1];
    if (last?.start === start) last.count += n;
    else periods.push({ start, count: n });
  }
  return result;
}

/** Each outlet's dated articles per week or month, oldest first; periods without articles are left out. */
export async function articleVolumesOfOutlets(store: SqlArchive, ids: readonly number[], interval: TimeInterval): Promise<Map<number, PeriodCount[]>> {
  if (!ids.length) return new Map();
  const rows = await sqlRows<{ id: number; day: string; n: number }>(
    store,
    `SELECT "outletId" AS id, "publishedOn" AS day, count(*) AS n FROM articles
     WHERE "outletId" IN (${placeholders(ids.length)}) AND "publishedOn" IS NOT NULL
     GROUP BY "outletId", "publishedOn" ORDER BY "outletId", "publishedOn"`,
    [...ids],
  );
  return sumIntoPeriods(ids, rows, interval);
}

/** Each topic's dated articles per week or month, oldest first; periods without articles are left out. */
export async function articleVolumesOfTopics(store: SqlArchive, ids: readonly number[], interval: TimeInterval): Promise<Map<number, PeriodCount[]>> {
  if (!ids.length) return new Map();
  const rows = await sqlRows<{ id: number; day: string; n: number }>(
    store,
    `SELECT "topicId" AS id, "publishedOn" AS day, count(*) AS n FROM article_topics
     WHERE "topicId" IN (${placeholders(ids.length)}) AND "publishedOn" IS NOT NULL
     GROUP BY "topicId", "publishedOn" ORDER BY "topicId", "publishedOn"`,
    [...ids],
  );
  return sumIntoPeriods(ids, rows, interval);
}

/** The `limit` people most quoted in `groupColumn`'s groups, with how many quotes, most first (then by person id). */
async function mostQuotedIn(store: SqlArchive, from: string, groupColumn: string, ids: readonly number[], limit: number): Promise<Map<number, PersonQuoteCount[]>> {
  const result = new Map<number, PersonQuoteCount[]>(ids.map((id) => [id, []]));
  if (!ids.length) return result;
  const rows = await sqlRows<PersonQuoteCount & { id: number }>(
    store,
    `SELECT id, "personId", "count" FROM (
       SELECT ${groupColumn} AS id, q."speakerId" AS "personId", count(*) AS "count",
              row_number() OVER (PARTITION BY ${groupColumn} ORDER BY count(*) DESC, q."speakerId") AS place
       FROM ${from}
       WHERE ${groupColumn} IN (${placeholders(ids.length)}) AND q."speakerId" IS NOT NULL
       GROUP BY ${groupColumn}, q."speakerId"
     ) ranked WHERE place <= ? ORDER BY id, place`,
    [...ids, limit],
  );
  for (const { id, ...row } of rows) result.get(id)!.push(row);
  return result;
}

/** For each outlet, the people it quoted most, with how many of their quotes it carried. */
export function mostQuotedInOutlets(store: SqlArchive, ids: readonly number[], limit: number) {
  return mostQuotedIn(store, "quotes q", `q."outletId"`, ids, limit);
}

/** For each topic, the people most quoted in articles about it, with how many quotes. */
export function mostQuotedInTopics(store: SqlArchive, ids: readonly number[], limit: number) {
  return mostQuotedIn(store, `quotes q JOIN article_topics t ON t."articleId" = q."articleId"`, `t."topicId"`, ids, limit);
}
