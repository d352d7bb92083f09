// The two dialects of store/sql-dialect.ts run against their real engines: SQLite in a file
// of its own, PostgreSQL on a throwaway server. The same keyset walk over the same rows
// must give the same pages on both, rows without a date included.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchKeysetPage, type PageRequest } from "../../../src/store/keyset.js";
import { inlinePostgresParams, numberPostgresPlaceholders, postgresDialect } from "../../../src/store/postgres/postgres-dialect.js";
import { keysetCondition, type KeyValue, type SortKey, type SqlDialect, type SqlParam } from "../../../src/store/sql-dialect.js";
import { sqliteDialect } from "../../../src/store/sqlite/sqlite-dialect.js";
import { postgresUnavailable, testPostgres, type PostgresServer } from "../../support/postgres-server.js";

interface Row {
  id: number;
  day: string | null;
  n: number;
  m: number;
}
// Ties on day and on n, and NULL days at both ends of the ids: what breaks a keyset first.
const ROWS: Row[] = [
  [1, null, 3, 1],
  [2, "2025-03-01", 1, 2],
  [3, "2025-03-01", 3, 1],
  [4, null, 2, 2],
  [5, "2025-01-15", 3, 1],
  [6, "2025-03-01", 2, 2],
  [7, "2025-02-10", 1, 1],
  [8, null, 3, 2],
  [9, "2025-01-15", 2, 1],
  [10, "2025-02-10", 3, 1],
  [11, null, 1, 1],
].map(([id, day, n, m]) => ({ id, day, n, m }) as Row);

const ORDERS: Record<string, SortKey[]> = {
  "newest first (row-value form)": [
    { column: "t.day", direction: "DESC", nullable: true },
    { column: "t.id", direction: "DESC" },
  ],
  "oldest first (row-value form)": [
    { column: "t.day", direction: "ASC", nullable: true },
    { column: "t.id", direction: "ASC" },
  ],
  "newest first, ids ascending within a day (expanded form)": [
    { column: "t.day", direction: "DESC", nullable: true },
    { column: "t.id", direction: "ASC" },
  ],
  "three keys, mixed directions": [
    { column: "t.n", direction: "DESC" },
    { column: "t.m", direction: "DESC" },
    { column: "t.id", direction: "ASC" },
  ],
  "three keys, one direction": [
    { column: "t.n", direction: "ASC" },
    { column: "t.m", direction: "ASC" },
    { column: "t.id", direction: "ASC" },
  ],
};

// The order every engine must follow: NULL before every value in ASC, after every value in DESC.
function expectedOrder(keys: SortKey[]): number[] {
  const value = (row: Row, column: string) => row[column.slice(2) as keyof Row];
  return [...ROWS]
    .sort((a, b) => {
      for (const { column, direction } of keys) {
        const [x, y] = [value(a, column), value(b, column)];
        if (x === y) continue;
        const less = x === null ? true : y === null ? false : x < y;
        return (less ? -1 : 1) * (direction === "ASC" ? 1 : -1);
      }
      return 0;
    })
    .map((r) => r.id);
}

type Run = (sql: string, params: SqlParam[]) => Promise<Row[]>;

async function walk(dialect: SqlDialect, run: Run, keys: SortKey[], backward: boolean): Promise<number[]> {
  const key = (r: Row): KeyValue[] => keys.map((k) => r[k.column.slice(2) as keyof Row]);
  const seen: number[] = [];
  let cursor: KeyValue[] | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const request: PageRequest = backward ? { last: 3, before: cursor } : { first: 3, after: cursor };
    const page = await fetchKeysetPage<Row>(dialect, request, keys, (condition, orderBy, limit, params) =>
      run(dialect.numberPlaceholders(`SELECT t.* FROM t ${condition ? `WHERE ${condition}` : ""} ORDER BY ${orderBy} LIMIT ?`), [...params, limit]),
    );
    if (backward) seen.unshift(...page.rows.map((r) => r.id));
    else seen.push(...page.rows.map((r) => r.id));
    if (!(backward ? page.hasPreviousPage : page.hasNextPage)) return seen;
    cursor = key(backward ? page.rows[0] : page.rows[page.rows.length - 1]);
  }
  throw new Error("the walk did not end");
}

describe("numberPostgresPlaceholders", () => {
  it("numbers each ? in order, leaving those in string literals, quoted names and comments alone", () => {
    expect(numberPostgresPlaceholders(`SELECT '?' AS "a?b", x -- why?\n FROM t WHERE a = ? AND b IN (?, ?) AND c = 'it''s?'`)).toBe(
      `SELECT '?' AS "a?b", x -- why?\n FROM t WHERE a = $1 AND b IN ($2, $3) AND c = 'it''s?'`,
    );
  });

  it("writes parameters into a statement as literals for the writer's batches, and refuses a count that does not match", () => {
    expect(inlinePostgresParams(`SELECT '?' AS "a?b" -- why?\n FROM t WHERE a = ? AND b = ANY(?::integer[]) AND c = ? AND d IS ?`, [-2.5, [1, 2], "O'Brien \\ x", null])).toBe(
      `SELECT '?' AS "a?b" -- why?\n FROM t WHERE a = -2.5 AND b = ANY('{1,2}'::integer[]) AND c =  E'O''Brien \\\\ x' AND d IS NULL`,
    );
    expect(() => inlinePostgresParams(`SELECT ?, ?`, [1])).toThrow(/1 parameters for a statement with more placeholders/);
    expect(() => inlinePostgresParams(`SELECT ?`, [1, 2])).toThrow(/2 parameters for a statement with 1 placeholders/);
    expect(() => inlinePostgresParams(`SELECT ?`, [Number.NaN])).toThrow(/cannot write NaN/);
    expect(() => inlinePostgresParams(`SELECT ?`, [[1, 1.5]])).toThrow(/not a whole number/);
  });
});

