// Keyset ("seek") pagination: a page starts strictly after the sort key of the last row
// seen, so cursors stay valid when rows are inserted, and a deep page costs what the
// first one does (no OFFSET scan).

export type SortDirection = "ASC" | "DESC";
export type KeyValue = string | number | null;

/** One column of a sort order, as it appears in SQL (e.g. `a."publishedOn"`). */
export interface SortKey {
  column: string;
  direction: SortDirection;
}

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

const flip = (d: SortDirection): SortDirection => (d === "ASC" ? "DESC" : "ASC");

// SQLite puts NULL before every value in ASC order and after every value in DESC order;
// "comes after v" must follow the same rule or rows without a date would never be reached.
function comesAfter(column: string, direction: SortDirection, value: KeyValue, params: KeyValue[]): string {
  if (value === null) return direction === "ASC" ? `${column} IS NOT NULL` : "0";
  params.push(value);
  return direction === "ASC" ? `${column} > ?` : `(${column} < ? OR ${column} IS NULL)`;
}

/** SQL that holds for rows strictly after `values` in the order `keys`. */
export function keysetCondition(keys: SortKey[], values: KeyValue[], params: KeyValue[]): string {
  const alternatives: string[] = [];
  keys.forEach((key, i) => {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      parts.push(`${keys[j].column} IS ?`);
      params.push(values[j]);
    }
    parts.push(comesAfter(key.column, key.direction, values[i], params));
    alternatives.push(`(${parts.join(" AND ")})`);
  });
  return `(${alternatives.join(" OR ")})`;
}

export function orderByClause(keys: SortKey[]): string {
  return keys.map((k) => `${k.column} ${k.direction}`).join(", ");
}

interface PageShape {
  backward: boolean;
  size: number;
  order: SortKey[];
  /** SQL conditions for after/before, and their params. */
  conditions: string[];
  params: KeyValue[];
}

// Backward pages (`last`/`before`) run in the reverse order and are turned around after.
function shapePage(request: PageRequest, keys: SortKey[]): PageShape {
  const backward = request.last != null || (request.before != null && request.first == null);
  const size = (backward ? request.last : request.first) ?? 20;
  const reversed = keys.map((k) => ({ ...k, direction: flip(k.direction) }));
  const params: KeyValue[] = [];
  const conditions: string[] = [];
  if (request.after) conditions.push(keysetCondition(keys, request.after, params));
  // "before X" in one order is "after X" in the reverse order.
  if (request.before) conditions.push(keysetCondition(reversed, request.before, params));
  return { backward, size, order: backward ? reversed : keys, conditions, params };
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
  request: PageRequest,
  keys: SortKey[],
  query: (condition: string | null, orderBy: string, limit: number, params: KeyValue[]) => Promise<T[]>,
): Promise<Page<T>> {
  const shape = shapePage(request, keys);
  const condition = shape.conditions.length ? shape.conditions.join(" AND ") : null;
  const rows = await query(condition, orderByClause(shape.order), shape.size + 1, shape.params);
  return finishPage(rows, shape, request);
}

/**
 * The same page request for many parents at once (the quotes of 50 articles) in one
 * statement: ROW_NUMBER() numbers each parent's rows and the first `size + 1` of each
 * are kept. `source.from` names its table with the alias the sort key columns use.
 */
export async function fetchKeysetPagesPerParent<T extends Record<string, unknown>>(
  request: PageRequest,
  keys: SortKey[],
  parentColumn: string,
  parentIds: readonly number[],
  run: (sql: string, params: KeyValue[]) => Promise<T[]>,
  source: { select: string; from: string; where?: string[]; params?: KeyValue[] },
): Promise<Map<number, Page<T>>> {
  const shape = shapePage(request, keys);
  const where = [...(source.where ?? []), `${parentColumn} IN (${parentIds.map(() => "?").join(", ")})`, ...shape.conditions];
  const params = [...(source.params ?? []), ...parentIds, ...shape.params, shape.size + 1];
  const sql = `SELECT * FROM (
      SELECT ${source.select}, ${parentColumn} AS "parentId",
             ROW_NUMBER() OVER (PARTITION BY ${parentColumn} ORDER BY ${orderByClause(shape.order)}) AS "rowNumber"
      FROM ${source.from} WHERE ${where.join(" AND ")}
    ) WHERE "rowNumber" <= ? ORDER BY "parentId", "rowNumber"`;
  const byParent = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  for (const row of await run(sql, params)) byParent.get(row.parentId as number)?.push(row);
  return new Map([...byParent].map(([id, rows]) => [id, finishPage(rows, shape, request)]));
}
