// What a person's page draws, counted by the database: their quotes per day and outlet (the
// timeline), per outlet (who carries them), and the topics of the articles quoting them.
// One GROUP BY each, whatever the number of quotes: the explorer draws 5,000 quotes from a
// few hundred rows, never from pages of quotes.
import type { SqlArchive } from "./sql-archive.js";
import { placeholders, sqlRows } from "./sql-rows.js";

/** How many of one person's quotes one outlet carried on one day, with one of them as an example. */
export interface QuoteDayCount {
  day: string;
  /** Null for articles whose outlet is unknown. */
  outletId: number | null;
  count: number;
  /** The first stored of those quotes. */
  exampleQuoteId: number;
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

/** Each person's dated quotes counted per day and outlet, oldest day first (outlets by id within a day). */
export async function quoteTimelinesOfPeople(store: SqlArchive, personIds: readonly number[]): Promise<Map<number, QuoteDayCount[]>> {
  if (!personIds.length) return new Map();
  const rows = await sqlRows<QuoteDayCount & { personId: number }>(
    store,
    `SELECT "speakerId" AS "personId", "publishedOn" AS day, "outletId", count(*) AS count, min(id) AS "exampleQuoteId"
     FROM quotes WHERE "speakerId" IN (${placeholders(personIds.length)}) AND "publishedOn" IS NOT NULL
     GROUP BY "speakerId", "publishedOn", "outletId"
     ORDER BY "speakerId", "publishedOn", "outletId"`,
    [...personIds],
  );
  return groupByPerson(personIds, rows);
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
