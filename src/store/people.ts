import type { Person } from "../generated/prisma/client.js";
import { slugify } from "../extract/names.js";
import { articleSortKeys } from "./articles.js";
import { addDateRange, addNamedFilter, Conditions, outletIdsIn, personIdsIn } from "./filters.js";
import { fetchKeysetPage, fetchKeysetPagesPerParent, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import type { SqlDialect, SqlParam } from "./sql-dialect.js";
import { placeholders, sqlRows, rowsByIds } from "./sql-rows.js";
import type { DateRange } from "./filters.js";

export type { Person };

export interface PersonFilter extends DateRange {
  /** Part of any spelling of the name, case-insensitive. */
  search?: string | null;
  /** Only people quoted in these outlets. */
  outlets?: string[] | null;
}

export type PersonOrder = "NAME" | "MOST_QUOTED" | "MOST_MENTIONED";

/** A person row as listed, with the count it was ordered by. */
export type PersonListRow = Person & { rank: number };

const sortKeys: Record<PersonOrder, SortKey[]> = {
  NAME: [
    { column: "p.name", direction: "ASC" },
    { column: "p.id", direction: "ASC" },
  ],
  MOST_QUOTED: [
    { column: "p.rank", direction: "DESC" },
    { column: "p.id", direction: "ASC" },
  ],
  MOST_MENTIONED: [
    { column: "p.rank", direction: "DESC" },
    { column: "p.id", direction: "ASC" },
  ],
};

export const personKey = (order: PersonOrder, p: PersonListRow): KeyValue[] =>
  order === "NAME" ? [p.name, p.id] : [p.rank, p.id];

// The date range restricts what is counted: "most quoted in March" counts March's quotes.
function rankedPeople(dialect: SqlDialect, filter: PersonFilter, order: PersonOrder): { sql: string; params: SqlParam[] } {
  const inner = new Conditions(dialect);
  if (filter.search) {
    const like = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    // Also on the aliases' slugs, which fold diacritics and punctuation as person(slug:) does:
    // "Rozentale" finds Rozentāle, and "ilze rozentale" finds her too.
    const folded = slugify(filter.search);
    inner.add(
      `(lower(p.name) LIKE ? ESCAPE '\\' OR p.id IN (SELECT "personId" FROM person_aliases WHERE lower(alias) LIKE ? ESCAPE '\\'${folded ? ` OR slug LIKE ? ESCAPE '\\'` : ""}))`,
      like(filter.search.toLowerCase()),
      like(filter.search.toLowerCase()),
      ...(folded ? [like(folded)] : []),
    );
  }
  addNamedFilter(inner, (list) => `p.id IN (SELECT "speakerId" FROM quotes WHERE "outletId" IN (${list}))`, null, filter.outlets, outletIdsIn);
  const counted = new Conditions(dialect);
  if (order === "MOST_QUOTED") {
    addDateRange(counted, `q."publishedOn"`, filter);
    if (!counted.sql.length) return { sql: `SELECT p.*, p."quoteCount" AS rank FROM people p ${inner.where()}`, params: inner.params };
    const where = ` AND ${counted.sql.join(" AND ")}`;
    return {
      sql: `SELECT p.*, (SELECT count(*) FROM quotes q WHERE q."speakerId" = p.id${where}) AS rank FROM people p ${inner.where()}`,
      params: [...counted.params, ...inner.params],
    };
  }
  if (order === "MOST_MENTIONED") {
    addDateRange(counted, `m."publishedOn"`, filter);
    if (!counted.sql.length) return { sql: `SELECT p.*, p."mentionCount" AS rank FROM people p ${inner.where()}`, params: inner.params };
    const where = ` AND ${counted.sql.join(" AND ")}`;
    return {
      sql: `SELECT p.*, (SELECT coalesce(sum(m.count), 0) FROM mentions m WHERE m."personId" = p.id${where}) AS rank FROM people p ${inner.where()}`,
      params: [...counted.params, ...inner.params],
    };
  }
  return { sql: `SELECT p.*, 0 AS rank FROM people p ${inner.where()}`, params: inner.params };
}

export async function findPeople(
  store: SqlArchive,
  filter: PersonFilter,
  order: PersonOrder,
  request: PageRequest,
): Promise<Page<PersonListRow>> {
  const base = rankedPeople(store.dialect, filter, order);
  // Ranked by counts in a period, people with none in it are not "quoted most".
  const keep = order === "NAME" ? null : "p.rank > 0";
  return fetchKeysetPage<PersonListRow>(store.dialect, request, sortKeys[order], (condition, orderBy, limit, keyParams) => {
    const where = [keep, condition].filter(Boolean).join(" AND ");
    return sqlRows(store, `SELECT * FROM (${base.sql}) p ${where ? `WHERE ${where}` : ""} ORDER BY ${orderBy} LIMIT ?`, [
      ...base.params,
      ...keyParams,
      limit,
    ]);
  });
}

export async function countPeople(store: SqlArchive, filter: PersonFilter, order: PersonOrder): Promise<number> {
  const base = rankedPeople(store.dialect, filter, order);
  const keep = order === "NAME" ? "" : "WHERE p.rank > 0";
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM (${base.sql}) p ${keep}`, base.params);
  return row.n;
}

/** A person by slug, or by the slug of any spelling seen ("volodymyr-zelenskiy"). */
export async function personBySlug(store: SqlArchive, slug: string): Promise<Person | null> {
  const [sql, params] = personIdsIn([slug]);
  const [row] = await sqlRows<Person>(store, `SELECT * FROM people WHERE id IN (${sql}) ORDER BY id LIMIT 1`, params);
  return row ?? null;
}

export async function peopleByIds(store: SqlArchive, ids: readonly number[]): Promise<(Person | null)[]> {
  return rowsByIds<Person>(store, "people", ids);
}

/** The people each article names, most mentioned first. */
export async function peopleOfArticles(store: SqlArchive, articleIds: readonly number[]): Promise<Map<number, Person[]>> {
  const result = new Map<number, Person[]>(articleIds.map((id) => [id, []]));
  if (!articleIds.length) return result;
  const rows = await sqlRows<Person & { articleId: number }>(
    store,
    `SELECT p.*, m."articleId" FROM mentions m JOIN people p ON p.id = m."personId"
     WHERE m."articleId" IN (${placeholders(articleIds.length)}) ORDER BY m."articleId", m.count DESC, p.name`,
    [...articleIds],
  );
  for (const { articleId, ...person } of rows) result.get(articleId)!.push(person);
  return result;
}

export async function aliasesOfPeople(store: SqlArchive, personIds: readonly number[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>(personIds.map((id) => [id, []]));
  if (!personIds.length) return result;
  const rows = await sqlRows<{ personId: number; alias: string }>(
    store,
    `SELECT "personId", alias FROM person_aliases WHERE "personId" IN (${placeholders(personIds.length)}) ORDER BY "personId", alias`,
    [...personIds],
  );
  for (const row of rows) result.get(row.personId)!.push(row.alias);
  return result;
}

// A person's counts are kept on their row by ingest (addToPersonCounts): counting the mentions
// and quotes of the most named person took 10 ms at 570,000 articles, and grows with the archive.
async function countsOfPeople(store: SqlArchive, column: "articleCount" | "quoteCount", personIds: readonly number[]): Promise<Map<number, number>> {
  if (!personIds.length) return new Map();
  const rows = await sqlRows<{ id: number; n: number }>(store, `SELECT id, "${column}" AS n FROM people WHERE id IN (${placeholders(personIds.length)})`, [...personIds]);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** In how many articles each person is named. */
export function articleCountsOfPeople(store: SqlArchive, personIds: readonly number[]): Promise<Map<number, number>> {
  return countsOfPeople(store, "articleCount", personIds);
}

/** How many quotes each person gave. */
export function quoteCountsOfPeople(store: SqlArchive, personIds: readonly number[]): Promise<Map<number, number>> {
  return countsOfPeople(store, "quoteCount", personIds);
}

/** The same page of articles naming each of many people, newest first. */
export function articlePagesOfPeople(store: SqlArchive, personIds: readonly number[], request: PageRequest) {
  return fetchKeysetPagesPerParent<{ id: number; publishedOn: string | null; parentId: number }>(
    store.dialect,
    request,
    articleSortKeys("PUBLISHED_ON_DESC"),
    `m."personId"`,
    personIds,
    (sql, params) => sqlRows(store, sql, params),
    { select: `a.id, a."publishedOn"`, from: `mentions m JOIN articles a ON a.id = m."articleId"` },
  );
}

/** Ids of the outlets that quoted each person. */
export async function outletIdsQuotingPeople(store: SqlArchive, personIds: readonly number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>(personIds.map((id) => [id, []]));
  if (!personIds.length) return result;
  const rows = await sqlRows<{ personId: number; outletId: number }>(
    store,
    `SELECT DISTINCT "speakerId" AS "personId", "outletId" FROM quotes
     WHERE "speakerId" IN (${placeholders(personIds.length)}) AND "outletId" IS NOT NULL ORDER BY "speakerId", "outletId"`,
    [...personIds],
  );
  for (const row of rows) result.get(row.personId)!.push(row.outletId);
  return result;
}
