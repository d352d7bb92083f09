import type { Article as ArticleRow } from "../generated/prisma/client.js";

/** An article as stored; publishedYear is the store's own (PostgreSQL's partition key), not read. */
export type Article = Omit<ArticleRow, "publishedYear">;
import { countArticlesIncrementally } from "./incremental-count.js";
import { addDateRange, addNamedFilter, Conditions, DENSE_SHARE, MANY_MATCHES, matchesMany, matchesMostOf, outletIdsIn, personIdsIn, resolveIds, topicIdsIn, type DateRange } from "./filters.js";
import { fetchKeysetPage, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import type { SqlDialect } from "./sql-dialect.js";
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
): Promise<Page<Article>> {
  const resolved = {
    ...filter,
    outletIds: await resolveIds(store, filter.outletIds, filter.outlets, outletIdsIn),
    personIds: await resolveIds(store, filter.personIds, filter.people, personIdsIn),
  };
  let page;
  if (resolved.personIds?.length === 1) page = await findArticlesOfPerson(store, resolved.personIds[0], { ...resolved, personIds: null, people: null }, order, request);
  else {
    const byDate = await walksDateIndex(store, resolved, manyMatches);
    const dense = byDate && (await matchesMostOf(store, "articles", resolved.fullText!, denseShare));
    page = await findArticlesByConditions(store, articleConditions(resolved, store.dialect, byDate, dense), order, request, byDate);
  }
  if (store.dialect.pageReadsRows) return { ...page, rows: page.rows.map((row) => withIngestedAt(row as Article)) };
  const rows = await articlesByIds(store, page.rows.map((r) => r.id));
  return { ...page, rows: rows.filter((r): r is Article => r != null) };
}

/** What a page of articles reads of each: see SqlDialect.pageReadsRows. */
const pageColumns = (dialect: SqlDialect) => (dialect.pageReadsRows ? ARTICLE_COLUMNS_OF_A : `a.id, a."publishedOn"`);

function findArticlesByConditions(store: SqlArchive, c: Conditions, order: ArticleOrder, request: PageRequest, byDate = false) {
  const from = byDate ? store.dialect.inIndexOrder("articles a", "articles_publishedOn_id_idx") : "articles a";
  return fetchKeysetPage<{ id: number; publishedOn: string | null }>(store.dialect, request, articleSortKeys(order), (condition, orderBy, limit, keyParams) =>
    sqlRows(store, `SELECT ${pageColumns(store.dialect)} FROM ${from} ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [...c.params, ...keyParams, limit]),
  );
}

// A search alone or with a date range: the outlet, story and topic filters, and a person's
// mentions, have indexes of their own to start from.
function walksDateIndex(store: SqlArchive, filter: ArticleFilter, manyMatches: number): Promise<boolean> {
  if (!filter.fullText || filter.outletIds?.length || filter.outlets?.length || filter.storyIds?.length || filter.topics?.length || filter.personIds?.length) return Promise.resolve(false);
  return matchesMany(store, "articles", filter.fullText, manyMatches);
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
const ARTICLE_COLUMNS_OF_A = ARTICLE_COLUMNS.replace(/(^|, )/g, "$1a.");

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
  const query = store.dialect.articleSnippets(ids, search, open, close);
  const rows = await sqlRows<{ id: number; snippet: string }>(store, query.sql, query.params);
  return new Map(rows.map((r) => [r.id, r.snippet]));
}

export async function countAllArticles(store: SqlArchive): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM articles`);
  return row.n;
}
