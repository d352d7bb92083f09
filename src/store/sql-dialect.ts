// What the SQL of store/*.ts says differently on SQLite and on PostgreSQL, in one small
// interface: the queries are written once, in the SQL both engines share, and ask the
// dialect for the few constructs that differ. sqlite/sqlite-dialect.ts and
// postgres/postgres-dialect.ts implement it.
//
// Queries are written with `?` placeholders; numberPlaceholders turns them into what the
// driver wants, so fragments built apart (conditions, keysets) join without renumbering.
import type { SearchExpression } from "./search-syntax.js";

export type SortDirection = "ASC" | "DESC";
export type KeyValue = string | number | null;
/** A parameter: a key value, or (PostgreSQL's id lists) an array of ids. */
export type SqlParam = KeyValue | readonly number[];

/** One column of a sort order, as it appears in SQL (e.g. `a."publishedOn"`). */
export interface SortKey {
  column: string;
  direction: SortDirection;
  /**
   * The column may hold NULL. Every order sorts NULL before every value in ASC order and
   * after every value in DESC order, SQLite's rule, on both engines.
   */
  nullable?: boolean;
}

/** The tables that have a full-text index, and the column of each that holds the text shown in snippets. */
export type SearchedTable = "articles" | "quotes";

export interface SqlDialect {
  readonly name: "sqlite" | "postgresql";
  /** `sql` with its `?` placeholders as the driver wants them (`$1, $2…` on PostgreSQL). */
  numberPlaceholders(sql: string): string;
  /** `column` is one of `ids`, as one parameter however many ids there are. */
  inIdList(column: string, ids: readonly number[]): { sql: string; param: SqlParam };
  /** The same for 64-bit integers (echo keys). */
  inKeyList(column: string, keys: readonly number[]): { sql: string; param: SqlParam };
  /**
   * `column` is one of the values `subquery` selects, where the subquery is small and the
   * table it filters large: the subquery is to be run first, once.
   */
  inSubquery(column: string, subquery: string): string;
  /** A boolean literal (SQLite has none: 1 and 0). */
  boolean(value: boolean): string;
  /** `a` equals `b`, NULL equal to NULL. */
  nullSafeEquals(a: string, b: string): string;
  /** ORDER BY's list for `keys`, NULL placed as SortKey says. */
  orderBy(keys: SortKey[]): string;
  /**
   * `outer` joined to `inner` on `on`, `outer` read first: where the order the rows are read
   * in is what makes a page cheap (a person's articles walk the mentions index).
   */
  joinInOrder(outer: string, inner: string, on: string): string;
  /**
   * `column` (a "publishedYear") is one of `years`: on PostgreSQL, which partitions articles
   * and quotes by year, the partitions to read. SQLite has no partitions and checks nothing,
   * since asking for the column would read each row an index otherwise answers alone (a
   * story's count read its thousand articles' rows, 3 ms against 0.08).
   */
  inYearPartitions(column: string, years: readonly number[]): string;
  /** `table` (with its alias) read along its primary key rather than an index on a filtered column. */
  byPrimaryKey(table: string): string;
  /** `table` (with its alias) read in the order of `index`, where the engine would not choose it alone. */
  inIndexOrder(table: string, index: string): string;
  /**
   * What ends an EXISTS subquery so that it is checked row by row as the outer rows are walked,
   * rather than turned into a join (PostgreSQL: OFFSET 0; SQLite checks it row by row anyway).
   */
  readonly existsRowByRow: string;
  /**
   * `column` (a row's "publishedYear") lies in the years of the days `first` to `last` (SQL
   * naming a parent's first and last day, null when it has none), or is 0 (undated): on
   * PostgreSQL, the partitions a statement's quotes or a story's articles can be in. Null
   * where rows are not partitioned (SQLite: nothing to check).
   */
  yearInSpan(column: string, first: string, last: string): string | null;
  /**
   * Where the engine's statistics of a full-text index can be read (PostgreSQL's most common
   * elements of each search vector column, kept by ANALYZE): a read of each common `lexeme`
   * with the `share` of rows holding it and the table's `rows`, and the lexeme a search word is
   * indexed as. Null where they cannot (SQLite).
   */
  readonly commonLexemes: { sql(table: SearchedTable): string; lexeme(word: string): string } | null;
  /**
   * Whether a page of articles reads their columns as it finds them (PostgreSQL: one round trip
   * fewer, and the rows are read anyway), or finds their ids along an index alone and reads the
   * page's rows after (SQLite: a walk meets many rows that are not on the page).
   */
  readonly pageReadsRows: boolean;
  /**
   * Where articles and quotes are partitioned by publication year (PostgreSQL), a read of the
   * years that have a partition (`year`, 0 for the undated), so that a search's page can read
   * one year at a time and stop at its last row (partitioned-search.ts). Null where they are not (SQLite).
   */
  readonly partitionYears: string | null;
  /** An INSERT of `rows` rows (1 unless told) of `columns` that skips a row conflicting with a unique key already stored. */
  insertIgnoring(table: string, columns: string[], rows?: number): string;
  /** The instant the statement runs, as a timestamp column stores it (UTC). */
  readonly now: string;
  /**
   * Rows of `table` (its id as `idColumn`) whose text matches `search`. `walked`, the alias of
   * the row, is given for a search known to match many rows, read along another index (the
   * date index; a statement's quotes): each row met is then checked itself, and the matches
   * never drive the read. `dense`, for a search known to match a large share of the rows (see
   * walkReadsMatchList), checks each row met in the full-text index rather than in the match list.
   */
  fullTextMatch(table: SearchedTable, idColumn: string, search: SearchExpression, walked?: string, dense?: boolean): { sql: string; params: SqlParam[] };
  /**
   * Whether a walked match reads the whole match list first (SQLite), so that a search matching
   * most rows is found sooner by checking each row met in the full-text index (`dense`).
   */
  readonly walkReadsMatchList: boolean;
  /**
   * A read of `n`: how many rows of `table` match `search`, counting no further than `limit`
   * (and only rows of id above `afterId` when given).
   */
  fullTextMatchesUpTo(table: SearchedTable, search: SearchExpression, limit: number, afterId?: number): { sql: string; params: SqlParam[] };
  /**
   * `alias`, a row of `table` read for another table (a statement's quotes, a story's
   * articles), matches `search`, in the form that lets the matches drive the read.
   */
  fullTextRowMatch(table: SearchedTable, alias: string, search: SearchExpression): { sql: string; params: SqlParam[] };
  /** A read of `columns` of the first `limit` rows of `table` that match `search` (in no particular order). */
  fullTextFirstMatches(table: SearchedTable, columns: string, search: SearchExpression, limit: number): { sql: string; params: SqlParam[] };
  /**
   * `id` and `snippet` of the articles among `ids` matching `search`: about 24 words of the
   * body around the matches, each match between `open` and `close`, cut ends marked `…`. Where
   * `highlight` is given, the engine reads the body as `snippet` and `highlight` makes the snippet of it.
   */
  articleSnippets(ids: readonly number[], search: SearchExpression, open: string, close: string): { sql: string; params: SqlParam[]; highlight?: (body: string) => string };
  /**
   * Where the articles' full-text index numbers its rows in the articles' (publishedOn, id)
   * order (SQLite), the articles matching `search` read in that order: `id` and `rank` name
   * each match's article id and its number, `rankOf` numbers a key, `dayBounds` the numbers of
   * a day's articles. Null where the index has no such order (PostgreSQL).
   */
  readonly articleSearchInDateOrder: {
    matches(search: SearchExpression): { from: string; where: string; id: string; rank: string; params: SqlParam[] };
    rankOf(publishedOn: string | null, id: number): number;
    dayBounds(day: string): { first: number; last: number };
    /** A read of `id` and `rank` of the articles among `ids`. */
    ranks(ids: readonly number[]): { sql: string; params: SqlParam[] };
    /** As articleSnippets, for the first `limit` matches numbered `fromRank` or below, from the highest down. */
    snippetsDown(search: SearchExpression, open: string, close: string, fromRank: number, limit: number): { sql: string; params: SqlParam[] };
  } | null;
}

