import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";

export const topicResolvers: Resolvers = {
  Query: {
    topic: (_, { slug }, { store }) => store.topicBySlugOrName(slug),
    async topics(_, __, { store, loaders }) {
      const topics = await store.allTopics();
      // The list already counted its articles: prime the loader rather than count again.
      for (const t of topics) loaders.articleCountOfTopic.prime(t.id, t.articleCount);
      return topics;
    },
  },
  Topic: {
    id: (t) => toGlobalId("Topic", t.id),
    articleCount: (t, _, { loaders }) => loaders.articleCountOfTopic.load(t.id),
  },
};
