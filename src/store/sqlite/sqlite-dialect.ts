// SQLite's side of store/sql-dialect.ts: the SQL the archive has always run on SQLite.
import { fts5Match } from "../search-fts5.js";
import { placeholders, valueRows, type SqlDialect } from "../sql-dialect.js";

const SEARCH_TABLES = { articles: "article_search", quotes: "quote_search" } as const;

export const sqliteDialect: SqlDialect = {
  name: "sqlite",
  numberPlaceholders: (sql) => sql,
  // One JSON parameter however many ids: SQLite caps the number of parameters, and a
  // statement per list length would each be prepared anew.
  inIdList: (column, ids) => ({ sql: `${column} IN (SELECT value FROM json_each(?))`, param: JSON.stringify(ids) }),
  inKeyList: (column, keys) => ({ sql: `${column} IN (SELECT value FROM json_each(?))`, param: JSON.stringify(keys) }),
  inSubquery: (column, subquery) => `${column} IN (${subquery})`,
  boolean: (value) => (value ? "1" : "0"),
  nullSafeEquals: (a, b) => `${a} IS ${b}`,
  // SQLite's own NULL order is the one every cursor follows (NULL first in ASC, last in DESC).
  orderBy: (keys) => keys.map((k) => `${k.column} ${k.direction}`).join(", "),
  // SQLite's planner keeps a CROSS JOIN's left table as the outer loop.
  joinInOrder: (outer, inner, on) => `${outer} CROSS JOIN ${inner} ON ${on}`,
  // NOT INDEXED: read the table by its primary key, not through an index on the filter's columns.
  inYearPartitions: () => "TRUE",
  byPrimaryKey: (table) => `${table} NOT INDEXED`,
  inIndexOrder: (table, index) => `${table} INDEXED BY ${index}`,
  // As Prisma writes a DateTime here (and ingestion its ingestedAt): ISO 8601 with "+00:00".
  now: `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`,
  insertIgnoring: (table, columns, rows = 1) => `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) VALUES ${valueRows(columns.length, rows)}`,
  // Walked, the match list is read once and each row met looked up in it. Without the unary
  // `+`, a statement's quotes were found by taking each of the 57,000 matches in turn and
  // seeking it among the statement's quotes, for every statement (16 s).
  // Dense, each row met is looked up in the full-text index: 0.05 ms a row, against reading a
  // match list of 288,000 ids first (102 ms for "harbour" at a million articles; 6.9 ms so).
  fullTextMatch(table, idColumn, search, walked, dense) {
    const index = SEARCH_TABLES[table];
    if (walked && dense) return { sql: `EXISTS (SELECT 1 FROM ${index} WHERE ${index}.rowid = ${idColumn} AND ${index} MATCH ?)`, params: [fts5Match(search)] };
    return { sql: `${walked ? "+" : ""}${idColumn} IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`, params: [fts5Match(search)] };
  },
  walkReadsMatchList: true,
  // A page walks the date index alone (covering) past rows that are not on it; the page's
  // rows are read after, by id, in the same thread.
  pageReadsRows: false,
  fullTextRowMatch(table, alias, search) {
    const index = SEARCH_TABLES[table];
    return { sql: `${alias}.id IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`, params: [fts5Match(search)] };
  },
  fullTextFirstMatches(table, columns, search, limit) {
    const index = SEARCH_TABLES[table];
    return { sql: `SELECT ${columns} FROM ${table} WHERE id IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ? LIMIT ?)`, params: [fts5Match(search), limit] };
  },
  fullTextMatchesUpTo(table, search, limit, afterId) {
    const index = SEARCH_TABLES[table];
    // As an integer: a JavaScript number is bound as a real, and FTS5 then reads every match (17.7 ms, against 0.2).
    const after = afterId == null ? "" : " AND rowid > CAST(? AS INTEGER)";
    return { sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${index} WHERE ${index} MATCH ?${after} LIMIT ?)`, params: [fts5Match(search), ...(afterId == null ? [] : [afterId]), limit] };
  },
  articleSnippets(ids, search, open, close) {
    return {
      sql: `SELECT rowid AS id, snippet(article_search, 1, ?, ?, '…', 24) AS snippet FROM article_search
     WHERE article_search MATCH ? AND rowid IN (${placeholders(ids.length)})`,
      params: [open, close, fts5Match(search), ...ids],
    };
  },
};