describe("the SQLite dialect", () => {
  let dir: string;
  let db: Database.Database;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "news-archive-dialect-"));
    db = new Database(join(dir, "dialect.db"));
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT, n INTEGER NOT NULL, m INTEGER NOT NULL)`);
    const insert = db.prepare(`INSERT INTO t (id, day, n, m) VALUES (?, ?, ?, ?)`);
    for (const r of ROWS) insert.run(r.id, r.day, r.n, r.m);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const run: Run = async (sql, params) => db.prepare(sql).all(...(params as KeyValue[])) as Row[];

  for (const [name, keys] of Object.entries(ORDERS)) {
    it(`walks every row once, forward and backward: ${name}`, async () => {
      expect(await walk(sqliteDialect, run, keys, false)).toEqual(expectedOrder(keys));
      expect(await walk(sqliteDialect, run, keys, true)).toEqual(expectedOrder(keys));
    });
  }
});

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)("the PostgreSQL dialect, on a real server", () => {
  let server: PostgresServer;
  let client: pg.Client;
  const run: Run = async (sql, params) => (await client.query<Row>(sql, params as unknown[])).rows;
  beforeAll(async () => {
    server = await testPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(`CREATE TABLE t (id integer PRIMARY KEY, day text, n integer NOT NULL, m integer NOT NULL)`);
    for (const r of ROWS) await client.query(`INSERT INTO t (id, day, n, m) VALUES ($1, $2, $3, $4)`, [r.id, r.day, r.n, r.m]);
  });
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });

  for (const [name, keys] of Object.entries(ORDERS)) {
    it(`walks every row once, forward and backward, as SQLite does: ${name}`, async () => {
      expect(await walk(postgresDialect, run, keys, false)).toEqual(expectedOrder(keys));
      expect(await walk(postgresDialect, run, keys, true)).toEqual(expectedOrder(keys));
    });
  }

  it("writes the row-value form where every key after the first is NOT NULL, and says the NULL order", () => {
    const params: SqlParam[] = [];
    expect(keysetCondition(postgresDialect, ORDERS["newest first (row-value form)"], ["2025-03-01", 6], params)).toBe(`((t.day, t.id) < (?, ?) OR t.day IS NULL)`);
    expect(params).toEqual(["2025-03-01", 6]);
    expect(postgresDialect.orderBy(ORDERS["newest first (row-value form)"])).toBe(`t.day DESC NULLS LAST, t.id DESC`);
    expect(postgresDialect.orderBy(ORDERS["oldest first (row-value form)"])).toBe(`t.day ASC NULLS FIRST, t.id ASC`);
  });

  it("matches an id list given as one parameter, however long", async () => {
    const ids = [...Array.from({ length: 5000 }, (_, i) => i + 100), 3, 7];
    const list = postgresDialect.inIdList("id", ids);
    const rows = await run(numberPostgresPlaceholders(`SELECT id FROM t WHERE ${list.sql} ORDER BY id`), [list.param]);
    expect(rows.map((r) => r.id)).toEqual([3, 7]);
  });

  it("compares NULL equal to NULL, and writes booleans PostgreSQL takes", async () => {
    const sql = `SELECT id FROM t WHERE ${postgresDialect.nullSafeEquals("day", "?")} AND ${postgresDialect.boolean(true)} AND NOT ${postgresDialect.boolean(false)} ORDER BY id`;
    expect((await run(numberPostgresPlaceholders(sql), [null])).map((r) => r.id)).toEqual([1, 4, 8, 11]);
    expect((await run(numberPostgresPlaceholders(sql), ["2025-02-10"])).map((r) => r.id)).toEqual([7, 10]);
  });

  it("inserts ignoring a row whose key is already stored", async () => {
    const insert = numberPostgresPlaceholders(postgresDialect.insertIgnoring("t", ["id", "day", "n", "m"]));
    await client.query(insert, [3, "1999-01-01", 0, 0]);
    await client.query(insert, [12, "2025-04-01", 0, 0]);
    expect((await run(`SELECT id, day FROM t WHERE id IN (3, 12) ORDER BY id`, [])).map((r) => [r.id, r.day])).toEqual([
      [3, "2025-03-01"],
      [12, "2025-04-01"],
    ]);
    await client.query(`DELETE FROM t WHERE id = 12`);
  });
});
