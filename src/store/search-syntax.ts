// The search language users type, read once into a small syntax tree that each store
// renders in its own engine's terms (search-fts5.ts for SQLite, search-tsquery.ts for
// PostgreSQL). User text never reaches an engine's query language as it is: FTS5's
// (AND/OR/NOT, NEAR(), column filters "headline:x", ^ and *, unbalanced quotes) and
// tsquery's (& | ! <-> ( ) :* and quotes) would either fail with a syntax error or do
// something the user did not ask for. We read a small, forgiving language of our own:
//
//   words              all must appear (stemmed: "earth" finds "earths")
//   "a phrase"         the words next to each other, in order
//   word*              a prefix (at least 2 letters)
//   a OR b             either side (upper-case OR only; "or" is an ordinary word)
//
// Every word in the tree is letters and digits only, so a renderer cannot be handed an
// operator, a quote or a backslash; the renderers quote each word all the same.

export const MAX_SEARCH_LENGTH = 500;

/** One term: a word, or a phrase of words next to each other; `prefix` applies to its last word. */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
}

/** What a search asks for: articles (or quotes) matching any group, a group being all of its terms. */
export interface SearchExpression {
  anyOf: SearchTerm[][];
}

export type ParsedSearch = { ok: true; search: SearchExpression } | { ok: false; reason: string };

// Letters and digits in any script; anything else separates words.
const WORD = /[\p{L}\p{N}]+/gu;

/** Reads a user's search string into a search expression, or says why it cannot be searched. */
export function parseSearch(input: string): ParsedSearch {
  if (input.length > MAX_SEARCH_LENGTH) {
    return { ok: false, reason: `is ${input.length} characters long; the limit is ${MAX_SEARCH_LENGTH}` };
  }
  // Control characters carry no words; treat them as spaces.
  const text = input.replace(/[\u0000-\u001f\u007f]/g, " ");
  const groups: SearchTerm[][] = [[]]; // OR-separated groups of AND-ed terms
  const tokenPattern = /"([^"]*)"?|(\S+)/g;
  for (const m of text.matchAll(tokenPattern)) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD) ?? [];
      if (words.length) groups[groups.length - 1].push({ words, prefix: false });
      continue;
    }
    const raw = m[2];
    if (raw === "OR") {
      if (groups[groups.length - 1].length) groups.push([]);
      continue;
    }
    const words = raw.match(WORD) ?? [];
    if (!words.length) continue;
    const prefix = raw.endsWith("*") && words[words.length - 1].length >= 2;
    // "U.S.-Russia" is one phrase of words, not an expression.
    groups[groups.length - 1].push({ words, prefix });
  }
  const anyOf = groups.filter((g) => g.length);
  if (!anyOf.length) return { ok: false, reason: "has no words to search for" };
  return { ok: true, search: { anyOf } };
}

/** A string that is the same for equal expressions: what a cache or a batch of one search is keyed by. */
export function searchKey(search: SearchExpression): string {
  return JSON.stringify(search.anyOf.map((group) => group.map((t) => [t.words, t.prefix])));
}
