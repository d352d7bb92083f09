// Every GraphQL operation the explorer sends, by name. scripts/build-explorer.ts hashes them
// into the manifest, so the server knows them as persisted queries before a browser asks;
// the browser sends the hash, and the text only if the server answers that it lacks it.
// Each page asks for what it shows in one request, aggregated by the server (counts,
// timelines) or paged (lists), never a whole list row by row.

const OUTLETS_AND_TOPICS = `outlets { slug name } topics { slug name }`;

export const OPERATIONS = {
  ExplorerSearch: `query ExplorerSearch($people: PersonFilter, $statements: StatementFilter, $stories: StoryFilter, $articles: ArticleFilter) {
  people(filter: $people, first: 10, orderBy: MOST_MENTIONED) { totalCount edges { count node { slug name aliases quoteCount } } }
  statements(filter: $statements, first: 10, orderBy: MOST_OUTLETS) { totalCount nodes { id text firstReportedOn outletCount speaker { slug name } } }
  stories(filter: $stories, first: 10) { totalCount nodes { id title articleCount startedOn lastUpdatedOn } }
  articles(filter: $articles, first: 10) { totalCount nodes { id headline publishedOn url outlet { slug name } story { id } } }
  ${OUTLETS_AND_TOPICS}
}`,

  ExplorerPerson: `query ExplorerPerson($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
  person(slug: $slug) {
    slug name aliases quoteCount articleCount
    quoteTimeline(maxPoints: 600) { interval points { start count outlet { slug name } example { text } } }
    quotesByOutlet { count outlet { slug name } }
    topics { articleCount topic { slug name } }
  }
  statements(filter: { speakers: [$slug] }, orderBy: MOST_OUTLETS, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id text outletCount reportCount firstReportedOn }
  }
  outlets { slug name }
}`,

  ExplorerStatement: `query ExplorerStatement($id: ID!) {
  node(id: $id) {
    ... on Statement {
      id text firstReportedOn lastReportedOn reportCount outletCount
      speaker { slug name }
      quotes(first: 100) {
        totalCount
        nodes { id text article { id headline publishedOn url outlet { slug name } story { id title } } }
      }
    }
  }
  outlets { slug name }
}`,

  ExplorerOutlet: `query ExplorerOutlet($slug: String!, $interval: TimeInterval!) {
  outlet(slug: $slug) {
    slug name articleCount firstPublishedOn lastPublishedOn
    articleVolume(interval: $interval) { start count }
    mostQuoted(first: 10) { count person { slug name } }
  }
  articles(filter: { outlets: [$slug] }, first: 10) { totalCount nodes { id headline publishedOn url story { id } } }
  statements(filter: { outlets: [$slug] }, orderBy: MOST_OUTLETS, first: 5) { totalCount nodes { id text outletCount speaker { slug name } } }
}`,

  ExplorerTopic: `query ExplorerTopic($slug: String!, $interval: TimeInterval!) {
  topic(slug: $slug) {
    slug name articleCount
    articleVolume(interval: $interval) { start count }
    mostQuoted(first: 10) { count person { slug name } }
  }
  articles(filter: { topics: [$slug] }, first: 10) { totalCount nodes { id headline publishedOn url outlet { slug name } story { id } } }
  statements(filter: { topics: [$slug] }, orderBy: MOST_OUTLETS, first: 5) { totalCount nodes { id text outletCount speaker { slug name } } }
}`,

  ExplorerStory: `query ExplorerStory($id: ID!) {
  node(id: $id) {
    ... on Story {
      id title startedOn lastUpdatedOn articleCount
      articles(first: 100) { totalCount nodes { id headline publishedOn url outlet { slug name } } }
      people { slug name }
      topics { slug name }
      statements(first: 20) { totalCount nodes { id text outletCount speaker { slug name } } }
    }
  }
  outlets { slug name }
}`,
};
