// Keyset ("seek") pagination: a page starts strictly after the sort key of the last row
// seen, so cursors stay valid when rows are inserted, and a deep page costs what the
// first one does (no OFFSET scan).

import { flip, keysetCondition, keysetRanges, placeholders, type KeyValue, type SortKey, type SqlCondition, type SqlDialect, type SqlParam } from "./sql-dialect.js";

export type { KeyValue, SortDirection, SortKey } from "./sql-dialect.js";

/** What a caller asks of one page. `after`/`before` are the sort key values of a row. */
export interface PageRequest {
  first?: number | null;
  after?: KeyValue[] | null;
  last?: number | null;
  before?: KeyValue[] | null;
}

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

interface PageShape {
  backward: boolean;
  size: number;
  order: SortKey[];
  /**
   * The conditions for after/before, as ranges read one after another (keysetRanges): the
   * page is their rows in turn. One range holding no condition when the page has no cursor.
   */
  ranges: { sql: string | null; params: SqlParam[] }[];
}

// Backward pages (`last`/`before`) run in the reverse order and are turned around after.
function shapePage(dialect: SqlDialect, request: PageRequest, keys: SortKey[]): PageShape {
  const backward = request.last != null || (request.before != null && request.first == null);
  const size = (backward ? request.last : request.first) ?? 20;
  const reversed = keys.map((k) => ({ ...k, direction: flip(k.direction) }));
  const order = backward ? reversed : keys;
  // "before X" in one order is "after X" in the reverse order.
  const cursors: [SortKey[], KeyValue[]][] = [];
  if (request.after) cursors.push([keys, request.after]);
  if (request.before) cursors.push([reversed, request.before]);
  if (!cursors.length) return { backward, size, order, ranges: [{ sql: null, params: [] }] };
  // A cursor in the page's own order is read range by range; a page between two cursors
  // (rare) ANDs them, each as one condition.
  const [own] = cursors.filter(([k]) => k === order);
  if (cursors.length === 1 && own) return { backward, size, order, ranges: keysetRanges(dialect, own[0], own[1]) };
  const params: SqlParam[] = [];
  const sql = cursors.map(([k, values]) => keysetCondition(dialect, k, values, params)).join(" AND ");
  return { backward, size, order, ranges: [{ sql, params }] };
}

/** The page's ranges as one condition, for a statement that cannot read them one after another. */
function oneCondition(shape: PageShape): SqlCondition | null {
  if (shape.ranges.length === 1) return shape.ranges[0].sql == null ? null : { sql: shape.ranges[0].sql, params: shape.ranges[0].params };
  return { sql: `(${shape.ranges.map((r) => r.sql).join(" OR ")})`, params: shape.ranges.flatMap((r) => r.params) };
}

// Rows were fetched one beyond the page size: that extra row tells whether more follow.
function finishPage<T>(rows: T[], shape: PageShape, request: PageRequest): Page<T> {
  const more = rows.length > shape.size;
  const page = rows.slice(0, shape.size);
  if (!shape.backward) return { rows: page, hasNextPage: more, hasPreviousPage: request.after != null };
  page.reverse();
  return { rows: page, hasPreviousPage: more, hasNextPage: request.before != null };
}

/**
 * Fetches one page of a query in `keys` order. `query(condition, orderBy, limit, params)`
 * must AND `condition` into its WHERE, order by `orderBy`, apply `limit`, and append
 * `params` after its own.
 */
export async function fetchKeysetPage<T>(
  dialect: SqlDialect,
  request: PageRequest,
  keys: SortKey[],
  query: (condition: string | null, orderBy: string, limit: number, params: SqlParam[]) => Promise<T[]>,
): Promise<Page<T>> {
  const shape = shapePage(dialect, request, keys);
  const rows: T[] = [];
  for (const range of shape.ranges) {
    rows.push(...(await query(range.sql, dialect.orderBy(shape.order), shape.size + 1 - rows.length, range.params)));
    if (rows.length > shape.size) break;
  }
  return finishPage(rows, shape, request);
}

/**
 * The same page request for many parents at once (the quotes of 50 articles) in one
 * statement: ROW_NUMBER() numbers each parent's rows and the first `size + 1` of each
 * are kept. `source.from` names its table with the alias the sort key columns use.
 */
export async function fetchKeysetPagesPerParent<T extends Record<string, unknown>>(
  dialect: SqlDialect,
  request: PageRequest,
  keys: SortKey[],
  parentColumn: string,
  parentIds: readonly number[],
  run: (sql: string, params: SqlParam[]) => Promise<T[]>,
  source: { select: string; from: string; where?: string[]; params?: SqlParam[] },
): Promise<Map<number, Page<T>>> {
  const shape = shapePage(dialect, request, keys);
  const cursor = oneCondition(shape);
  const where = [...(source.where ?? []), `${parentColumn} IN (${placeholders(parentIds.length)})`, ...(cursor ? [cursor.sql] : [])];
  const params = [...(source.params ?? []), ...parentIds, ...(cursor?.params ?? []), shape.size + 1];
  const sql = `SELECT * FROM (
      SELECT ${source.select}, ${parentColumn} AS "parentId",
             ROW_NUMBER() OVER (PARTITION BY ${parentColumn} ORDER BY ${dialect.orderBy(shape.order)}) AS "rowNumber"
      FROM ${source.from} WHERE ${where.join(" AND ")}
    ) AS numbered WHERE "rowNumber" <= ? ORDER BY "parentId", "rowNumber"`;
  const byParent = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  for (const row of await run(sql, params)) byParent.get(row.parentId as number)?.push(row);
  return new Map([...byParent].map(([id, rows]) => [id, finishPage(rows, shape, request)]));
}
