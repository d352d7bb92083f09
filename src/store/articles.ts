import type { Article as ArticleRow } from "../generated/prisma/client.js";

/** An article as stored; publishedYear is the store's own (PostgreSQL's partition key), not read. */
export type Article = Omit<ArticleRow, "publishedYear">;
import { EARLIEST_DAY, isCalendarDay } from "../extract/day-number.js";
import { countArticlesIncrementally } from "./incremental-count.js";
import { addDateRange, addNamedFilter, Conditions, DENSE_SHARE, MANY_MATCHES, matchesMany, matchesMostOf, outletIdsIn, personIdsIn, resolveIds, topicIdsIn, type DateRange } from "./filters.js";
import { fetchKeysetPage, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import type { SqlDialect } from "./sql-dialect.js";
import { countMatchesAndYears, findFewSearched, findManySearched, qualified, WALK_ROWS_PER_MATCH, type SearchedRows } from "./partitioned-search.js";
import type { SearchExpression } from "./search-syntax.js";
import { placeholders, rowsByIds, sqlRows } from "./sql-rows.js";


export interface ArticleFilter extends DateRange {
  outlets?: string[] | null;
  people?: string[] | null;
  topics?: string[] | null;
  storyIds?: number[] | null;
  /** Outlets already resolved to ids (see findArticles); when given, `outlets` is not read. */
  outletIds?: number[] | null;
  /** People already resolved to ids (see findArticles); when given, `people` is not read. */
  personIds?: number[] | null;
  /** Words to find in headline or body, as parseSearch read them. */
  fullText?: SearchExpression | null;
}

export type ArticleOrder = "PUBLISHED_ON_DESC" | "PUBLISHED_ON_ASC";

// `columns` name the sort key where a query reads it: the article's own columns, or the
// copies a person's mentions hold (the same values, through the mentions index).
export const articleSortKeys = (order: ArticleOrder, columns = { publishedOn: `a."publishedOn"`, id: "a.id" }): SortKey[] => {
  const direction = order === "PUBLISHED_ON_ASC" ? "ASC" : "DESC";
  return [
    { column: columns.publishedOn, direction, nullable: true },
    { column: columns.id, direction },
  ];
};

/** The sort key of an article in the given order: what its cursor holds. */
export const articleKey = (a: Pick<Article, "publishedOn" | "id">): KeyValue[] => [a.publishedOn, a.id];

/** The WHERE conditions of `filter` on `articles a`; export.ts adds its own to them. */
export function articleConditions(filter: ArticleFilter, dialect: SqlDialect, byDate = false, dense = false): Conditions {
  const c = new Conditions(dialect);
  addNamedFilter(c, (list) => `a."outletId" IN (${list})`, filter.outletIds, filter.outlets, outletIdsIn);
  addNamedFilter(c, (list) => `a.id IN (SELECT "articleId" FROM mentions WHERE "personId" IN (${list}))`, filter.personIds, filter.people, personIdsIn);
  addNamedFilter(c, (list) => `a.id IN (SELECT "articleId" FROM article_topics WHERE "topicId" IN (${list}))`, null, filter.topics, topicIdsIn);
  if (filter.storyIds?.length) c.add(`a."storyId" IN (${placeholders(filter.storyIds.length)})`, ...filter.storyIds);
  addDateRange(c, `a."publishedOn"`, filter);
  if (filter.fullText) {
    // With a date range, PostgreSQL walked every year's part of the index to the range (363 ms).
    const walked = byDate && !filter.publishedAfter && !filter.publishedBefore ? "a" : undefined;
    const match = dialect.fullTextMatch("articles", "a.id", filter.fullText, walked, dense);
    c.add(match.sql, ...match.params);
  }
  return c;
}

/** One page of articles matching `filter`, in `order`. */
export async function findArticles(
  store: SqlArchive,
  filter: ArticleFilter,
  order: ArticleOrder,
  request: PageRequest,
  manyMatches = MANY_MATCHES,
  denseShare = DENSE_SHARE,
  walkRowsPerMatch = WALK_ROWS_PER_MATCH.articles,
): Promise<Page<Article>> {
  const resolved = {
    ...filter,
    outletIds: await resolveIds(store, filter.outletIds, filter.outlets, outletIdsIn),
    personIds: await resolveIds(store, filter.personIds, filter.people, personIdsIn),
  };
  let page;
  if (resolved.personIds?.length === 1) page = await findArticlesOfPerson(store, resolved.personIds[0], { ...resolved, personIds: null, people: null }, order, request);
  else if (searchAlone(resolved) && readsSearchInDateOrder(store.dialect, request)) page = await findSearchedArticlesInDateOrder(store, resolved, order, request);
  else {
    const { byDate, years } = await walksDateIndex(store, resolved, manyMatches);
    if (years && searchAlone(resolved)) {
      const rows: SearchedRows<Article> = { table: "articles", alias: "a", columns: ARTICLE_COLUMNS, keys: articleSortKeys(order), keyOf: articleKey };
      page = byDate ? await findManySearched(store, rows, resolved, request, years, walkRowsPerMatch) : await findFewSearched(store, rows, resolved, request);
      return { ...page, rows: page.rows.map(withIngestedAt) };
    }
    const dense = byDate && (await matchesMostOf(store, "articles", resolved.fullText!, denseShare));
    page = await findArticlesByConditions(store, articleConditions(resolved, store.dialect, byDate, dense), order, request, byDate);
  }
  if (store.dialect.pageReadsRows) return { ...page, rows: page.rows.map((row) => withIngestedAt(row as Article)) };
  const rows = await articlesByIds(store, page.rows.map((r) => r.id));
  return { ...page, rows: rows.filter((r): r is Article => r != null) };
}

/** What a page of articles reads of each: see SqlDialect.pageReadsRows. */
const pageColumns = (dialect: SqlDialect) => (dialect.pageReadsRows ? ARTICLE_COLUMNS_OF_A : `a.id, a."publishedOn"`);

async function findArticlesByConditions(store: SqlArchive, c: Conditions, order: ArticleOrder, request: PageRequest, byDate = false) {
  const from = byDate ? store.dialect.inIndexOrder("articles a", "articles_publishedOn_id_idx") : "articles a";
  return fetchKeysetPage<{ id: number; publishedOn: string | null }>(store.dialect, request, articleSortKeys(order), (condition, orderBy, limit, keyParams) =>
    sqlRows<{ id: number; publishedOn: string | null }>(store, `SELECT ${pageColumns(store.dialect)} FROM ${from} ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [...c.params, ...keyParams, limit]),
  );
}

// A search alone or with a date range: the outlet, story and topic filters, and a person's
// mentions, have indexes of their own to start from.
function searchAlone(filter: ArticleFilter): filter is ArticleFilter & { fullText: SearchExpression } {
  return !!filter.fullText && !(filter.outletIds?.length || filter.outlets?.length || filter.storyIds?.length || filter.topics?.length || filter.personIds?.length);
}

/**
 * Whether a page walks the date index (a search alone that many articles match), and, where
 * the articles are partitioned by year, the years there are (read in the same round trip).
 */
async function walksDateIndex(store: SqlArchive, filter: ArticleFilter, manyMatches: number): Promise<{ byDate: boolean; years: number[] | null }> {
  if (!searchAlone(filter)) return { byDate: false, years: null };
  const yearsSql = store.dialect.partitionYears;
  if (!yearsSql) return { byDate: await matchesMany(store, "articles", filter.fullText, manyMatches), years: null };
  const { many, years } = await countMatchesAndYears(store, "articles", filter.fullText, manyMatches, yearsSql);
  return { byDate: many, years };
}

// Where the full-text index is numbered in date order (SQLite), a search's page is the first
// rows of its match list in the index's own order, however many articles match: a word in
// 4.5% of a million articles read all 45,000 matches to take 20 along the date index (7.4 ms).
// A cursor not made by this list (a day that is not one) is left to the walk, which compares it as text.
function readsSearchInDateOrder(dialect: SqlDialect, request: PageRequest): boolean {
  const wellMade = (key: KeyValue[] | null | undefined) =>
    key == null || ((key[0] === null || (typeof key[0] === "string" && isCalendarDay(key[0]))) && Number.isInteger(key[1]) && (key[1] as number) >= 0 && (key[1] as number) < 2 ** 32);
  return dialect.articleSearchInDateOrder != null && wellMade(request.after) && wellMade(request.before);
}

function findSearchedArticlesInDateOrder(store: SqlArchive, filter: ArticleFilter & { fullText: SearchExpression }, order: ArticleOrder, request: PageRequest) {
  const index = store.dialect.articleSearchInDateOrder!;
  const matches = index.matches(filter.fullText);
  const where = [matches.where];
  const params = [...matches.params];
  // A date range holds dated articles only: undated ones are numbered below every day.
  if (filter.publishedAfter || filter.publishedBefore) {
    where.push(`${matches.rank} >= ?`);
    params.push(index.dayBounds(filter.publishedAfter ?? EARLIEST_DAY).first);
  }
  if (filter.publishedBefore) {
    where.push(`${matches.rank} <= ?`);
    params.push(index.dayBounds(filter.publishedBefore).last);
  }
  const ranked = (key: KeyValue[] | null | undefined) => (key == null ? key : [index.rankOf(key[0] as string | null, key[1] as number)]);
  const direction = order === "PUBLISHED_ON_ASC" ? "ASC" : "DESC";
  return fetchKeysetPage<{ id: number }>(store.dialect, { ...request, after: ranked(request.after), before: ranked(request.before) }, [{ column: matches.rank, direction }], (condition, orderBy, limit, keyParams) =>
    sqlRows(store, `SELECT ${matches.id} AS id FROM ${matches.from} WHERE ${[...where, ...(condition ? [condition] : [])].join(" AND ")} ORDER BY ${orderBy} LIMIT ?`, [...params, ...keyParams, limit]),
  );
}

// A person's articles are read from their mentions, in the (personId, publishedOn,
// articleId) index's order, and joined to the article only for the other conditions.
// Asked as "articles whose id is among the person's mentions", SQLite gathered every
// article of the person and sorted them before returning 20: 12 ms for the most
// mentioned person at 100,000 articles, against 0.07 ms for the walk of the index.
// The dialect's joinInOrder keeps mentions the outer loop (CROSS JOIN on SQLite).
function findArticlesOfPerson(store: SqlArchive, personId: number, rest: ArticleFilter, order: ArticleOrder, request: PageRequest) {
  const c = articleConditions(rest, store.dialect);
  c.add(`m."personId" = ?`, personId);
  return fetchKeysetPage<{ id: number; publishedOn: string | null }>(store.dialect, request,
    articleSortKeys(order, { publishedOn: `m."publishedOn"`, id: `m."articleId"` }),
    (condition, orderBy, limit, keyParams) =>
      sqlRows(store, `SELECT ${pageColumns(store.dialect)} FROM ${store.dialect.joinInOrder("mentions m", "articles a", `a.id = m."articleId"`)} ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [
        ...c.params,
        ...keyParams,
        limit,
      ]),
  );
}

export async function countArticles(store: SqlArchive, filter: ArticleFilter): Promise<number> {
  const c = articleConditions(filter, store.dialect);
  if (filter.storyIds?.length) {
    const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM articles a ${c.where()}`, c.params);
    return row.n;
  }
  return countArticlesIncrementally(store, c.where(), c.params);
}

// Every column of an Article: on PostgreSQL the table also holds its search vector, which
// no reader wants and which is larger than the rest of the row but for the body.
export const ARTICLE_COLUMNS = `id, "outletId", headline, byline, dateline, standfirst, body, "publishedOn", url, "contentHash", "sourceFile", "sourceFormat", "ingestedAt", "storyId", "storyFeatures"`;
const ARTICLE_COLUMNS_OF_A = qualified(ARTICLE_COLUMNS, "a");

/** Articles by id, in the order asked, null where there is none. */
export async function articlesByIds(store: SqlArchive, ids: readonly number[]): Promise<(Article | null)[]> {
  const rows = await rowsByIds<Article>(store, "articles", ids, ARTICLE_COLUMNS);
  return rows.map((row) => row && withIngestedAt(row));
}

// ingestedAt comes back as the text Prisma wrote; the type (and the API) want a Date.
function withIngestedAt(row: Article): Article {
  row.ingestedAt = new Date(row.ingestedAt);
  return row;
}

/** Snippets of each article's body for one search, with matches wrapped in `open`/`close`. */
export async function articleSnippets(
  store: SqlArchive,
  ids: readonly number[],
  search: SearchExpression,
  open: string,
  close: string,
): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const found = new Map<number, string>();
  let rest = ids;
  const index = store.dialect.articleSearchInDateOrder;
  if (index) {
    // FTS5 reads a word's matches from either end of their list and seeks to none: asked by
    // number, each snippet read every match of the word. A page's articles are consecutive
    // matches, so their snippets are the first matches down from the page's highest number.
    const ranksRead = index.ranks(ids);
    const ranks = await sqlRows<{ id: number; rank: number }>(store, ranksRead.sql, ranksRead.params);
    if (!ranks.length) return found;
    const top = Math.max(...ranks.map((r) => Number(r.rank)));
    const down = index.snippetsDown(search, open, close, top, ranks.length);
    const read = await sqlRows<{ id: number; rank: number; snippet: string }>(store, down.sql, down.params);
    const wanted = new Set(ids);
    for (const row of read) if (wanted.has(row.id)) found.set(row.id, row.snippet);
    // Past the last match read (or every match read), an article not found matches not.
    const lowest = read.length === ranks.length ? Number(read[read.length - 1].rank) : -Infinity;
    rest = ranks.filter((r) => !found.has(r.id) && Number(r.rank) < lowest).map((r) => r.id);
    if (!rest.length) return found;
  }
  const query = store.dialect.articleSnippets(rest, search, open, close);
  for (const row of await sqlRows<{ id: number; snippet: string }>(store, query.sql, query.params)) found.set(row.id, query.highlight ? query.highlight(row.snippet) : row.snippet);
  return found;
}

export async function countAllArticles(store: SqlArchive): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM articles`);
  return row.n;
}
