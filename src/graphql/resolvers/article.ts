import { articleKey, articleQuoteKey } from "../../store/store.js";
import { pageRequest, toConnection } from "../connections.js";
import { articleFilter, snippetSearch } from "../filter-inputs.js";
import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";
import { sourceFormatEnum } from "../source-format.js";

export const articleResolvers: Resolvers = {
  Query: {
    async articles(_, { filter, orderBy, ...page }, { store }) {
      const order = orderBy ?? "PUBLISHED_ON_DESC";
      const list = `articles:${order}`;
      const storeFilter = articleFilter(filter);
      const rows = await store.findArticles(storeFilter, order, pageRequest(page, list, 2));
      return toConnection(rows, list, articleKey, () => store.countArticles(storeFilter));
    },
  },
  Article: {
    id: (a) => toGlobalId("Article", a.id),
    sourceFormat: (a) => sourceFormatEnum(a.sourceFormat),
    outlet: (a, _, { loaders }) => (a.outletId == null ? null : loaders.outlet.load(a.outletId)),
    people: (a, _, { loaders }) => loaders.peopleOfArticle.load(a.id),
    topics: (a, _, { loaders }) => loaders.topicsOfArticle.load(a.id),
    async quotes(a, page, { loaders }) {
      const request = pageRequest(page, "article-quotes", 1);
      const rows = await loaders.quotePageOfArticle.load({ parentId: a.id, request });
      return toConnection(rows, "article-quotes", articleQuoteKey, () => loaders.quoteCountOfArticle.load(a.id));
    },
    snippet: (a, { search }, { loaders }) => loaders.snippet.load({ articleId: a.id, search: snippetSearch(search) }),
  },
};
