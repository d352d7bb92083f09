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
  /** A boolean literal (SQLite has none: 1 and 0). */
  boolean(value: boolean): string;
  /** `a` equals `b`, NULL equal to NULL. */
  nullSafeEquals(a: string, b: string): string;
  /** SQL that holds for rows strictly after `values` in the order `keys`; pushes its parameters. */
  keysetCondition(keys: SortKey[], values: KeyValue[], params: SqlParam[]): string;
  /** ORDER BY's list for `keys`, NULL placed as SortKey says. */
  orderBy(keys: SortKey[]): string;
  /** An INSERT of `columns` that skips a row conflicting with a unique key already stored. */
  insertIgnoring(table: string, columns: string[]): string;
  /** Rows of `table` (its id as `idColumn`) whose text matches `search`. */
  fullTextMatch(table: SearchedTable, idColumn: string, search: SearchExpression): { sql: string; params: SqlParam[] };
  /**
   * `id` and `snippet` of the articles among `ids` matching `search`: about 24 words of the
   * body around the matches, each match between `open` and `close`, cut ends marked `…`.
   */
  articleSnippets(ids: readonly number[], search: SearchExpression, open: string, close: string): { sql: string; params: SqlParam[] };
}

export const flip = (d: SortDirection): SortDirection => (d === "ASC" ? "DESC" : "ASC");

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/**
 * The keyset condition both engines can run, one alternative per key: (k1 after v1) OR
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
