// A search expression (search-syntax.ts) as PostgreSQL tsquery text, for to_tsquery(config, text):
// AND is `&`, OR is `|`, a phrase is its words joined by `<->` (next to each other, in order),
// a prefix is `:*` on the last word. to_tsquery stems and unaccents each word with the
// configuration, as the indexed text was. The archive's configuration keeps stop words, as
// FTS5 does (prisma/postgres/migrations/*_full_text_search); under one that drops them,
// to_tsquery closes up a phrase around a dropped word.
//
// Every word is written as a quoted lexeme with quotes and backslashes escaped: words hold
// letters and digits only (the parser's doing), but the renderer does not rely on it, so no
// text can end a lexeme early and be read as an operator.
import type { SearchExpression, SearchTerm } from "./search-syntax.js";

const lexeme = (word: string) => `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

function tsqueryTerm(term: SearchTerm): string {
  const words = term.words.map((w, i) => lexeme(w) + (term.prefix && i === term.words.length - 1 ? ":*" : ""));
  return words.length > 1 ? `(${words.join(" <-> ")})` : words[0];
}

/** The to_tsquery text for `search`: `('a' & ('b' <-> 'c')) | 'd':*`. */
export function tsqueryText(search: SearchExpression): string {
  return search.anyOf.map((group) => (group.length > 1 ? `(${group.map(tsqueryTerm).join(" & ")})` : tsqueryTerm(group[0]))).join(" | ");
}
