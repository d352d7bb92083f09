import type { Quote as QuoteRow } from "../generated/prisma/client.js";

/** A quote as stored; publishedYear (PostgreSQL's partition key) and storyId (a story's statements) are the store's own, not read. */
export type Quote = Omit<QuoteRow, "publishedYear" | "storyId">;
import { addDateRange, addNamedFilter, Conditions, DENSE_SHARE, MANY_MATCHES, matchesMany, matchesMostOf, organisationIdsIn, outletIdsIn, personIdsIn, resolveIds, topicIdsIn, type DateRange } from "./filters.js";
import { fetchKeysetPage, fetchKeysetPagesPerParent, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import { countMatchesAndYears, findFewSearched, findManySearched, qualified, WALK_ROWS_PER_MATCH, type SearchedRows } from "./partitioned-search.js";
import type { SqlArchive } from "./sql-archive.js";
import type { SqlDialect } from "./sql-dialect.js";
import type { SearchExpression } from "./search-syntax.js";
import { placeholders, sqlRows, rowsByIds } from "./sql-rows.js";


export interface QuoteFilter extends DateRange {
  speakers?: string[] | null;
  /** Organisations that said it, by slug or name. */
  organisations?: string[] | null;
  outlets?: string[] | null;
  topics?: string[] | null;
  /** Speakers and outlets already resolved to ids (see findQuotes); when given, the names are not read. */
  speakerIds?: number[] | null;
  outletIds?: number[] | null;
  /** Words to find in the quote, as parseSearch read them. */
  fullText?: SearchExpression | null;
}

// Every column a Quote resolves from: a missing one reads as null on some paths to a quote and not others.
const QUOTE_COLUMN_NAMES = `id, "articleId", "speakerId", "organisationId", "statementId", text, position, "publishedOn", "outletId"`;
export const QUOTE_COLUMNS = qualified(QUOTE_COLUMN_NAMES, "q");

// Newest first; within one day, in the order the quotes were stored (article by article,
// in order of appearance), so an article's remarks read in sequence.
export const quoteSortKeys: SortKey[] = [
  { column: `q."publishedOn"`, direction: "DESC", nullable: true },
  { column: "q.id", direction: "ASC" },
];
export const quoteKey = (q: Pick<Quote, "publishedOn" | "id">): KeyValue[] => [q.publishedOn, q.id];

// Within an article quotes follow the text.
export const articleQuoteSortKeys: SortKey[] = [{ column: "q.position", direction: "ASC" }];
export const articleQuoteKey = (q: Pick<Quote, "position">): KeyValue[] => [q.position];

/** The WHERE conditions of `filter` on `quotes q`; export.ts adds its own to them. */
export function quoteConditions(filter: QuoteFilter, dialect: SqlDialect, byDate = false, dense = false): Conditions {
  const c = new Conditions(dialect);
  addNamedFilter(c, (list) => `q."speakerId" IN (${list})`, filter.speakerIds, filter.speakers, personIdsIn);
  addNamedFilter(c, (list) => `q."organisationId" IN (${list})`, null, filter.organisations, organisationIdsIn);
  addNamedFilter(c, (list) => `q."outletId" IN (${list})`, filter.outletIds, filter.outlets, outletIdsIn);
  addNamedFilter(c, (list) => `q."articleId" IN (SELECT "articleId" FROM article_topics WHERE "topicId" IN (${list}))`, null, filter.topics, topicIdsIn);
  addDateRange(c, `q."publishedOn"`, filter);
  if (filter.fullText) {
    // With a date range, PostgreSQL walked every year's part of the index to the range.
    const walked = byDate && !filter.publishedAfter && !filter.publishedBefore ? "q" : undefined;
    const match = dialect.fullTextMatch("quotes", "q.id", filter.fullText, walked, dense);
    c.add(match.sql, ...match.params);
  }
  return c;
}

// Speakers and outlets are resolved to ids first (resolveIds): then quotes by one speaker
// walk the (speakerId, publishedOn, id) index and stop after a page, instead of gathering
// and sorting all of the speaker's quotes (10 ms for the most quoted at 100,000 articles).
// A search alone (or with a date range) that matches many quotes walks the date index, as an
// article search does (filters.ts: matchesMany): 123 ms for a common word at 650,000 articles.
export async function findQuotes(store: SqlArchive, filter: QuoteFilter, request: PageRequest, manyMatches = MANY_MATCHES, denseShare = DENSE_SHARE, walkRowsPerMatch = WALK_ROWS_PER_MATCH.quotes): Promise<Page<Quote>> {
  const resolved = {
    ...filter,
    speakerIds: await resolveIds(store, filter.speakerIds, filter.speakers, personIdsIn),
    outletIds: await resolveIds(store, filter.outletIds, filter.outlets, outletIdsIn),
  };
  const alone = !resolved.speakerIds?.length && !resolved.organisations?.length && !resolved.outletIds?.length && !resolved.topics?.length;
  const { fullText } = resolved;
  if (fullText && alone && store.dialect.partitionYears) {
    const { many, years } = await countMatchesAndYears(store, "quotes", fullText, manyMatches, store.dialect.partitionYears);
    const rows: SearchedRows<Quote> = { table: "quotes", alias: "q", columns: QUOTE_COLUMN_NAMES, keys: quoteSortKeys, keyOf: quoteKey };
    const search = { ...resolved, fullText };
    return many ? findManySearched(store, rows, search, request, years, walkRowsPerMatch) : findFewSearched(store, rows, search, request);
  }
  const byDate = resolved.fullText != null && alone && (await matchesMany(store, "quotes", resolved.fullText, manyMatches));
  const dense = byDate && (await matchesMostOf(store, "quotes", resolved.fullText!, denseShare));
  const c = quoteConditions(resolved, store.dialect, byDate, dense);
  const from = byDate ? store.dialect.inIndexOrder("quotes q", "quotes_publishedOn_id_idx") : "quotes q";
  return fetchKeysetPage<Quote>(store.dialect, request, quoteSortKeys, (condition, orderBy, limit, keyParams) =>
    sqlRows(store, `SELECT ${QUOTE_COLUMNS} FROM ${from} ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [
      ...c.params,
      ...keyParams,
      limit,
    ]),
  );
}

export async function countQuotes(store: SqlArchive, filter: QuoteFilter): Promise<number> {
  const c = quoteConditions(filter, store.dialect);
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM quotes q ${c.where()}`, c.params);
  return row.n;
}

/** The same page of quotes for each of many articles, in order of appearance. */
export function quotePagesOfArticles(store: SqlArchive, articleIds: readonly number[], request: PageRequest) {
  return fetchKeysetPagesPerParent<Quote & Record<string, unknown>>(
    store.dialect,
    request,
    articleQuoteSortKeys,
    `q."articleId"`,
    articleIds,
    (sql, params) => sqlRows(store, sql, params),
    { select: QUOTE_COLUMNS, from: "quotes q" },
  );
}

/** The same page of quotes for each of many speakers, newest first. */
export function quotePagesOfSpeakers(store: SqlArchive, personIds: readonly number[], request: PageRequest) {
  return fetchKeysetPagesPerParent<Quote & Record<string, unknown>>(
    store.dialect,
    request,
    quoteSortKeys,
    `q."speakerId"`,
    personIds,
    (sql, params) => sqlRows(store, sql, params),
    { select: QUOTE_COLUMNS, from: "quotes q" },
  );
}

/** How many quotes each article holds; or each speaker said, with `column` = "speakerId" (or "organisationId"). */
export async function countQuotesBy(
  store: SqlArchive,
  column: "articleId" | "speakerId" | "organisationId",
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await sqlRows<{ id: number; n: number }>(
    store,
    `SELECT "${column}" AS id, count(*) AS n FROM quotes WHERE "${column}" IN (${placeholders(ids.length)}) GROUP BY "${column}"`,
    [...ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function quotesByIds(store: SqlArchive, ids: readonly number[]): Promise<(Quote | null)[]> {
  return rowsByIds<Quote>(store, "quotes q", ids, QUOTE_COLUMNS);
}
