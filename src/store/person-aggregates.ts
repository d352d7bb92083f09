// What a person's page draws, counted by the database: their quotes per period and outlet (the
// timeline), per outlet (who carries them), and the topics of the articles quoting them.
// One GROUP BY each, whatever the number of quotes: the explorer draws 5,000 quotes from a
// few hundred rows, never from pages of quotes.
import type { SqlArchive } from "./sql-archive.js";
import { placeholders, sqlRows } from "./sql-rows.js";
import { periodStart, type TimeInterval } from "./time-periods.js";

/** How many of one person's quotes one outlet carried in one period, with one of them as an example. */
export interface QuotePeriodCount {
  /** The period's first day. */
  start: string;
  /** Null for articles whose outlet is unknown. */
  outletId: number | null;
  count: number;
  /** The first stored of those quotes. */
  exampleQuoteId: number;
}

/** A person's quotes per period and outlet, and the length of the periods. */
export interface QuoteTimeline {
  interval: TimeInterval;
  points: QuotePeriodCount[];
}

export interface OutletQuoteCount {
  outletId: number;
  count: number;
}

export interface TopicArticleCount {
  topicId: number;
  articleCount: number;
}

function groupByPerson<T>(personIds: readonly number[], rows: (T & { personId: number })[]): Map<number, T[]> {
  const result = new Map<number, T[]>(personIds.map((id) => [id, []]));
  for (const { personId, ...row } of rows) result.get(personId)!.push(row as T);
  return result;
}

/** The day-level points summed into periods of `interval`, oldest first, outlets by id within a period (unknown first). */
function sumIntoPeriods(days: QuotePeriodCount[], interval: TimeInterval): QuotePeriodCount[] {
  const points = new Map<string, QuotePeriodCount>();
  for (const day of days) {
    const start = periodStart(day.start, interval);
    const key = `${start}|${day.outletId}`;
    const point = points.get(key);
    if (!point) points.set(key, { ...day, start });
    else {
      point.count += day.count;
      point.exampleQuoteId = Math.min(point.exampleQuoteId, day.exampleQuoteId);
    }
  }
  // Sorted here, not by SQL: the engines place NULL (an unknown outlet) differently.
  return [...points.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : (a.outletId ?? -1) - (b.outletId ?? -1)));
}

/**
 * Each person's dated quotes counted per period and outlet, oldest first: per day, or per
 * week or month when days would make more than `maxPoints` points (months however many).
 * The database counts per day; a chart of 5,000 quotes reads a few thousand rows at most
 * and draws a few hundred points.
 */
export async function quoteTimelinesOfPeople(store: SqlArchive, personIds: readonly number[], maxPoints: number): Promise<Map<number, QuoteTimeline>> {
  if (!personIds.length) return new Map();
  const rows = await sqlRows<QuotePeriodCount & { personId: number }>(
    store,
    `SELECT "speakerId" AS "personId", "publishedOn" AS start, "outletId", count(*) AS count, min(id) AS "exampleQuoteId"
     FROM quotes WHERE "speakerId" IN (${placeholders(personIds.length)}) AND "publishedOn" IS NOT NULL
     GROUP BY "speakerId", "publishedOn", "outletId"`,
    [...personIds],
  );
  const result = new Map<number, QuoteTimeline>();
  for (const [personId, days] of groupByPerson(personIds, rows)) {
    let timeline: QuoteTimeline = { interval: "DAY", points: sumIntoPeriods(days, "DAY") };
    for (const interval of ["WEEK", "MONTH"] as const) {
      if (timeline.points.length <= maxPoints) break;
      timeline = { interval, points: sumIntoPeriods(days, interval) };
    }
    result.set(personId, timeline);
  }
  return result;
}

/** For each person, the outlets that quoted them with how many quotes each carried, most first (then by outlet id). */
export async function quoteCountsByOutletOfPeople(store: SqlArchive, personIds: readonly number[]): Promise<Map<number, OutletQuoteCount[]>> {
  if (!personIds.length) return new Map();
  const rows = await sqlRows<OutletQuoteCount & { personId: number }>(
    store,
    `SELECT "speakerId" AS "personId", "outletId", count(*) AS count
     FROM quotes WHERE "speakerId" IN (${placeholders(personIds.length)}) AND "outletId" IS NOT NULL
     GROUP BY "speakerId", "outletId"
     ORDER BY "speakerId", count(*) DESC, "outletId"`,
    [...personIds],
  );
  return groupByPerson(personIds, rows);
}

/** For each person, the topics of the articles that quote them, with how many such articles, most first (then by topic id). */
export async function topicsOfPeople(store: SqlArchive, personIds: readonly number[]): Promise<Map<number, TopicArticleCount[]>> {
  if (!personIds.length) return new Map();
  const rows = await sqlRows<TopicArticleCount & { personId: number }>(
    store,
    `SELECT q."speakerId" AS "personId", t."topicId", count(DISTINCT q."articleId") AS "articleCount"
     FROM quotes q JOIN article_topics t ON t."articleId" = q."articleId"
     WHERE q."speakerId" IN (${placeholders(personIds.length)})
     GROUP BY q."speakerId", t."topicId"
     ORDER BY q."speakerId", count(DISTINCT q."articleId") DESC, t."topicId"`,
    [...personIds],
  );
  return groupByPerson(personIds, rows);
}
