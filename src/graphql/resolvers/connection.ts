import type { Resolvers } from "../generated/resolvers-types.js";

// Connections carry their count as a thunk: counting runs only when a client asks.
const totalCount = (c: { totalCount: () => Promise<number> }) => c.totalCount();
// `nodes` is `edges { node }` without the cursors, read from the same page.
const nodes = <T>(c: { edges: { node: T }[] }) => c.edges.map((e) => e.node);

export const connectionResolvers: Resolvers = {
  ArticleConnection: { totalCount, nodes },
  QuoteConnection: { totalCount, nodes },
  PersonConnection: { totalCount, nodes },
  OrganisationConnection: { totalCount, nodes },
  StatementConnection: { totalCount, nodes },
  StoryConnection: { totalCount, nodes },
};
