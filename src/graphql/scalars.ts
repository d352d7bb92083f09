import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { EARLIEST_DAY, LATEST_DAY } from "../extract/day-number.js";

// graphql-scalars' LocalDate checks the form and that the day exists (2025-02-30 does not),
// and keeps the YYYY-MM-DD text (its `Date` scalar would hand resolvers a JS Date instead).
// It accepts any year from 0000 to 9999, which an archive of news does not hold: measured,
// it takes "0000-01-01", "1799-12-31", "2200-01-01" and "9999-12-31", all of which we refuse.
// So our range check follows it, and our message replaces its "Value is not a valid
// LocalDate", which does not say what to write instead.
const localDate = GraphQLLocalDate.toConfig();

// `nodes` ties the error to the literal: without it graphql-js reports the error as it is,
// with no location, and the argument it belongs to cannot be named.
function checkedDay(value: unknown, check: () => unknown, node?: ValueNode): string {
  let day: unknown;
  try {
    day = check();
  } catch {
    day = null; // refused by LocalDate: answered below with our message, which says what to write
  }
  if (typeof day !== "string" || day < EARLIEST_DAY || day > LATEST_DAY) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a date: write a calendar day between ${EARLIEST_DAY} and ${LATEST_DAY} as YYYY-MM-DD, e.g. "2025-04-03".`, { nodes: node });
  }
  return day;
}

/** The `Date` scalar: an ISO 8601 calendar day, kept as its YYYY-MM-DD text (graphql-scalars' LocalDate, within our range). */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  // The same words as the SDL's (base.graphql): the running schema takes this one.
  description: `A calendar date in ISO 8601 form, \`YYYY-MM-DD\` (for example \`2025-04-03\`), from ${EARLIEST_DAY} to ${LATEST_DAY}. Date filters are inclusive.`,
  serialize: (value) => checkedDay(value, () => localDate.serialize(value)),
  parseValue: (value) => checkedDay(value, () => localDate.parseValue(value)),
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`A Date is written as a string "YYYY-MM-DD", not as ${ast.kind}.`, { nodes: ast });
    return checkedDay(ast.value, () => localDate.parseLiteral(ast, variables), ast);
  },
});