export const flip = (d: SortDirection): SortDirection => (d === "ASC" ? "DESC" : "ASC");

/** `(?, ?), (?, ?)`: VALUES for `rows` rows of `columns` values (see insert-rows.ts). */
export function valueRows(columns: number, rows: number): string {
  const row = `(${placeholders(columns)})`;
  return Array.from({ length: rows }, () => row).join(", ");
}

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/** A condition and its parameters. */
export interface SqlCondition {
  sql: string;
  params: SqlParam[];
}

/**
 * The rows strictly after `values` in the order `keys`, as conditions whose rows follow one
 * another in that order: a page reads the first, and the next only if the first ran out.
 * Newest first, the undated rows come after every dated one; asked in one condition,
 * `(k1, k2) < (?, ?) OR k1 IS NULL`, SQLite read the whole index down to the cursor
 * instead of seeking to it. Apart, each is one range of the index.
 */
export function keysetRanges(dialect: SqlDialect, keys: SortKey[], values: KeyValue[]): SqlCondition[] {
  if (rowValueApplies(keys, values) && keys[0].nullable && keys[0].direction === "DESC" && values[0] !== null) {
    const params: SqlParam[] = [...values];
    return [
      { sql: `(${keys.map((k) => k.column).join(", ")}) < (${placeholders(keys.length)})`, params },
      { sql: `${keys[0].column} IS NULL`, params: [] },
    ];
  }
  const params: SqlParam[] = [];
  const sql = rowValueApplies(keys, values) ? rowValueKeysetCondition(keys, values, params) : expandedKeysetCondition(dialect, keys, values, params);
  return [{ sql, params }];
}

