import type { Statement } from "../generated/prisma/client.js";
import { addNamedFilter, addSearchOfParts, Conditions, MANY_MATCHES, matchesManyParents, outletIdsIn, personIdsIn, topicIdsIn, type DateRange } from "./filters.js";
import { fetchKeysetPage, fetchKeysetPagesPerParent, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import type { SqlDialect } from "./sql-dialect.js";
import type { SearchExpression } from "./search-syntax.js";
import { placeholders, sqlRows, rowsByIds } from "./sql-rows.js";

export type { Statement };

export interface StatementFilter extends DateRange {
  speakers?: string[] | null;
  outlets?: string[] | null;
  topics?: string[] | null;
  storyIds?: number[] | null;
  /** Words to find in any of its quotes, as parseSearch read them. */
  fullText?: SearchExpression | null;
  minOutlets?: number | null;
}

export type StatementOrder = "FIRST_REPORTED_DESC" | "MOST_OUTLETS";

const sortKeys: Record<StatementOrder, SortKey[]> = {
  FIRST_REPORTED_DESC: [
    { column: `s."firstReportedOn"`, direction: "DESC", nullable: true },
    { column: "s.id", direction: "DESC" },
  ],
  MOST_OUTLETS: [
    { column: `s."outletCount"`, direction: "DESC" },
    { column: `s."reportCount"`, direction: "DESC" },
    { column: "s.id", direction: "ASC" },
  ],
};

export const statementKey = (order: StatementOrder, s: Statement): KeyValue[] =>
  order === "MOST_OUTLETS" ? [s.outletCount, s.reportCount, s.id] : [s.firstReportedOn, s.id];

function statementConditions(filter: StatementFilter, dialect: SqlDialect, walked = false): Conditions {
  const c = new Conditions(dialect);
  addNamedFilter(c, (list) => `s."speakerId" IN (${list})`, null, filter.speakers, personIdsIn);
  addNamedFilter(c, (list) => `s.id IN (SELECT "statementId" FROM quotes WHERE "outletId" IN (${list}))`, null, filter.outlets, outletIdsIn);
  addNamedFilter(c, (list) => `s.id IN (SELECT q."statementId" FROM quotes q JOIN article_topics at ON at."articleId" = q."articleId" WHERE at."topicId" IN (${list}))`, null, filter.topics, topicIdsIn);
  if (filter.storyIds?.length) {
    // Each quote keeps its article's story: one index range, read for its statement ids alone.
    const storyQuotes = `SELECT "statementId" FROM quotes WHERE "storyId" IN (${placeholders(filter.storyIds.length)})`;
    c.add(dialect.inSubquery("s.id", storyQuotes), ...filter.storyIds);
  }
  // A statement is in a period when it was reported at any time in it.
  if (filter.publishedAfter) c.add(`s."lastReportedOn" >= ?`, filter.publishedAfter);
  if (filter.publishedBefore) c.add(`s."firstReportedOn" <= ?`, filter.publishedBefore);
  if (filter.fullText) addSearchOfParts(c, dialect, { parent: "s.id", table: "quotes", alias: "q", parentColumn: "statementId", span: { first: `s."firstReportedOn"`, last: `s."lastReportedOn"` } }, filter.fullText, walked);
  if (filter.minOutlets != null) c.add(`s."outletCount" >= ?`, filter.minOutlets);
  return c;
}

// A search's statements are read one of two ways, as a search's articles are (filters.ts:
// matchesMany): through the statements of every matching quote, or along the statements' own
// order, each kept when one of its quotes matches. A common word's 57,000 quotes were each
// read for their statement (112 ms at 750,000 articles; the walk, 16 ms). Quotes of one remark
// repeat, so what decides is how many statements the first matches are in (matchesManyParents).
export async function findStatements(store: SqlArchive, filter: StatementFilter, order: StatementOrder, request: PageRequest, manyMatches = MANY_MATCHES): Promise<Page<Statement>> {
  const walked = filter.fullText != null && (await matchesManyParents(store, "quotes", `"statementId"`, filter.fullText, manyMatches));
  const c = statementConditions(filter, store.dialect, walked);
  return fetchKeysetPage<Statement>(store.dialect, request, sortKeys[order], (condition, orderBy, limit, keyParams) =>
    sqlRows(store, `SELECT s.* FROM statements s ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [...c.params, ...keyParams, limit]),
  );
}

export async function countStatements(store: SqlArchive, filter: StatementFilter): Promise<number> {
  const c = statementConditions(filter, store.dialect);
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM statements s ${c.where()}`, c.params);
  return row.n;
}

export async function statementsByIds(store: SqlArchive, ids: readonly number[]): Promise<(Statement | null)[]> {
  return rowsByIds<Statement>(store, "statements", ids);
}

/** Ids of the outlets that carried each statement, by name. */
export async function outletIdsOfStatements(store: SqlArchive, ids: readonly number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (!ids.length) return result;
  const rows = await sqlRows<{ statementId: number; outletId: number }>(
    store,
    // Grouped rather than DISTINCT: PostgreSQL sorts a DISTINCT only by what it selects.
    `SELECT q."statementId", q."outletId" FROM quotes q JOIN outlets o ON o.id = q."outletId"
     WHERE q."statementId" IN (${placeholders(ids.length)}) GROUP BY q."statementId", q."outletId", o.name ORDER BY q."statementId", o.name`,
    [...ids],
  );
  for (const row of rows) result.get(row.statementId)!.push(row.outletId);
  return result;
}

/** The same page of quotes for each of many statements, first reported first. */
export function quotePagesOfStatements(store: SqlArchive, ids: readonly number[], request: PageRequest) {
  return fetchKeysetPagesPerParent<Record<string, unknown> & { id: number; articleId: number; speakerId: number | null; text: string; position: number; publishedOn: string | null; outletId: number | null; statementId: number | null }>(
    store.dialect,
    request,
    [
      { column: `q."publishedOn"`, direction: "ASC", nullable: true },
      { column: "q.id", direction: "ASC" },
    ],
    `q."statementId"`,
    ids,
    (sql, params) => sqlRows(store, sql, params),
    { select: `q.id, q."articleId", q."speakerId", q.text, q.position, q."publishedOn", q."outletId", q."statementId"`, from: "quotes q" },
  );
}
