import type { Types } from "@graphql-codegen/plugin-helpers";

// Resolver types from the SDL: resolvers receive store rows (mappers) and must return
// what the schema promises. Run by `npm run generate` (and so by `npm install`) through
// scripts/generate-types.ts.
const config: Types.Config & { schema: string; generates: Record<string, Types.ConfiguredOutput> } = {
  schema: "src/graphql/schema/*.graphql",
  generates: {
    "src/graphql/generated/resolvers-types.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useIndexSignature: true,
        useTypeImports: true,
        contextType: "../context.js#GraphQLContext",
        scalars: { Date: "string" },
        enumsAsTypes: true,
        mapperTypeSuffix: "Row",
        mappers: {
          Article: "../../store/articles.js#Article",
          Quote: "../../store/quotes.js#Quote",
          Person: "../../store/people.js#Person",
          QuoteTimeline: "../../store/person-aggregates.js#QuoteTimeline",
          QuoteCountInPeriod: "../../store/person-aggregates.js#QuotePeriodCount",
          OutletQuoteCount: "../../store/person-aggregates.js#OutletQuoteCount",
          PersonTopic: "../../store/person-aggregates.js#TopicArticleCount",
          PersonQuoteCount: "../../store/coverage-aggregates.js#PersonQuoteCount",
          Organisation: "../../store/organisations.js#Organisation",
          OrganisationConnection: "../connections.js#ConnectionResult<OrganisationRow>",
          OrganisationEdge: "../connections.js#EdgeResult<OrganisationRow>",
          Outlet: "../../store/outlets.js#Outlet",
          Topic: "../../store/topics.js#Topic",
          Statement: "../../store/statements.js#Statement",
          Story: "../../store/stories.js#Story",
          StatementConnection: "../connections.js#ConnectionResult<StatementRow>",
          StoryConnection: "../connections.js#ConnectionResult<StoryRow>",
          StatementEdge: "../connections.js#EdgeResult<StatementRow>",
          StoryEdge: "../connections.js#EdgeResult<StoryRow>",
          ArticleConnection: "../connections.js#ConnectionResult<ArticleRow>",
          QuoteConnection: "../connections.js#ConnectionResult<QuoteRow>",
          PersonConnection: "../connections.js#ConnectionResult<PersonRow>",
          ArticleEdge: "../connections.js#EdgeResult<ArticleRow>",
          QuoteEdge: "../connections.js#EdgeResult<QuoteRow>",
          PersonEdge: "../connections.js#EdgeResult<PersonRow>",
        },
      },
    },
  },
};

export default config;
