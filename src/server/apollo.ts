import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLContext } from "../graphql/context.js";
import { resolvers, typeDefs } from "../graphql/schema.js";
import { badArgumentValuesPlugin } from "./bad-argument-values.js";
import { formatError } from "./format-error.js";
import { KnownOperationsCache } from "./known-operations.js";
import { queriesOnlyRule } from "./queries-only.js";
import { queryLimitsPlugin } from "./query-limits.js";
import { requestLogPlugin } from "./request-log.js";

/** `knownOperations`: persisted queries known before any client sends them (the explorer's), text by sha256. */
export function createApolloServer(knownOperations: ReadonlyMap<string, string> = new Map()): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers: resolvers as never,
    // Introspection stays on: analysts explore the schema in the IDE.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Refuses mutations and subscriptions while validating (see queries-only.ts).
    validationRules: [queriesOnlyRule],
    // Automatic persisted queries: a client may send only a query's sha256 once the server
    // has seen it, or knows it from the explorer's build (see known-operations.ts). The others
    // are held in a bounded (30 MiB) in-memory LRU cache, as Apollo's default.
    persistedQueries: { cache: new KnownOperationsCache(knownOperations) },
    // Apollo's own landing page loads from a CDN; the archive serves its own IDE.
    // queryLimitsPlugin refuses costly documents before they run (see query-limits.ts).
    // Apollo's cache-control plugin, on unless disabled, wraps every field's resolver to
    // gather hints the schema never gives, and only ever said "no-store" (app.ts now does):
    // 0.3-0.9 ms of a 4 ms request for 20 articles at a million.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), badArgumentValuesPlugin, queryLimitsPlugin, requestLogPlugin],
    // scripts/serve.ts owns shutdown (drain HTTP, stop Apollo, close the store, exit). Apollo's
    // own SIGTERM handler stopped it alongside and then raised the signal again, racing that
    // sequence: on PostgreSQL the server never exited.
    stopOnTerminationSignals: false,
  });
}
