// GraphQL filter inputs → store filters. The one place user-written search text is
// checked, so every list that searches reports a bad string the same way.
import type { ArticleFilter } from "../store/articles.js";
import type { PersonFilter } from "../store/people.js";
import type { QuoteFilter } from "../store/quotes.js";
import { parseSearch } from "../store/search.js";
import { badUserInput } from "./errors.js";
import type * as G from "./generated/resolvers-types.js";

function searchMatch(search: string | null | undefined, argument: string): string | null {
  if (search == null || search.trim() === "") return null;
  const parsed = parseSearch(search);
  if (!parsed.ok) throw badUserInput(`\`${argument}\` ${parsed.reason}.`, { argument });
  return parsed.match;
}

function checkDateRange(filter: { publishedAfter?: string | null; publishedBefore?: string | null } | null | undefined, argument: string) {
  if (filter?.publishedAfter && filter.publishedBefore && filter.publishedAfter > filter.publishedBefore) {
    throw badUserInput(
      `\`${argument}.publishedAfter\` (${filter.publishedAfter}) is later than \`${argument}.publishedBefore\` (${filter.publishedBefore}): no day is in that range.`,
      { argument: `${argument}.publishedAfter` },
    );
  }
}

export function articleFilter(input: G.ArticleFilter | null | undefined): ArticleFilter {
  checkDateRange(input, "filter");
  return { ...input, searchMatch: searchMatch(input?.search, "filter.search") };
}

export function quoteFilter(input: G.QuoteFilter | null | undefined): QuoteFilter {
  checkDateRange(input, "filter");
  return { ...input, searchMatch: searchMatch(input?.search, "filter.search") };
}

export function personFilter(input: G.PersonFilter | null | undefined): PersonFilter {
  checkDateRange(input, "filter");
  if (input?.search && input.search.length > 200) {
    throw badUserInput("`filter.search` is longer than 200 characters; a name is shorter.", { argument: "filter.search" });
  }
  return { ...input };
}

/** The FTS5 expression for `Article.snippet(search)`. */
export function snippetMatch(search: string): string {
  const match = searchMatch(search, "search");
  if (!match) throw badUserInput("`search` is empty: pass the words to highlight.", { argument: "search" });
  return match;
}
