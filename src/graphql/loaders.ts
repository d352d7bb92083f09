// DataLoaders, made fresh for every request: each batches the lookups of one resolver
// across all the rows of a page into one SQL statement, and caches them for the request.
import DataLoader from "dataloader";
import { searchKey, type Page, type PageRequest, type SearchExpression, type Store, type TimeInterval } from "../store/store.js";
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

/** Batches "the same aggregate, with the same argument, for each of these ids" into one call per distinct argument. */
function perIdWith<A extends string | number, V>(fetch: (ids: readonly number[], argument: A) => Promise<Map<number, V>>, missing: V) {
  return new DataLoader<{ id: number; argument: A }, V, string>(
    async (keys) => {
      const found = new Map<string, V>();
      for (const argument of new Set(keys.map((k) => k.argument))) {
        const ids = [...new Set(keys.filter((k) => k.argument === argument).map((k) => k.id))];
        for (const [id, value] of await fetch(ids, argument)) found.set(`${id}|${argument}`, value);
      }
      return keys.map((k) => found.get(`${k.id}|${k.argument}`) ?? missing);
    },
    { cacheKeyFn: (k) => `${k.id}|${k.argument}` },
  );
}

export function createLoaders(store: Store) {
  return {
    article: new DataLoader((ids: readonly number[]) => store.articlesByIds(ids)),
    quote: new DataLoader((ids: readonly number[]) => store.quotesByIds(ids)),
    person: new DataLoader((ids: readonly number[]) => store.peopleByIds(ids)),
    organisation: new DataLoader((ids: readonly number[]) => store.organisationsByIds(ids)),
    outlet: new DataLoader((ids: readonly number[]) => store.outletsByIds(ids)),
    topic: new DataLoader((ids: readonly number[]) => store.topicsByIds(ids)),
    statement: new DataLoader((ids: readonly number[]) => store.statementsByIds(ids)),
    story: new DataLoader((ids: readonly number[]) => store.storiesByIds(ids)),

    peopleOfArticle: byKey((ids) => store.peopleOfArticles(ids), []),
    topicsOfArticle: byKey((ids) => store.topicsOfArticles(ids), []),
    quoteCountOfArticle: byKey((ids) => store.countQuotesBy("articleId", ids), 0),
    quotePageOfArticle: pagesPerParent((ids, request) => store.quotePagesOfArticles(ids, request)),

    aliasesOfPerson: byKey((ids) => store.aliasesOfPeople(ids), []),
    articleCountOfPerson: byKey((ids) => store.articleCountsOfPeople(ids), 0),
    quoteCountOfPerson: byKey((ids) => store.quoteCountsOfPeople(ids), 0),
    outletIdsQuotingPerson: byKey((ids) => store.outletIdsQuotingPeople(ids), []),
    quoteTimelineOfPerson: perIdWith((ids, maxPoints: number) => store.quoteTimelinesOfPeople(ids, maxPoints), { interval: "DAY" as const, points: [] }),
    quoteCountsByOutletOfPerson: byKey((ids) => store.quoteCountsByOutletOfPeople(ids), []),
    topicsOfPerson: byKey((ids) => store.topicsOfPeople(ids), []),
    quotePageOfPerson: pagesPerParent((ids, request) => store.quotePagesOfSpeakers(ids, request)),
    articlePageOfPerson: pagesPerParent((ids, request) => store.articlePagesOfPeople(ids, request)),

    quoteCountOfOrganisation: byKey((ids) => store.countQuotesBy("organisationId", ids), 0),
    quotePageOfOrganisation: pagesPerParent((ids, request) => store.quotePagesOfOrganisations(ids, request)),

    outletIdsOfStatement: byKey((ids) => store.outletIdsOfStatements(ids), []),
    quotePageOfStatement: pagesPerParent((ids, request) => store.quotePagesOfStatements(ids, request)),

    articlePageOfStory: pagesPerParent((ids, request) => store.articlePagesOfStories(ids, request)),
    personIdsOfStory: byKey((ids) => store.membersOfStories(ids, "people"), []),
    outletIdsOfStory: byKey((ids) => store.membersOfStories(ids, "outlets"), []),
    topicIdsOfStory: byKey((ids) => store.membersOfStories(ids, "topics"), []),
    statementCountOfStory: byKey((ids) => store.statementCountsOfStories(ids), 0),

    statsOfOutlet: byKey((ids) => store.statsOfOutlets(ids), { articleCount: 0, firstPublishedOn: null, lastPublishedOn: null }),
    articleCountOfTopic: byKey((ids) => store.articleCountsOfTopics(ids), 0),
    articleVolumeOfOutlet: perIdWith((ids, interval: TimeInterval) => store.articleVolumesOfOutlets(ids, interval), []),
    articleVolumeOfTopic: perIdWith((ids, interval: TimeInterval) => store.articleVolumesOfTopics(ids, interval), []),
    mostQuotedInOutlet: perIdWith((ids, limit: number) => store.mostQuotedInOutlets(ids, limit), []),
    mostQuotedInTopic: perIdWith((ids, limit: number) => store.mostQuotedInTopics(ids, limit), []),

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
          for (const [id, snippet] of await store.articleSnippets(ids, search, MATCH_OPEN, MATCH_CLOSE)) found.set(`${id}|${key}`, snippetHtml(snippet));
        }
        return keys.map((k) => found.get(snippetCacheKey(k)) ?? null);
      },
      { cacheKeyFn: snippetCacheKey },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
