// SQL conditions for the filters the API offers. Names a user gives (outlet names or
// slugs, person slugs or any alias slug, topic slugs or names) are resolved inside the
// query, so a filter costs one statement however many names it lists; or, where the plan
// depends on it, first, to ids (resolveIds).
import type { KeyValue } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import { placeholders, type SearchedTable, type SqlDialect, type SqlParam } from "./sql-dialect.js";
import type { SearchExpression } from "./search-syntax.js";
import { sqlRows } from "./sql-rows.js";

export interface DateRange {
  publishedAfter?: string | null; // inclusive, YYYY-MM-DD
  publishedBefore?: string | null; // inclusive
}

/** Conditions collected for one query, with their parameters in order. */
export class Conditions {
  readonly sql: string[] = [];
  readonly params: SqlParam[] = [];

  /** `dialect` writes what the engines say differently (store/sql-dialect.ts). */
  constructor(readonly dialect: SqlDialect) {}

  add(sql: string, ...params: SqlParam[]): void {
    this.sql.push(sql);
    this.params.push(...params);
  }

  where(extra?: string | null): string {
    const all = extra ? [...this.sql, extra] : this.sql;
    return all.length ? `WHERE ${all.join(" AND ")}` : "";
  }
}

const lower = (names: string[]) => names.map((n) => n.trim().toLowerCase());

export function outletIdsIn(names: string[]): [string, KeyValue[]] {
  const ns = lower(names);
  return [`SELECT id FROM outlets WHERE slug IN (${placeholders(ns.length)}) OR lower(name) IN (${placeholders(ns.length)})`, [...ns, ...ns]];
}

// A person may be addressed by any spelling seen: "volodymyr-zelenskiy" finds Zelensky.
export function personIdsIn(slugs: string[]): [string, KeyValue[]] {
  const ss = lower(slugs);
  return [
    `SELECT id FROM people WHERE slug IN (${placeholders(ss.length)}) UNION SELECT "personId" FROM person_aliases WHERE slug IN (${placeholders(ss.length)})`,
    [...ss, ...ss],
  ];
}

export function organisationIdsIn(names: string[]): [string, KeyValue[]] {
  const ns = lower(names);
  return [`SELECT id FROM organisations WHERE slug IN (${placeholders(ns.length)}) OR lower(name) IN (${placeholders(ns.length)})`, [...ns, ...ns]];
}

export function topicIdsIn(names: string[]): [string, KeyValue[]] {
  const ns = lower(names);
  return [`SELECT id FROM topics WHERE slug IN (${placeholders(ns.length)}) OR lower(name) IN (${placeholders(ns.length)})`, [...ns, ...ns]];
}

export function addDateRange(c: Conditions, column: string, range: DateRange): void {
  if (range.publishedAfter) c.add(`${column} >= ?`, range.publishedAfter);
  if (range.publishedBefore) c.add(`${column} <= ?`, range.publishedBefore);
}

type NamesToIds = (names: string[]) => [string, KeyValue[]];

/**
 * Adds `template(list)` for a filter on names: `list` is the ids already resolved (when
 * `ids` is given; none resolved matches nothing), or else a subquery resolving `names`.
 */
export function addNamedFilter(
  c: Conditions,
  template: (list: string) => string,
  ids: readonly number[] | null | undefined,
  names: string[] | null | undefined,
  namesToIds: NamesToIds,
): void {
  if (ids) c.add(ids.length ? template(placeholders(ids.length)) : c.dialect.boolean(false), ...ids);
  else if (names?.length) {
    const [sql, params] = namesToIds(names);
    c.add(template(sql), ...params);
  }
}

/**
 * The ids `names` stand for, read before a page is: given `"outletId" IN (SELECT …)`
 * SQLite cannot know the subquery yields one outlet (or person), so it gathers all of
 * its rows and sorts them; given the id it walks the matching index in order and stops
 * after a page. `ids` when already resolved; undefined when there is no such filter.
 */
export async function resolveIds(
  store: SqlArchive,
  ids: number[] | null | undefined,
  names: string[] | null | undefined,
  namesToIds: NamesToIds,
): Promise<number[] | undefined> {
  if (ids || !names?.length) return ids ?? undefined;
  const [sql, params] = namesToIds(names);
  return (await sqlRows<{ id: number }>(store, sql, params)).map((r) => r.id);
}

/** Matches from which a search's page is found sooner by walking the date index (see matchesMany; tests pass their own). */
export const MANY_MATCHES = 1_000;

