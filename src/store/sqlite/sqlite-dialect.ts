// SQLite's side of store/sql-dialect.ts: the SQL the archive has always run on SQLite.
import { fts5Match } from "../search-fts5.js";
import { dayNumber, EARLIEST_DAY } from "../../extract/day-number.js";
import { placeholders, valueRows, type SearchedTable, type SqlDialect } from "../sql-dialect.js";

const SEARCH_TABLES = { articles: "article_search", quotes: "quote_search" } as const;

// The articles' index numbers each row by its day and id (migration
// article_search_in_date_order): the id is the number's low 32 bits. Quotes are numbered by id.
const ID_BITS = 2 ** 32;
const matchedId = (table: SearchedTable) => (table === "articles" ? `(rowid % ${ID_BITS})` : "rowid");
// 1800-01-01, the earliest day an article may have, is day 1; undated articles are day 0.
const FIRST_DAY = dayNumber(EARLIEST_DAY)! - 1;
const daySlot = (day: string) => dayNumber(day)! - FIRST_DAY;

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
  existsRowByRow: "",
  yearInSpan: () => null,
  commonLexemes: null,
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
    const row = table === "articles" ? `${walked}."searchRank"` : idColumn;
    if (walked && dense) return { sql: `EXISTS (SELECT 1 FROM ${index} WHERE ${index}.rowid = ${row} AND ${index} MATCH ?)`, params: [fts5Match(search)] };
    return { sql: `${walked ? "+" : ""}${idColumn} IN (SELECT ${matchedId(table)} FROM ${index} WHERE ${index} MATCH ?)`, params: [fts5Match(search)] };
  },
  walkReadsMatchList: true,
  // A page walks the date index alone (covering) past rows that are not on it; the page's
  // rows are read after, by id, in the same thread.
  pageReadsRows: false,
  // One table, one date index: a walk reads it in order and stops at the page's last row.
  partitionYears: null,
  fullTextRowMatch(table, alias, search) {
    const index = SEARCH_TABLES[table];
    return { sql: `${alias}.id IN (SELECT ${matchedId(table)} FROM ${index} WHERE ${index} MATCH ?)`, params: [fts5Match(search)] };
  },
  fullTextFirstMatches(table, columns, search, limit) {
    const index = SEARCH_TABLES[table];
    return { sql: `SELECT ${columns} FROM ${table} WHERE id IN (SELECT ${matchedId(table)} FROM ${index} WHERE ${index} MATCH ? LIMIT ?)`, params: [fts5Match(search), limit] };
  },
  fullTextMatchesUpTo(table, search, limit, afterId) {
    const index = SEARCH_TABLES[table];
    // As an integer: a JavaScript number is bound as a real, and FTS5 then reads every match (17.7 ms, against 0.2).
    // The articles' index is numbered by date, so their ids are bounded row by row (reading
    // every match): the store never asks it (matchesMostOf), as their searches are not walked.
    const after = afterId == null ? "" : table === "articles" ? ` AND ${matchedId(table)} > CAST(? AS INTEGER)` : " AND rowid > CAST(? AS INTEGER)";
    return { sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${index} WHERE ${index} MATCH ?${after} LIMIT ?)`, params: [fts5Match(search), ...(afterId == null ? [] : [afterId]), limit] };
  },
  // Each row asked by its number: FTS5 reads the whole match list for it (5 ms for a word in
  // 86,000 of 300,000 articles). A page's snippets are read as snippetsDown, this only for the rest.
  articleSnippets(ids, search, open, close) {
    return {
      sql: `SELECT ${matchedId("articles")} AS id, snippet(article_search, 1, ?, ?, '…', 24) AS snippet FROM article_search
     WHERE article_search MATCH ? AND rowid IN (SELECT "searchRank" FROM articles WHERE id IN (${placeholders(ids.length)}))`,
      params: [open, close, fts5Match(search), ...ids],
    };
  },
  articleSearchInDateOrder: {
    matches: (search) => ({ from: "article_search", where: "article_search MATCH ?", id: matchedId("articles"), rank: "rowid", params: [fts5Match(search)] }),
    rankOf: (publishedOn, id) => (publishedOn == null ? 0 : daySlot(publishedOn)) * ID_BITS + id,
    dayBounds: (day) => ({ first: daySlot(day) * ID_BITS, last: (daySlot(day) + 1) * ID_BITS - 1 }),
    ranks: (ids) => ({ sql: `SELECT id, "searchRank" AS rank FROM articles WHERE id IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] }),
    snippetsDown: (search, open, close, fromRank, limit) => ({
      sql: `SELECT ${matchedId("articles")} AS id, rowid AS rank, snippet(article_search, 1, ?, ?, '…', 24) AS snippet FROM article_search
     WHERE article_search MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?`,
      params: [open, close, fts5Match(search), fromRank, limit],
    }),
  },
};
