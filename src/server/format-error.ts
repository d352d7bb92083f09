import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { QueryTimedOut } from "./request-timeout.js";

// Codes a client can act on. Anything else that reaches here is a bug of ours: the client
// gets INTERNAL_SERVER_ERROR with no internals, and the error goes to the server log.
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = { ...formatted.extensions } as Record<string, unknown>;
  const badArgument = extensions.badArgument as string | undefined;
  delete extensions.badArgument;
  delete extensions.stacktrace;
  if (badArgument) {
    return {
      ...formatted,
      message: `Argument \`${badArgument}\` has an invalid value: ${formatted.message}`,
      extensions: { ...extensions, code: "BAD_USER_INPUT", argument: badArgument },
    };
  }
  if (typeof extensions.code === "string" && CLIENT_CODES.has(extensions.code)) return { ...formatted, extensions };
  // Apollo refuses some requests with a 4xx status but no code (an APQ hash that does not
  // match the query sent with it, an unknown APQ version): the client's mistake, not ours.
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  if (typeof status === "number" && status >= 400 && status < 500) return { ...formatted, extensions: { ...extensions, code: "BAD_REQUEST" } };
  // A read stopped at the request's deadline: the client already has its 503, and nothing broke.
  if (unwrapResolverError(error) instanceof QueryTimedOut) return { ...formatted, extensions: { code: "QUERY_TIMEOUT" } };
  console.error("internal error:", unwrapResolverError(error));
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
