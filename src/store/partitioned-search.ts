// A page of a search, alone or with a date range, over a table partitioned by publication year
// (PostgreSQL's articles and quotes), newest or oldest first.
//
// Read as a condition on the page's own read (`a.id IN (matches)`), PostgreSQL joined every
// match back to the table through each year's primary key before sorting (ten lookups a match:
// 61 ms for 64 matching articles at a million), or, for quotes, started parallel workers for a
// hash join (35 ms for a word no quote holds). Read here, the matches' sort keys are sorted
// first, and only the page's rows are then read, each in its year's partition (about 1.2 ms).
//
// A search that many rows match walks the first year's date index instead, checking each row,
// as long as a match comes at least every WALK_ROWS_PER_MATCH rows; past that, or in the next
// years, each year's matches are read sorted. Walked to the end, two words together in 0.1% of
// a million articles read 21,000 rows for a page (242 ms); sorted, a word in 4.5% of them reads
// its 4,400 matches of a year (7 ms, against 2 ms walked).
import { addDateRange, Conditions, type DateRange } from "./filters.js";
import { fetchKeysetPage, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import { keysetCondition, type SearchedTable, type SqlParam } from "./sql-dialect.js";
import type { SearchExpression } from "./search-syntax.js";
import { sqlRows } from "./sql-rows.js";

/** What a search reads of a table: the row's columns, its order and its key. */
export interface SearchedRows<T> {
  table: SearchedTable;
  /** The table's alias in `keys`. */
  alias: string;
  /** The row's columns, a list of names without a table's alias. */
  columns: string;
  /** The page's order, on `${alias}.` columns; its first key is the publication day. */
  keys: SortKey[];
  keyOf(row: T): KeyValue[];
}

export type SearchAlone = DateRange & { fullText: SearchExpression };

type After = { sql: string | null; params: SqlParam[] };

// An article walked costs about 4.5 µs (its heap page, its search vector checked), a match
// read sorted about 1.6 µs. Giving up after 50 rows a match, a page of 20 costs at most about
// 8 ms either way in a year of 100,000 articles: walked, a match every 50 rows is 4.7 ms; given
// up on (4.7 ms), a year of 2,000 matches sorted is 3.2 ms more. A quote walked costs about
// 0.75 µs (short rows, many to a page) in years of 250,000: 150. (The best figure grows as the
// square root of a year's rows.)
/** Rows of the date index a walk reads for each row of the page before the matches are read sorted instead (tests pass their own). */
export const WALK_ROWS_PER_MATCH: Record<SearchedTable, number> = { articles: 50, quotes: 150 };

/**
 * Whether at least `manyMatches` rows of `table` match `search` (counted no further), and the
 * years that have a partition (`yearsSql`), in one round trip; or, for one word the engine's
 * statistics hold as common, the years alone.
 */
export async function countMatchesAndYears(store: SqlArchive, table: SearchedTable, search: SearchExpression, manyMatches: number, yearsSql: string): Promise<{ many: boolean; years: number[] }> {
  if (await surelyMany(store, table, search, manyMatches)) {
    return { many: true, years: (await sqlRows<{ year: number }>(store, yearsSql)).map((r) => Number(r.year)) };
  }
  const count = store.dialect.fullTextMatchesUpTo(table, search, manyMatches);
  const [row] = await sqlRows<{ n: number; years: number[] }>(store, `SELECT (${count.sql}) AS n, ARRAY(${yearsSql}) AS years`, count.params);
  return { many: Number(row.n) >= manyMatches, years: row.years.map(Number) };
}

// Counting a common word's first 1,000 matches took 1.4 ms of a 9 ms request at a million
// articles; a word the statistics hold in a few percent of rows needs no counting. Trusted
// only four times over the line, as the statistics are as old as the last ANALYZE; wrong, the
// walk gives up and the page is read sorted all the same.
const SURELY = 4;
const STATISTICS_KEPT_MS = 10 * 60_000;
const lexemeShares = new Map<string, { read: number; shares: Map<string, number>; rows: number }>();

/** Whether `search` is one word in at least SURELY × `manyMatches` rows of `table`, by the engine's statistics. */
async function surelyMany(store: SqlArchive, table: SearchedTable, search: SearchExpression, manyMatches: number): Promise<boolean> {
  const common = store.dialect.commonLexemes;
  const [group] = search.anyOf;
  if (!common || search.anyOf.length !== 1 || group.length !== 1 || group[0].words.length !== 1 || group[0].prefix) return false;
  const key = `${store.url} ${table}`;
  let known = lexemeShares.get(key);
  if (!known || performance.now() - known.read > STATISTICS_KEPT_MS) {
    const rows = await sqlRows<{ lexeme: string; share: number; rows: number }>(store, common.sql(table));
    known = { read: performance.now(), shares: new Map(rows.map((r) => [r.lexeme, Number(r.share)])), rows: Number(rows[0]?.rows ?? 0) };
    lexemeShares.set(key, known);
  }
  return (known.shares.get(common.lexeme(group[0].words[0])) ?? 0) * known.rows >= SURELY * manyMatches;
}

/** A search's page when fewer than MANY_MATCHES rows match: every match's sort key read and sorted. */
export function findFewSearched<T>(store: SqlArchive, rows: SearchedRows<T>, filter: SearchAlone, request: PageRequest): Promise<Page<T>> {
  return fetchKeysetPage<T>(store.dialect, request, rows.keys, (condition, orderBy, limit, keyParams) =>
    readSortedMatches(store, rows, filter, { sql: condition, params: keyParams }, orderBy, limit),
  );
}

/** A search's page when many rows match: the first year walked (see the top of this file), the rest sorted a year at a time. */
export function findManySearched<T>(store: SqlArchive, rows: SearchedRows<T>, filter: SearchAlone, request: PageRequest, partitionYears: number[], walkRowsPerMatch = WALK_ROWS_PER_MATCH[rows.table]): Promise<Page<T>> {
  const { dialect } = store;
  const first = filter.publishedAfter ? Number(filter.publishedAfter.slice(0, 4)) : -Infinity;
  const last = filter.publishedBefore ? Number(filter.publishedBefore.slice(0, 4)) : Infinity;
  // A date range holds no undated row (year 0), nor one of a year outside it.
  const ranged = filter.publishedAfter != null || filter.publishedBefore != null;
  const years = yearsToWalk(ranged ? partitionYears.filter((y) => y > 0 && y >= first && y <= last) : partitionYears, request);
  const reversed = rows.keys.map((k) => ({ ...k, direction: k.direction === "ASC" ? ("DESC" as const) : ("ASC" as const) }));
  return fetchKeysetPage<T>(dialect, request, rows.keys, async (condition, orderBy, limit, keyParams) => {
    // The page's own order, or (a backward page) its reverse.
    const keys = orderBy === dialect.orderBy(rows.keys) ? rows.keys : reversed;
    const newestFirst = keys[0].direction === "DESC";
    const found: T[] = [];
    let after: After = { sql: condition, params: keyParams };
    const take = (read: T[]) => {
      found.push(...read);
      if (!read.length) return;
      const params: SqlParam[] = [];
      after = { sql: keysetCondition(dialect, keys, rows.keyOf(read[read.length - 1]), params), params };
    };
    for (const [i, year] of (newestFirst ? years.newestFirst : years.oldestFirst).entries()) {
      if (i === 0) {
        take(await walkYear(store, rows, filter, year, after, orderBy, limit, walkRowsPerMatch));
        if (found.length >= limit) break;
      }
      // The rest of the year the walk gave up on, or the next year: its matches sorted.
      take(await readSortedMatches(store, rows, filter, after, orderBy, limit - found.length, year));
      if (found.length >= limit) break;
    }
    return found;
  });
}

/**
 * The years a page reads, in each direction: newest first with the undated (year 0) last, as
 * DESC NULLS LAST orders them, or the reverse. A forward page after a cursor skips the years
 * the cursor has passed (their rows would all fail its condition).
 */
function yearsToWalk(years: number[], request: PageRequest): { newestFirst: number[]; oldestFirst: number[] } {
  const dated = years.filter((y) => y > 0).sort((a, b) => b - a);
  const undated = years.includes(0) ? [0] : [];
  let descending = [...dated, ...undated];
  let ascending = [...undated, ...[...dated].reverse()];
  // Only a forward page (`first` after a cursor) reads in the cursor's own order; a key that is
  // no day (a hand-made cursor) is compared as it is, in every year.
  const after = request.before == null && request.last == null ? request.after : null;
  if (after && (after[0] === null || (typeof after[0] === "string" && /^\d{4}-/.test(after[0])))) {
    const year = after[0] === null ? 0 : Number(after[0].slice(0, 4));
    // After a dated key, newest first: its year and older, then the undated; after an undated key: the undated only.
    descending = year === 0 ? undated : descending.filter((y) => y === 0 || y <= year);
    // Oldest first: after an undated key, all of them; after a dated one, its year and newer.
    ascending = year === 0 ? ascending : ascending.filter((y) => y !== 0 && y >= year);
  }
  return { newestFirst: descending, oldestFirst: ascending };
}

/** The first `limit` matches among the first `rowsPerMatch` × `limit` rows of `year` in the page's order. */
function walkYear<T>(store: SqlArchive, rows: SearchedRows<T>, filter: SearchAlone, year: number, after: After, orderBy: string, limit: number, rowsPerMatch: number) {
  const { alias } = rows;
  const c = new Conditions(store.dialect);
  addDateRange(c, `${alias}."publishedOn"`, filter);
  c.add(`${alias}."publishedYear" = ?`, year);
  const match = store.dialect.fullTextMatch(rows.table, `${alias}.id`, filter.fullText, alias);
  return sqlRows<T>(
    store,
    `SELECT ${rows.columns} FROM (SELECT ${qualified(rows.columns, alias)}, ${alias}."searchVector" FROM ${rows.table} ${alias} ${c.where(after.sql)} ORDER BY ${orderBy} LIMIT ?) ${alias}
     WHERE ${match.sql} ORDER BY ${orderBy} LIMIT ?`,
    [...c.params, ...after.params, rowsPerMatch * limit, ...match.params, limit],
  );
}

/**
 * The first `limit` matches (in `year` when given) after `after`, in `orderBy`: their sort keys
 * read through the full-text index and sorted, then their rows. The OFFSET 0 keeps the matches
 * a subquery of their own, read through the full-text index whatever plan the prepared
 * statement keeps.
 */
function readSortedMatches<T>(store: SqlArchive, rows: SearchedRows<T>, filter: SearchAlone, after: After, orderBy: string, limit: number, year?: number) {
  const { alias, table } = rows;
  const c = new Conditions(store.dialect);
  addDateRange(c, `${alias}."publishedOn"`, filter);
  const match = store.dialect.fullTextRowMatch(table, alias, filter.fullText);
  c.add(match.sql, ...match.params);
  if (year !== undefined) c.add(`${alias}."publishedYear" = ?`, year);
  const keys = `${alias}.id, ${alias}."publishedYear", ${alias}."publishedOn"`;
  const matches = `SELECT ${keys} FROM ${table} ${alias} ${c.where()} OFFSET 0`;
  return sqlRows<T>(
    store,
    `SELECT ${qualified(rows.columns, "r")} FROM (SELECT ${keys} FROM (${matches}) ${alias} ${after.sql ? `WHERE ${after.sql}` : ""} ORDER BY ${orderBy} LIMIT ?) ${alias}
     JOIN ${table} r ON r.id = ${alias}.id AND r."publishedYear" = ${alias}."publishedYear" ORDER BY ${orderBy}`,
    [...c.params, ...after.params, limit],
  );
}

/** `columns`, each with `alias.` in front. */
export const qualified = (columns: string, alias: string) => columns.replace(/(^|, )/g, `$1${alias}.`);
