import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse } from "graphql";
import { isCalendarDay } from "../extract/day-number.js";
import type { Resolvers } from "./generated/resolvers-types.js";
import { articleResolvers } from "./resolvers/article.js";
import { connectionResolvers } from "./resolvers/connection.js";
import { coverageResolvers } from "./resolvers/coverage.js";
import { nodeResolvers } from "./resolvers/node.js";
import { organisationResolvers } from "./resolvers/organisation.js";
import { outletResolvers } from "./resolvers/outlet.js";
import { personResolvers } from "./resolvers/person.js";
import { quoteResolvers } from "./resolvers/quote.js";
import { statementResolvers } from "./resolvers/statement.js";
import { storyResolvers } from "./resolvers/story.js";
import { topicResolvers } from "./resolvers/topic.js";
import { DateScalar } from "./scalars.js";

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), "schema");

/** The SDL, one file per type family, in a stable order. */
export const typeDefs: string[] = readdirSync(schemaDir)
  .filter((f) => f.endsWith(".graphql"))
  .sort()
  .map((f) => readFileSync(join(schemaDir, f), "utf8"));

function mergeResolvers(parts: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...(fields as object) };
  }
  return merged as Resolvers;
}

type AnyResolver = (parent: any, args: any, context: any, info: any) => unknown;

/**
 * Every field of type Date reads its stored value through a check: a value that is not a
 * calendar day (stored before ingest checked dates, or by hand) is served as null. The
 * scalar would otherwise refuse it, and one bad row would answer INTERNAL_SERVER_ERROR to
 * every query that touched it, for good. All Date fields are nullable, so null is honest.
 */
function withStoredDatesChecked(resolvers: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const wrapped = { ...resolvers };
  for (const definition of parse(typeDefs.join("\n")).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      if (field.type.kind !== Kind.NAMED_TYPE || field.type.name.value !== "Date") continue;
      const type = definition.name.value;
      const name = field.name.value;
      const resolve = (wrapped[type]?.[name] as AnyResolver | undefined) ?? ((parent: Record<string, unknown>) => parent[name]);
      wrapped[type] = {
        ...wrapped[type],
        [name]: async (parent: unknown, args: unknown, context: unknown, info: unknown) => {
          const value = await resolve(parent, args, context, info);
          return typeof value === "string" && !isCalendarDay(value) ? null : value;
        },
      };
    }
  }
  return wrapped;
}

export const resolvers: Resolvers = {
  ...(withStoredDatesChecked(
    mergeResolvers([articleResolvers, coverageResolvers, quoteResolvers, personResolvers, organisationResolvers, outletResolvers, topicResolvers, statementResolvers, storyResolvers, nodeResolvers, connectionResolvers]) as Record<string, Record<string, unknown>>,
  ) as Resolvers),
  Date: DateScalar,
};

