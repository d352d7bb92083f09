// DataLoaders, made fresh for every request: each batches the lookups of one resolver
// across all the rows of a page into one SQL statement, and caches them for the request.
import DataLoader from "dataloader";
import { articleSnippets, articlesByIds } from "../store/articles.js";
import type { Page, PageRequest } from "../store/keyset.js";
import type { Store } from "../store/open-store.js";
import { organisationsByIds, quotePagesOfOrganisations } from "../store/organisations.js";
import { outletsByIds, statsOfOutlets } from "../store/outlets.js";
import {
  aliasesOfPeople,
  articleCountsOfPeople,
  articlePagesOfPeople,
  outletIdsQuotingPeople,
  peopleByIds,
  peopleOfArticles,
} from "../store/people.js";
import { countQuotesBy, quotePagesOfArticles, quotePagesOfSpeakers, quotesByIds } from "../store/quotes.js";
import { outletIdsOfStatements, quotePagesOfStatements, statementsByIds } from "../store/statements.js";
import { articlePagesOfStories, membersOfStories, storiesByIds } from "../store/stories.js";
import { searchKey, type SearchExpression } from "../store/search-syntax.js";
import { articleCountsOfTopics, topicsByIds, topicsOfArticles } from "../store/topics.js";
import { MATCH_CLOSE, MATCH_OPEN, snippetHtml } from "./snippet-html.js";

interface SnippetKey {
  articleId: number;
  search: SearchExpression;
}
const snippetCacheKey = ({ articleId, search }: SnippetKey) => `${articleId}|${searchKey(search)}`;

/** Batches "the same page of children for each of these parents" into one call per distinct page request. */
function pagesPerParent<T>(fetch: (parentIds: readonly number[], request: PageRequest) => Promise<Map<number, Page<T>>>) {
  return new DataLoader<{ parentId: number; request: PageRequest }, Page<T>, string>(
    async (keys) => {
      const byRequest = new Map<string, { request: PageRequest; ids: number[] }>();
      for (const { parentId, request } of keys) {
        const k = JSON.stringify(request);
        if (!byRequest.has(k)) byRequest.set(k, { request, ids: [] });
        byRequest.get(k)!.ids.push(parentId);
      }
      const pages = new Map<string, Page<T>>();
      for (const [k, { request, ids }] of byRequest) {
        for (const [id, page] of await fetch([...new Set(ids)], request)) pages.set(`${id}|${k}`, page);
      }
      return keys.map(({ parentId, request }) => pages.get(`${parentId}|${JSON.stringify(request)}`)!);
    },
    { cacheKeyFn: ({ parentId, request }) => `${parentId}|${JSON.stringify(request)}` },
  );
}

function byKey<V>(fetch: (ids: readonly number[]) => Promise<Map<number, V>>, missing: V) {
  return new DataLoader<number, V>(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

export function createLoaders(store: Store) {
  return {
    article: new DataLoader((ids: readonly number[]) => articlesByIds(store, ids)),
    quote: new DataLoader((ids: readonly number[]) => quotesByIds(store, ids)),
    person: new DataLoader((ids: readonly number[]) => peopleByIds(store, ids)),
    organisation: new DataLoader((ids: readonly number[]) => organisationsByIds(store, ids)),
    outlet: new DataLoader((ids: readonly number[]) => outletsByIds(store, ids)),
    topic: new DataLoader((ids: readonly number[]) => topicsByIds(store, ids)),
    statement: new DataLoader((ids: readonly number[]) => statementsByIds(store, ids)),
    story: new DataLoader((ids: readonly number[]) => storiesByIds(store, ids)),

    peopleOfArticle: byKey((ids) => peopleOfArticles(store, ids), []),
    topicsOfArticle: byKey((ids) => topicsOfArticles(store, ids), []),
    quoteCountOfArticle: byKey((ids) => countQuotesBy(store, "articleId", ids), 0),
    quotePageOfArticle: pagesPerParent((ids, request) => quotePagesOfArticles(store, ids, request)),

    aliasesOfPerson: byKey((ids) => aliasesOfPeople(store, ids), []),
    articleCountOfPerson: byKey((ids) => articleCountsOfPeople(store, ids), 0),
    quoteCountOfPerson: byKey((ids) => countQuotesBy(store, "speakerId", ids), 0),
    outletIdsQuotingPerson: byKey((ids) => outletIdsQuotingPeople(store, ids), []),
    quotePageOfPerson: pagesPerParent((ids, request) => quotePagesOfSpeakers(store, ids, request)),
    articlePageOfPerson: pagesPerParent((ids, request) => articlePagesOfPeople(store, ids, request)),

    quoteCountOfOrganisation: byKey((ids) => countQuotesBy(store, "organisationId", ids), 0),
    quotePageOfOrganisation: pagesPerParent((ids, request) => quotePagesOfOrganisations(store, ids, request)),

    outletIdsOfStatement: byKey((ids) => outletIdsOfStatements(store, ids), []),
    quotePageOfStatement: pagesPerParent((ids, request) => quotePagesOfStatements(store, ids, request)),

    articlePageOfStory: pagesPerParent((ids, request) => articlePagesOfStories(store, ids, request)),
    personIdsOfStory: byKey((ids) => membersOfStories(store, ids, "people"), []),
    outletIdsOfStory: byKey((ids) => membersOfStories(store, ids, "outlets"), []),
    topicIdsOfStory: byKey((ids) => membersOfStories(store, ids, "topics"), []),

    statsOfOutlet: byKey((ids) => statsOfOutlets(store, ids), { articleCount: 0, firstPublishedOn: null, lastPublishedOn: null }),
    articleCountOfTopic: byKey((ids) => articleCountsOfTopics(store, ids), 0),

    /** Snippets of one search (the same words, however written) are fetched together. */
    snippet: new DataLoader<SnippetKey, string | null, string>(
      async (keys) => {
        const bySearch = new Map<string, { search: SearchExpression; ids: number[] }>();
        for (const { articleId, search } of keys) {
          const batch = bySearch.get(searchKey(search)) ?? { search, ids: [] };
          batch.ids.push(articleId);
          bySearch.set(searchKey(search), batch);
        }
        const found = new Map<string, string>();
        for (const [key, { search, ids }] of bySearch) {
          for (const [id, snippet] of await articleSnippets(store, ids, search, MATCH_OPEN, MATCH_CLOSE)) found.set(`${id}|${key}`, snippetHtml(snippet));
        }
        return keys.map((k) => found.get(snippetCacheKey(k)) ?? null);
      },
      { cacheKeyFn: snippetCacheKey },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
