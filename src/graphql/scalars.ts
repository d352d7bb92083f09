import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { EARLIEST_DAY, isCalendarDay, LATEST_DAY } from "../extract/day-number.js";

// `nodes` ties the error to the literal: without it graphql-js reports the error as it is,
// with no location, and the argument it belongs to cannot be named.
function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== "string" || !isCalendarDay(value)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a date: write a calendar day between ${EARLIEST_DAY} and ${LATEST_DAY} as YYYY-MM-DD, e.g. "2025-04-03".`, { nodes: node });
  }
  return value;
}

/** The `Date` scalar: an ISO 8601 calendar day, kept as its YYYY-MM-DD text. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  // The same words as the SDL's (base.graphql): the running schema takes this one.
  description: `A calendar date in ISO 8601 form, \`YYYY-MM-DD\` (for example \`2025-04-03\`), from ${EARLIEST_DAY} to ${LATEST_DAY}. Date filters are inclusive.`,
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`A Date is written as a string "YYYY-MM-DD", not as ${ast.kind}.`, { nodes: ast });
    return parseDate(ast.value, ast);
  },
});
