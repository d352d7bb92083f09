// PostgreSQL's side of store/sql-dialect.ts. Full text runs on the generated tsvector
// columns of articles and quotes under the news_archive_english configuration (unaccent,
// then Porter stemming, no stop words: as FTS5 does), made by the PostgreSQL migrations.
import pg from "pg";
import { bodySnippet, lexeme } from "./body-snippet.js";
import { tsqueryText } from "../search-tsquery.js";
import { valueRows, type SqlDialect, type SqlParam } from "../sql-dialect.js";

export const TEXT_SEARCH_CONFIG = "news_archive_english";

/** `?` → `$1, $2…`, leaving alone a `?` inside a string literal, a quoted identifier or a comment. */
export function numberPostgresPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?/g, (token) => (token === "?" ? `$${++n}` : token));
}

/** A parameter written as a SQL literal: numbers as they are, text through pg's escapeLiteral, id lists as array literals. */
function literal(value: SqlParam): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL number`);
    return String(value);
  }
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (!Array.isArray(value)) throw new Error(`cannot write ${typeof value} as a SQL literal`);
  for (const id of value) if (!Number.isInteger(id)) throw new Error(`an id list holds ${id}, not a whole number`);
  return `'{${value.join(",")}}'`;
}

/**
 * `sql` with each `?` replaced by its parameter written as a literal. The simple query
 * protocol sends several statements in one round trip only without parameters: the writer
 * sends an article's writes so (postgres-writer.ts).
 */
export function inlinePostgresParams(sql: string, params: readonly SqlParam[]): string {
  let n = 0;
  const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?/g, (token) => {
    if (token !== "?") return token;
    if (n >= params.length) throw new Error(`${params.length} parameters for a statement with more placeholders: ${sql.slice(0, 120)}`);
    return literal(params[n++]);
  });
  if (n !== params.length) throw new Error(`${params.length} parameters for a statement with ${n} placeholders: ${sql.slice(0, 120)}`);
  return text;
}

/** Parameters written as literals and separated by commas: the arguments of an EXECUTE. */
export function inlinePostgresLiterals(params: readonly SqlParam[]): string {
  return params.map(literal).join(", ");
}

export const postgresDialect: SqlDialect = {
  name: "postgresql",
  numberPlaceholders: numberPostgresPlaceholders,
  inIdList: (column, ids) => ({ sql: `${column} = ANY(?::integer[])`, param: [...ids] }),
  inKeyList: (column, keys) => ({ sql: `${column} = ANY(?::bigint[])`, param: [...keys] }),
  // As an array made first: with articles and quotes partitioned, PostgreSQL misjudged how few
  // statements a story's quotes name and walked every statement newest first, probing the
  // story for each (731 ms a page of a story's statements at 100,000 articles; 7 ms this way).
  inSubquery: (column, subquery) => `${column} = ANY(ARRAY(${subquery}))`,
  boolean: (value) => (value ? "TRUE" : "FALSE"),
  nullSafeEquals: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  // PostgreSQL's default is the other way round (NULL last in ASC): said outright, and the
  // indexes the cursors read are declared with the same NULL order, or every page sorts.
  orderBy: (keys) => keys.map((k) => `${k.column} ${k.direction}${k.nullable ? (k.direction === "ASC" ? " NULLS FIRST" : " NULLS LAST") : ""}`).join(", "),
  // PostgreSQL plans the join order itself (the mentions index walk, here), and has no
  // CROSS JOIN … ON; nor a hint to read a table by its primary key.
  joinInOrder: (outer, inner, on) => `${outer} JOIN ${inner} ON ${on}`,
  inYearPartitions: (column, years) => `${column} IN (${years.join(", ")})`,
  byPrimaryKey: (table) => table,
  // Its planner chooses between the date index and a search's matches for itself (see
  // fullTextMatch for what it is given to choose from).
  inIndexOrder: (table) => table,
  // A kept plan for a common word's statements joined every matching quote to every statement
  // (a sequential read of all quotes, checking each: 660 ms at a million articles); checked for
  // each statement as the walk meets it, 25 ms.
  existsRowByRow: " OFFSET 0",
  // Each statement (or story) met is checked in the partitions of its own years, not in all
  // ten: a common word's stories at a million articles, 42 -> 11 ms in psql.
  // ANALYZE keeps about the 500 lexemes most often in a search vector column, with their
  // shares (most_common_elem_freqs ends with three figures of its own: no lexeme beside them).
  commonLexemes: {
    sql: (table) => `SELECT e.lexeme, e.share, (SELECT sum(greatest(c.reltuples, 0)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '${table}'::regclass) AS rows
      FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
      WHERE s.schemaname = current_schema() AND s.tablename = '${table}' AND s.attname = 'searchVector' AND e.lexeme IS NOT NULL`,
    lexeme,
  },
  yearInSpan: (column, first, last) =>
    `(${column} = 0 OR ${column} BETWEEN coalesce(substr(${first}, 1, 4)::integer, 0) AND coalesce(substr(${last}, 1, 4)::integer, 0))`,
  // The row's own vector: asked as "its id is among the matching ids", a rare word's
  // statements were found by joining every year's quotes to the matches (45 ms at a million
  // articles, against 2.6).
  fullTextRowMatch(_table, alias, search) {
    return { sql: `${alias}."searchVector" @@ to_tsquery('${TEXT_SEARCH_CONFIG}', ?)`, params: [tsqueryText(search)] };
  },
  fullTextFirstMatches(table, columns, search, limit) {
    return { sql: `SELECT ${columns} FROM ${table} WHERE "searchVector" @@ to_tsquery('${TEXT_SEARCH_CONFIG}', ?) LIMIT ?`, params: [tsqueryText(search), limit] };
  },
  fullTextMatchesUpTo(table, search, limit, afterId) {
    const after = afterId == null ? "" : " AND id > ?";
    return {
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE "searchVector" @@ to_tsquery('${TEXT_SEARCH_CONFIG}', ?)${after} LIMIT ?) AS matches`,
      params: [tsqueryText(search), ...(afterId == null ? [] : [afterId]), limit],
    };
  },
  // The clock as it is now (not the transaction's start), in UTC for a timestamp without zone.
  now: `(clock_timestamp() AT TIME ZONE 'UTC')`,
  insertIgnoring: (table, columns, rows = 1) => `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${valueRows(columns.length, rows)} ON CONFLICT DO NOTHING`,
  // A walked row is checked against its own vector: looked up by id in every year's partition
  // instead, a common word's page cost more than reading its every match and sorting them
  // (44 ms at 100,000 articles); checked itself, 5–8 ms. Only for a search known to be common:
  // for a word the planner cannot estimate (an unknown prefix), a walk matched nothing and read
  // the whole index (1.2 s). The read connections keep one plan per statement
  // (read-statements.ts), and one kept for `@@` read the matches through the GIN index and
  // sorted them; ts_match_vq is `@@` that no index serves, so the kept plan is the walk, and
  // the query is made once (the sub-select), not for every row met. Planned for its words each
  // time instead, the page took 6.5–7.2 ms at 100,000 articles; kept, 5.6–6.1 ms.
  walkReadsMatchList: false,
  // Each statement of a request is a round trip to the server's process, and on two cores a
  // switch to it and back cost as much as the statement; the page's rows come with the page.
  pageReadsRows: true,
  // Articles' and quotes' partitions are made together and named by their year
  // (postgres/year-partitions.ts): the articles' are listed for both. A partition made
  // after the request's snapshot began is listed too (the catalog is read as it is now), and
  // holds no row the snapshot sees.
  partitionYears: `SELECT substr(c.relname, length('articles_y') + 1)::integer AS year FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'articles'::regclass`,
  fullTextMatch(table, idColumn, search, walked) {
    const query = `to_tsquery('${TEXT_SEARCH_CONFIG}', ?)`;
    return {
      sql: walked ? `ts_match_vq(${walked}."searchVector", (SELECT ${query}))` : `${idColumn} IN (SELECT id FROM ${table} WHERE "searchVector" @@ ${query})`,
      params: [tsqueryText(search)],
    };
  },
  articleSnippets(ids, search, open, close) {
    // The body, for body-snippet.ts to mark: ts_headline parsed it again, at 0.13 ms a body.
    return {
      sql: `SELECT id, body AS snippet FROM articles, to_tsquery('${TEXT_SEARCH_CONFIG}', ?) AS query WHERE id = ANY(?::integer[]) AND "searchVector" @@ query`,
      params: [tsqueryText(search), [...ids]],
      highlight: (body) => bodySnippet(body, search, open, close),
    };
  },
  // A GIN index has no order: a search's page walks the date index (see fullTextMatch).
  articleSearchInDateOrder: null,
};
