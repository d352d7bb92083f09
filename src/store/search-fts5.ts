// A search expression (search-syntax.ts) as an SQLite FTS5 MATCH expression. Each term is
// written as a quoted FTS5 string, which FTS5 takes literally: "a b" is a phrase, "a"* a
// prefix. Words hold letters and digits only, so a quote inside a term cannot occur.
import type { SearchExpression, SearchTerm } from "./search-syntax.js";

const fts5Term = (term: SearchTerm) => `"${term.words.join(" ")}"${term.prefix ? "*" : ""}`;

/** The FTS5 MATCH expression for `search`: `("a" AND "b c") OR "d"*`. */
export function fts5Match(search: SearchExpression): string {
  return search.anyOf.map((group) => (group.length > 1 ? `(${group.map(fts5Term).join(" AND ")})` : fts5Term(group[0]))).join(" OR ");
}
