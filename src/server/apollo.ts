import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLContext } from "../graphql/context.js";
import { resolvers, typeDefs } from "../graphql/schema.js";
import { badArgumentValuesPlugin } from "./bad-argument-values.js";
import { formatError } from "./format-error.js";

export function createApolloServer(): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers: resolvers as never,
    // Introspection stays on: analysts explore the schema in the IDE.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Apollo's own landing page loads from a CDN; the archive serves its own IDE.
    plugins: [ApolloServerPluginLandingPageDisabled(), badArgumentValuesPlugin],
  });
}
