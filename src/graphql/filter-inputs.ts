// GraphQL filter inputs → store filters. The one place user-written search text is
// checked, so every list that searches reports a bad string the same way.
import { parseSearch, type ArticleFilter, type OrganisationFilter, type PersonFilter, type QuoteFilter, type SearchExpression, type StatementFilter, type StoryFilter } from "../store/store.js";
import { badUserInput } from "./errors.js";
import type * as G from "./generated/resolvers-types.js";
import { fromGlobalId } from "./global-id.js";

function fullText(search: string | null | undefined, argument: string): SearchExpression | null {
  if (search == null || search.trim() === "") return null;
  const parsed = parseSearch(search);
  if (!parsed.ok) throw badUserInput(`\`${argument}\` ${parsed.reason}.`, { argument });
  return parsed.search;
}

/** The most values one list filter takes, as the export's repeated parameters do. */
export const MAX_FILTER_VALUES = 100;

// Every list of a filter input is bounded: an unbounded one became an IN list past SQLite's
// limit on variables, and answered INTERNAL_SERVER_ERROR.
function checkListLengths(filter: object | null | undefined, argument: string) {
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (Array.isArray(value) && value.length > MAX_FILTER_VALUES) {
      throw badUserInput(`\`${argument}.${field}\` holds ${value.length} values; the most it takes is ${MAX_FILTER_VALUES}. Split the request, or use /export for bulk pulls.`, {
        argument: `${argument}.${field}`,
      });
    }
  }
}

type DateRangeInput = { publishedAfter?: string | null; publishedBefore?: string | null };

/** What every filter input is checked for: bounded lists and a date range that holds a day. */
function checkFilter(filter: DateRangeInput | null | undefined, argument: string) {
  checkListLengths(filter, argument);
  if (filter?.publishedAfter && filter.publishedBefore && filter.publishedAfter > filter.publishedBefore) {
    throw badUserInput(
      `\`${argument}.publishedAfter\` (${filter.publishedAfter}) is later than \`${argument}.publishedBefore\` (${filter.publishedBefore}): no day is in that range.`,
      { argument: `${argument}.publishedAfter` },
    );
  }
}

// Story IDs are global IDs; one of another type (or not ours) names nothing we can filter by.
function storyIds(ids: readonly string[] | null | undefined, argument: string): number[] | null {
  if (!ids?.length) return null;
  return ids.map((id) => {
    const ref = fromGlobalId(id);
    if (ref?.type !== "Story") throw badUserInput(`\`${argument}\` holds "${id}", which is not the ID of a story: pass \`Story.id\` values.`, { argument });
    return ref.id;
  });
}

export function articleFilter(input: G.ArticleFilter | null | undefined): ArticleFilter {
  checkFilter(input, "filter");
  return { ...input, storyIds: storyIds(input?.stories, "filter.stories"), fullText: fullText(input?.search, "filter.search") };
}

export function statementFilter(input: G.StatementFilter | null | undefined): StatementFilter {
  checkFilter(input, "filter");
  if (input?.minOutlets != null && input.minOutlets < 0) {
    throw badUserInput(`\`filter.minOutlets\` must be 0 or more, got ${input.minOutlets}.`, { argument: "filter.minOutlets" });
  }
  return { ...input, storyIds: storyIds(input?.stories, "filter.stories"), fullText: fullText(input?.search, "filter.search") };
}

export function storyFilter(input: G.StoryFilter | null | undefined): StoryFilter {
  checkFilter(input, "filter");
  return { ...input, fullText: fullText(input?.search, "filter.search") };
}

export function quoteFilter(input: G.QuoteFilter | null | undefined): QuoteFilter {
  checkFilter(input, "filter");
  return { ...input, fullText: fullText(input?.search, "filter.search") };
}

export function personFilter(input: G.PersonFilter | null | undefined): PersonFilter {
  checkFilter(input, "filter");
  if (input?.search && input.search.length > 200) {
    throw badUserInput("`filter.search` is longer than 200 characters; a name is shorter.", { argument: "filter.search" });
  }
  return { ...input };
}

export function organisationFilter(input: G.OrganisationFilter | null | undefined): OrganisationFilter {
  if (input?.search && input.search.length > 200) {
    throw badUserInput("`filter.search` is longer than 200 characters; a name is shorter.", { argument: "filter.search" });
  }
  return { ...input };
}

/** The words `Article.snippet(search)` highlights. */
export function snippetSearch(search: string): SearchExpression {
  const match = fullText(search, "search");
  if (!match) throw badUserInput("`search` is empty: pass the words to highlight.", { argument: "search" });
  return match;
}
