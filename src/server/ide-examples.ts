// The example queries of the analysts' IDE, one click away in its sidebar. Each one uses
// names from the bundled sample corpus (data/sample/README.md), so it answers with data on
// a fresh `npm start`; tests/ide/examples.test.ts runs every served one against that corpus.
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";

export interface IdeExample {
  /** Stable key, used by tests and as the button's `data-example`. */
  id: string;
  title: string;
  /** One line under the title in the sidebar. */
  description: string;
  query: string;
  /** JSON, as it appears in GraphiQL's variables editor. */
  variables: string;
}

const variables = (values: Record<string, unknown>) => JSON.stringify(values, null, 2);

export const OUTLET_ARTICLES_IN_PERIOD: IdeExample = {
  id: "outlet-articles-in-period",
  title: "An outlet's articles in a date range",
  description: "Meridian Post in 2025, newest first.",
  query: `# One outlet's articles between two days (both
# included), newest first. Change the outlet (name or
# slug) and the dates under Variables.
query OutletArticlesInPeriod(
  $outlet: String!
  $from: Date
  $to: Date
) {
  articles(
    filter: {
      outlets: [$outlet]
      publishedAfter: $from
      publishedBefore: $to
    }
    first: 20
  ) {
    totalCount
    edges {
      node {
        headline
        publishedOn
        byline
        outlet { name }
        people { name }
      }
    }
  }
}
`,
  variables: variables({ outlet: "Meridian Post", from: "2025-01-01", to: "2025-12-31" }),
};

export const EVERYTHING_A_PERSON_SAID: IdeExample = {
  id: "everything-a-person-said",
  title: "Everything one person said",
  description: "Yury Pelevanov's quotes, with the outlet and article that carried each.",
  query: `# Every quote attributed to one person, however
# outlets spell the name, with the article and outlet
# that carried it. Any spelling's slug works.
query EverythingAPersonSaid($person: String!) {
  person(slug: $person) {
    name
    aliases
    quoteCount
    outlets { name }
    quotes(first: 50) {
      totalCount
      edges {
        node {
          text
          article {
            headline
            publishedOn
            outlet { name }
          }
        }
      }
    }
  }
}
`,
  variables: variables({ person: "yury-pelevanov" }),
};

export const SEARCH_WITH_SNIPPETS: IdeExample = {
  id: "search-with-snippets",
  title: "Full-text search with highlighted snippets",
  description: "Articles mentioning rare earths, each match marked in an extract.",
  query: `# Words in headline or body, stemmed: "rare earth"
# also finds "rare earths". Use "a phrase" in double
# quotes, word* for a prefix, OR between alternatives.
# The snippet marks each match with <mark>…</mark>.
query SearchWithSnippets($words: String!) {
  articles(filter: { search: $words }, first: 20) {
    totalCount
    edges {
      node {
        headline
        publishedOn
        outlet { name }
        snippet(search: $words)
      }
    }
  }
}
`,
  variables: variables({ words: "rare earth" }),
};

export const MOST_QUOTED_IN_PERIOD: IdeExample = {
  id: "most-quoted-in-period",
  title: "People quoted most in a period",
  description: "Who was quoted most from March to May 2025, and by which outlets.",
  query: `# People ranked by their quotes in articles of the
# period: count is the quotes in the period, quoteCount
# the total in the archive.
query MostQuotedInPeriod($from: Date, $to: Date) {
  people(
    orderBy: MOST_QUOTED
    filter: { publishedAfter: $from, publishedBefore: $to }
    first: 10
  ) {
    edges {
      count
      node {
        name
        quoteCount
        outlets { name }
      }
    }
  }
}
`,
  variables: variables({ from: "2025-03-01", to: "2025-05-31" }),
};

/**
 * Written before stories and statements were in the schema, and served from the moment
 * `Query.stories` exists: servedExamples() looks at the schema, not at a list.
 */
export const STORY_STATEMENTS: IdeExample = {
  id: "story-statements",
  title: "A story's statements and the outlets that carried each",
  description: "The Murmansk briefing of March 2025: each remark once, with every outlet that reported it.",
  query: `# A story groups the articles about one event. A
# statement is one remark, however each outlet translated
# or trimmed it: its outlets are every outlet that
# carried it, its quotes each outlet's wording.
query StoryStatements($search: String!, $from: Date, $to: Date) {
  stories(
    filter: { search: $search, publishedAfter: $from, publishedBefore: $to }
    first: 5
  ) {
    edges {
      node {
        title
        startedOn
        outlets { name }
        statements(first: 20) {
          edges {
            node {
              speaker { name }
              text
              outletCount
              outlets { name }
              quotes(first: 10) {
                edges { node { text article { outlet { name } } } }
              }
            }
          }
        }
      }
    }
  }
}
`,
  variables: variables({ search: "Northern Sea Route", from: "2025-03-01", to: "2025-03-31" }),
};

/** Every example, served or waiting for the schema, in the order the sidebar lists them. */
export const IDE_EXAMPLES: readonly IdeExample[] = [
  OUTLET_ARTICLES_IN_PERIOD,
  EVERYTHING_A_PERSON_SAID,
  SEARCH_WITH_SNIPPETS,
  MOST_QUOTED_IN_PERIOD,
  STORY_STATEMENTS,
];

function operationOf(example: IdeExample): OperationDefinitionNode | undefined {
  return parse(example.query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** The fields of `Query` an example's operation selects at its top level. */
export function rootFieldsOf(example: IdeExample): string[] {
  return (operationOf(example)?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/** The name of an example's operation (`OutletArticlesInPeriod`), null when it has none. */
export function operationNameOf(example: IdeExample): string | null {
  return operationOf(example)?.name?.value ?? null;
}

/**
 * The examples the IDE offers for `schema`: those whose top-level fields the schema has.
 * An example is kept back for a whole missing feature (no `stories` yet), never for a typo:
 * tests validate every served example against the schema.
 */
export function servedExamples(schema: GraphQLSchema, examples: readonly IdeExample[] = IDE_EXAMPLES): IdeExample[] {
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  return examples.filter((example) => rootFieldsOf(example).every((field) => field in queryFields));
}
