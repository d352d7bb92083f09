import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Resolvers } from "./generated/resolvers-types.js";
import { articleResolvers } from "./resolvers/article.js";
import { connectionResolvers } from "./resolvers/connection.js";
import { nodeResolvers } from "./resolvers/node.js";
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

export const resolvers: Resolvers = {
  ...mergeResolvers([articleResolvers, quoteResolvers, personResolvers, outletResolvers, topicResolvers, statementResolvers, storyResolvers, nodeResolvers, connectionResolvers]),
  Date: DateScalar,
};