/** SQL that holds for rows strictly after `values` in the order `keys` (keysetRanges as one condition); pushes its parameters. */
export function keysetCondition(dialect: SqlDialect, keys: SortKey[], values: KeyValue[], params: SqlParam[]): string {
  const ranges = keysetRanges(dialect, keys, values);
  for (const range of ranges) params.push(...range.params);
  return ranges.length === 1 ? ranges[0].sql : `(${ranges.map((r) => r.sql).join(" OR ")})`;
}

// Where a row value compares past a NULL its result is NULL: the row-value form holds
// only when every key after the first is NOT NULL. All keys must also share a direction.
function rowValueApplies(keys: SortKey[], values: KeyValue[]): boolean {
  return keys.length > 1 && keys.every((k) => k.direction === keys[0].direction) && keys.slice(1).every((k, i) => !k.nullable && values[i + 1] !== null);
}

/**
 * The row-value form `(k1, k2) < (?, ?)`: one range of the index the cursor reads, on both
 * engines. The expanded OR form is read as several ranges on PostgreSQL (1.07 ms a page at
 * 100,000 articles against 0.05 ms), and SQLite scanned the index from its start to the
 * cursor (2.2 ms a page against 0.17 ms at 20,000 rows). NULL first in ASC and last in
 * DESC is handled beside it.
 */
function rowValueKeysetCondition(keys: SortKey[], values: KeyValue[], params: SqlParam[]): string {
  const asc = keys[0].direction === "ASC";
  const op = asc ? ">" : "<";
  const [first, ...rest] = keys;
  if (values[0] === null) {
    // After (NULL, v2…): the rest of the NULL rows, then (ASC) every row with a value.
    params.push(...values.slice(1));
    const tail = `${first.column} IS NULL AND (${rest.map((k) => k.column).join(", ")}) ${op} (${placeholders(rest.length)})`;
    return asc ? `((${tail}) OR ${first.column} IS NOT NULL)` : `(${tail})`;
  }
  params.push(...values);
  const range = `(${keys.map((k) => k.column).join(", ")}) ${op} (${placeholders(keys.length)})`;
  // A NULL k1 makes the row comparison NULL: in DESC order those rows come last, so are after.
  return asc || !first.nullable ? range : `(${range} OR ${first.column} IS NULL)`;
}

/**
 * The keyset condition for keys of mixed directions, one alternative per key: (k1 after v1) OR
 * (k1 = v1 AND k2 after v2) OR … NULL sorts first in ASC and last in DESC, so "comes after
 * NULL" in DESC order is nothing and in ASC order is every value.
 */
export function expandedKeysetCondition(dialect: Pick<SqlDialect, "boolean" | "nullSafeEquals">, keys: SortKey[], values: KeyValue[], params: SqlParam[]): string {
  const comesAfter = (column: string, direction: SortDirection, value: KeyValue): string => {
    if (value === null) return direction === "ASC" ? `${column} IS NOT NULL` : dialect.boolean(false);
    params.push(value);
    return direction === "ASC" ? `${column} > ?` : `(${column} < ? OR ${column} IS NULL)`;
  };
  const alternatives = keys.map((key, i) => {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      parts.push(dialect.nullSafeEquals(keys[j].column, "?"));
      params.push(values[j]);
    }
    parts.push(comesAfter(key.column, key.direction, values[i]));
    return `(${parts.join(" AND ")})`;
  });
  return `(${alternatives.join(" OR ")})`;
}
