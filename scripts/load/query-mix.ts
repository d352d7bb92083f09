// The requests of `npm run load`: the questions analysts ask every day, and hostile ones the
// server must refuse with a 4xx or BAD_USER_INPUT (never a 5xx, never by falling over).

export interface LoadQuery {
  name: string;
  /** Normal queries must answer 200 without errors; hostile ones must be refused as a client error. */
  kind: "normal" | "hostile";
  /** How often it is sent relative to the others. */
  weight: number;
  body(round: number): { query: string; variables?: Record<string, unknown>; operationName?: string };
}

/** What the archive holds, to aim the normal queries at rows that exist. */
export interface ArchiveSample {
  outlets: string[];
  people: string[];
  days: string[];
}

export const DISCOVERY_QUERY = `query LoadDiscovery {
  outlets { slug }
  people(orderBy: MOST_QUOTED, first: 20) { edges { node { slug } } }
  articles(first: 50) { edges { node { publishedOn } } }
}`;

const SEARCH_WORDS = ["minister", "oil", "shipping", "sanctions", "flights", "harbour", "arctic OR ice", '"rare earth"', "tariff*"];

const pick = <T>(list: T[], round: number, fallback: T): T => (list.length ? list[round % list.length] : fallback);

export function queryMix(sample: ArchiveSample): LoadQuery[] {
  return [
    {
      name: "articles by outlet and date",
      kind: "normal",
      weight: 4,
      body: (round) => ({
        operationName: "ArticlesByOutlet",
        query: `query ArticlesByOutlet($outlet: String!, $after: Date) {
          articles(first: 20, filter: { outlets: [$outlet], publishedAfter: $after }) {
            totalCount
            edges { cursor node { id headline publishedOn outlet { name } people { name } topics { name } } }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        variables: { outlet: pick(sample.outlets, round, "none"), after: pick(sample.days, round, "2020-01-01") },
      }),
    },
    {
      name: "person quotes",
      kind: "normal",
      weight: 3,
      body: (round) => ({
        operationName: "PersonQuotes",
        query: `query PersonQuotes($slug: String!) {
          person(slug: $slug) { name aliases quoteCount quotes(first: 20) { totalCount edges { node { text article { headline publishedOn outlet { name } } } } } }
        }`,
        variables: { slug: pick(sample.people, round, "nobody") },
      }),
    },
    {
      name: "search with snippet",
      kind: "normal",
      weight: 3,
      body: (round) => {
        const search = SEARCH_WORDS[round % SEARCH_WORDS.length];
        return {
          operationName: "SearchArticles",
          query: `query SearchArticles($search: String!) {
            articles(first: 10, filter: { search: $search }) { totalCount edges { node { headline publishedOn snippet(search: $search) } } }
          }`,
          variables: { search },
        };
      },
    },
    {
      name: "most quoted people",
      kind: "normal",
      weight: 2,
      body: (round) => ({
        operationName: "MostQuoted",
        query: `query MostQuoted($after: Date) {
          people(orderBy: MOST_QUOTED, first: 10, filter: { publishedAfter: $after }) { totalCount edges { count node { name slug quoteCount } } }
        }`,
        variables: { after: round % 2 ? null : pick(sample.days, round, "2020-01-01") },
      }),
    },
    {
      name: "too costly",
      kind: "hostile",
      weight: 1,
      body: () => ({
        query: `{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { speaker { quotes(first: 100) { edges { node { text } } } } } } } } } } }`,
      }),
    },
    {
      name: "too deep",
      kind: "hostile",
      weight: 1,
      body: () => ({
        query: `{ people(first: 1) { edges { node { quotes(first: 1) { edges { node { article { people { quotes(first: 1) { edges { node { article { people { name } } } } } } } } } } } } } }`,
      }),
    },
    {
      name: "bad cursor",
      kind: "hostile",
      weight: 1,
      body: (round) => ({ query: `query($after: String) { articles(after: $after) { totalCount } }`, variables: { after: `not-a-cursor-${round}` } }),
    },
    {
      name: "huge search string",
      kind: "hostile",
      weight: 1,
      body: () => ({ query: `query($s: String) { articles(filter: { search: $s }) { totalCount } }`, variables: { s: "sanctions ".repeat(2_000) } }),
    },
    {
      name: "too many aliases",
      kind: "hostile",
      weight: 1,
      body: () => ({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: outlets { name }`).join(" ")} }` }),
    },
  ];
}
