import type { Story } from "../generated/prisma/client.js";
import { articleSortKeys } from "./articles.js";
import { addNamedFilter, addSearchOfParts, Conditions, MANY_MATCHES, matchesManyParents, outletIdsIn, personIdsIn, topicIdsIn, type DateRange } from "./filters.js";
import { fetchKeysetPage, fetchKeysetPagesPerParent, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import type { SqlDialect } from "./sql-dialect.js";
import type { SearchExpression } from "./search-syntax.js";
import type { StoryMember } from "./store.js";
import { placeholders, sqlRows, rowsByIds } from "./sql-rows.js";

export type { Story };

export interface StoryFilter extends DateRange {
  people?: string[] | null;
  outlets?: string[] | null;
  topics?: string[] | null;
  /** Words to find in any of its articles, as parseSearch read them. */
  fullText?: SearchExpression | null;
}

// Most recently updated first.
const storySortKeys: SortKey[] = [
  { column: `st."lastUpdatedOn"`, direction: "DESC", nullable: true },
  { column: "st.id", direction: "DESC" },
];
export const storyKey = (s: Story): KeyValue[] => [s.lastUpdatedOn, s.id];

function storyConditions(filter: StoryFilter, dialect: SqlDialect, walked = false): Conditions {
  const c = new Conditions(dialect);
  addNamedFilter(c, (list) => `st.id IN (SELECT a."storyId" FROM mentions m JOIN articles a ON a.id = m."articleId" WHERE m."personId" IN (${list}))`, null, filter.people, personIdsIn);
  addNamedFilter(c, (list) => `st.id IN (SELECT "storyId" FROM articles WHERE "outletId" IN (${list}))`, null, filter.outlets, outletIdsIn);
  addNamedFilter(c, (list) => `st.id IN (SELECT a."storyId" FROM article_topics at JOIN articles a ON a.id = at."articleId" WHERE at."topicId" IN (${list}))`, null, filter.topics, topicIdsIn);
  // A story is in a period when any of it was published in it.
  if (filter.publishedAfter) c.add(`st."lastUpdatedOn" >= ?`, filter.publishedAfter);
  if (filter.publishedBefore) c.add(`st."startedOn" <= ?`, filter.publishedBefore);
  if (filter.fullText) addSearchOfParts(c, dialect, { parent: "st.id", table: "articles", alias: "a", parentColumn: "storyId", span: { first: `st."startedOn"`, last: `st."lastUpdatedOn"` } }, filter.fullText, walked);
  return c;
}

// A common word's stories are walked in their order, each kept when one of its articles
// matches, as a common word's statements are (statements.ts): reading every matching article
// for its story took 73–140 ms at a million articles.
export async function findStories(store: SqlArchive, filter: StoryFilter, request: PageRequest, manyMatches = MANY_MATCHES): Promise<Page<Story>> {
  const walked = filter.fullText != null && (await matchesManyParents(store, "articles", `"storyId"`, filter.fullText, manyMatches));
  const c = storyConditions(filter, store.dialect, walked);
  return fetchKeysetPage<Story>(store.dialect, request, storySortKeys, (condition, orderBy, limit, keyParams) =>
    sqlRows(store, `SELECT st.* FROM stories st ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [...c.params, ...keyParams, limit]),
  );
}

export async function countStories(store: SqlArchive, filter: StoryFilter): Promise<number> {
  const c = storyConditions(filter, store.dialect);
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM stories st ${c.where()}`, c.params);
  return row.n;
}

export async function storiesByIds(store: SqlArchive, ids: readonly number[]): Promise<(Story | null)[]> {
  return rowsByIds<Story>(store, "stories", ids);
}

/** The same page of articles for each of many stories, first published first. */
export function articlePagesOfStories(store: SqlArchive, ids: readonly number[], request: PageRequest) {
  return fetchKeysetPagesPerParent<{ id: number; publishedOn: string | null; parentId: number }>(
    store.dialect,
    request,
    articleSortKeys("PUBLISHED_ON_ASC"),
    `a."storyId"`,
    ids,
    (sql, params) => sqlRows(store, sql, params),
    { select: `a.id, a."publishedOn"`, from: "articles a" },
  );
}

/** For each story, ids of what its articles share: people (most mentioned first), outlets, topics (most used first). */
export async function membersOfStories(
  store: SqlArchive,
  ids: readonly number[],
  member: StoryMember,
): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (!ids.length) return result;
  // Grouped by the member's column itself, never by the alias `id`: in GROUP BY, SQLite reads
  // a bare `id` as articles.id, which listed one entry per article instead of each member once.
  const { story, column, weight, from } = ({
    people: { story: `a."storyId"`, column: `m."personId"`, weight: "sum(m.count)", from: `mentions m JOIN articles a ON a.id = m."articleId"` },
    outlets: { story: `a."storyId"`, column: `a."outletId"`, weight: "count(*)", from: "articles a" },
    topics: { story: `a."storyId"`, column: `at."topicId"`, weight: "sum(at.score)", from: `article_topics at JOIN articles a ON a.id = at."articleId"` },
  } as Record<StoryMember, { story: string; column: string; weight: string; from: string }>)[member];
  const where = `WHERE ${story} IN (${placeholders(ids.length)}) AND ${column} IS NOT NULL`;
  const rows = await sqlRows<{ storyId: number; memberId: number }>(
    store,
    `SELECT ${story} AS "storyId", ${column} AS "memberId", ${weight} AS weight FROM ${from}
     ${where} GROUP BY ${story}, ${column} ORDER BY ${story}, weight DESC, ${column}`,
    [...ids],
  );
  for (const row of rows) result.get(row.storyId)!.push(row.memberId);
  return result;
}

/**
 * How many statements each story's quotes are in. Each quote keeps its article's story, so
 * the (storyId, statementId) index alone answers, and the ids never leave the database: the
 * largest story's 1,441 ids, sent to the server and back as the page's filter, cost more
 * than reading its page and its count from that index (docs/PERFORMANCE.md).
 */
export async function statementCountsOfStories(store: SqlArchive, ids: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>(ids.map((id) => [id, 0]));
  if (!ids.length) return result;
  const rows = await sqlRows<{ storyId: number; n: number }>(
    store,
    `SELECT "storyId" AS "storyId", count(DISTINCT "statementId") AS n FROM quotes
     WHERE "storyId" IN (${placeholders(ids.length)}) AND "statementId" IS NOT NULL GROUP BY "storyId"`,
    [...ids],
  );
  for (const row of rows) result.set(Number(row.storyId), Number(row.n));
  return result;
}
