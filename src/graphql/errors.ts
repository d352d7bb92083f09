import { GraphQLError } from "graphql";

/** The codes our errors carry in `extensions.code`; anything else becomes INTERNAL_SERVER_ERROR. */
export type ErrorCode = "BAD_USER_INPUT";

/**
 * An argument the client sent cannot be used. Produces `extensions.code = "BAD_USER_INPUT"`
 * and `extensions.argument` naming it (dotted for input fields: `filter.publishedAfter`).
 * The message says what was wrong and what would be accepted.
 */
export function badUserInput(message: string, details: { argument: string }): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument: details.argument } });
}
