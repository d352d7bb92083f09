import type { Resolvers } from "../generated/resolvers-types.js";

// Connections carry their count as a thunk: counting runs only when a client asks.
const totalCount = (c: { totalCount: () => Promise<number> }) => c.totalCount();

export const connectionResolvers: Resolvers = {
  ArticleConnection: { totalCount },
  QuoteConnection: { totalCount },
  PersonConnection: { totalCount },
  StatementConnection: { totalCount },
  StoryConnection: { totalCount },
};
