// Turning what a user types into an FTS5 MATCH expression. User text is never passed to
// FTS5 as it is: its query language (AND/OR/NOT, NEAR(), column filters "headline:x",
// ^ and * operators, unbalanced quotes) would either fail with a syntax error or do
// something the user did not ask for. We read a small, forgiving language of our own and
// write every term back as a quoted FTS5 string, which FTS5 takes literally.
//
//   words              all must appear (stemmed: "earth" finds "earths")
//   "a phrase"         the words next to each other, in order
//   word*              a prefix (at least 2 letters)
//   a OR b             either side (upper-case OR only; "or" is an ordinary word)

export const MAX_SEARCH_LENGTH = 500;

export type SearchQuery = { ok: true; match: string } | { ok: false; reason: string };

// Letters and digits in any script, with inner apostrophes or hyphens kept together.
const WORD = /[\p{L}\p{N}]+/gu;

function quoteTerm(words: string[], prefix: boolean): string {
  return `"${words.join(" ")}"${prefix ? " *" : ""}`.replace(" *", "*");
}

/** Parses a user's search string into a safe FTS5 expression, or says why it cannot be searched. */
export function parseSearch(input: string): SearchQuery {
  if (input.length > MAX_SEARCH_LENGTH) {
    return { ok: false, reason: `is ${input.length} characters long; the limit is ${MAX_SEARCH_LENGTH}` };
  }
  // Control characters carry no words; treat them as spaces.
  const text = input.replace(/[\u0000-\u001f\u007f]/g, " ");
  const groups: string[][] = [[]]; // OR-separated groups of AND-ed terms
  const tokenPattern = /"([^"]*)"?|(\S+)/g;
  for (const m of text.matchAll(tokenPattern)) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD) ?? [];
      if (words.length) groups[groups.length - 1].push(quoteTerm(words, false));
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
    groups[groups.length - 1].push(quoteTerm(words, prefix));
  }
  const nonEmpty = groups.filter((g) => g.length);
  if (!nonEmpty.length) return { ok: false, reason: "has no words to search for" };
  return { ok: true, match: nonEmpty.map((g) => (g.length > 1 ? `(${g.join(" AND ")})` : g[0])).join(" OR ") };
}
