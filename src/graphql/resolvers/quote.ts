import { quoteKey } from "../../store/store.js";
import { pageRequest, toConnection } from "../connections.js";
import { quoteFilter } from "../filter-inputs.js";
import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";

export const quoteResolvers: Resolvers = {
  Query: {
    async quotes(_, { filter, ...page }, { store }) {
      const storeFilter = quoteFilter(filter);
      const rows = await store.findQuotes(storeFilter, pageRequest(page, "quotes", 2));
      return toConnection(rows, "quotes", quoteKey, () => store.countQuotes(storeFilter));
    },
  },
  Quote: {
    id: (q) => toGlobalId("Quote", q.id),
    speaker: (q, _, { loaders }) => (q.speakerId == null ? null : loaders.person.load(q.speakerId)),
    async article(q, _, { loaders }) {
      const article = await loaders.article.load(q.articleId);
      if (!article) throw new Error(`quote ${q.id} points to missing article ${q.articleId}`);
      return article;
    },
  },
};