// A search is read one of two ways. Through its matches: each row read for its date, all of
// them sorted, a page kept. Or along the date index, each row kept if it matches, until a page
// is full. A common word matched 25,000 of 550,000 articles, and SQLite read them all for 20
// (87 ms; the walk, 12 ms); a rare word would make the walk read the whole index. A search at
// least MANY_MATCHES rows match has a match every (rows ÷ 1,000) entries of the index or
// sooner. PostgreSQL's planner chooses the walk itself; told the search is common, it is given
// the form it walks cheaply (its dialect's fullTextMatch).
/** Whether at least `manyMatches` rows of `table` match `search` (counted no further). */
export async function matchesMany(store: SqlArchive, table: SearchedTable, search: SearchExpression, manyMatches: number): Promise<boolean> {
  const count = store.dialect.fullTextMatchesUpTo(table, search, manyMatches);
  const [row] = await sqlRows<{ n: number }>(store, count.sql, count.params);
  return Number(row.n) >= manyMatches;
}

/**
 * Whether the first 2 × `manyMatches` rows of `table` matching `search` belong to at least
 * `manyMatches` ÷ 2 of what `parentColumn` names (a quote's statement, an article's story):
 * then a walk of those along their own order meets one with a match at least every (all of
 * them ÷ 500). Rows of one parent repeat: a common word's first 2,000 quotes are in about 900
 * statements.
 */
export async function matchesManyParents(store: SqlArchive, table: SearchedTable, parentColumn: string, search: SearchExpression, manyMatches: number): Promise<boolean> {
  if (!(await matchesMany(store, table, search, manyMatches))) return false;
  const first = store.dialect.fullTextFirstMatches(table, parentColumn, search, 2 * manyMatches);
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(DISTINCT ${parentColumn}) AS n FROM (${first.sql}) AS first`, first.params);
  return Number(row.n) >= manyMatches / 2;
}

/**
 * Adds "one of its `table` rows (alias `alias`, its `parentColumn` naming `parent`) matches
 * `search`": a statement by its quotes, a story by its articles. Walked (matchesManyParents),
 * each parent met is checked through its rows; else the matching rows are read for their parents.
 */
export function addSearchOfParts(
  c: Conditions,
  dialect: SqlDialect,
  // span: the parent's first and last day, between which all its dated rows lie.
  parts: { parent: string; table: SearchedTable; alias: string; parentColumn: string; span: { first: string; last: string } },
  search: SearchExpression,
  walked: boolean,
): void {
  const { parent, table, alias, parentColumn, span } = parts;
  if (walked) {
    const match = dialect.fullTextMatch(table, `${alias}.id`, search, alias);
    const inYears = dialect.yearInSpan(`${alias}."publishedYear"`, span.first, span.last);
    c.add(`EXISTS (SELECT 1 FROM ${table} ${alias} WHERE ${alias}."${parentColumn}" = ${parent}${inYears ? ` AND ${inYears}` : ""} AND ${match.sql}${dialect.existsRowByRow})`, ...match.params);
  } else {
    const match = dialect.fullTextRowMatch(table, alias, search);
    c.add(`${parent} IN (SELECT ${alias}."${parentColumn}" FROM ${table} ${alias} WHERE ${match.sql})`, ...match.params);
  }
}

/** The share of a table's rows from which a walked search checks each row in the full-text index (see matchesMostOf). */
export const DENSE_SHARE = 1 / 16;

/** How many of the newest rows matchesMostOf looks at. */
export const DENSE_SAMPLE = 16_000;

// Walking the date index, SQLite checks each row met against the match list, read once, so
// the walk costs more the more rows match: 102 ms a page for "harbour", in 29% of a million
// articles. Looking each row met up in the full-text index instead costs about 0.05 ms a row:
// for a word in a sixteenth of the rows or more, a page of 20 meets at most 336 rows (1.6 ms
// for "minister", in 57%); for rarer common words the list is the cheaper. The share is
// taken in the newest DENSE_SAMPLE rows: counting every match up to a sixteenth of a million
// articles cost a word in 4.5% of them 3 ms more a page.
/** Whether `search` matches at least `share` of the newest rows of `table`, on an engine whose walk reads the match list first. */
export async function matchesMostOf(store: SqlArchive, table: SearchedTable, search: SearchExpression, share: number): Promise<boolean> {
  if (!store.dialect.walkReadsMatchList) return false;
  // Numbered by date, the articles' index has no newest ids to count in; their searches are
  // read in its order (articles.ts), and walked only past a cursor not made by their list.
  if (table === "articles" && store.dialect.articleSearchInDateOrder) return false;
  const [row] = await sqlRows<{ n: number | null }>(store, `SELECT max(id) AS n FROM ${table}`, []);
  const newest = Number(row.n ?? 0);
  const sample = Math.min(newest, DENSE_SAMPLE);
  const needed = Math.max(1, Math.ceil(sample * share));
  if (needed > sample) return false;
  const count = store.dialect.fullTextMatchesUpTo(table, search, needed, newest - sample);
  const [counted] = await sqlRows<{ n: number }>(store, count.sql, count.params);
  return Number(counted.n) >= needed;
}
