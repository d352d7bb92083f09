import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";

export const outletResolvers: Resolvers = {
  Query: {
    outlet: (_, { slug }, { store }) => store.outletBySlugOrName(slug),
    outlets: (_, __, { store }) => store.allOutlets(),
  },
  Outlet: {
    id: (o) => toGlobalId("Outlet", o.id),
    articleCount: async (o, _, { loaders }) => (await loaders.statsOfOutlet.load(o.id)).articleCount,
    firstPublishedOn: async (o, _, { loaders }) => (await loaders.statsOfOutlet.load(o.id)).firstPublishedOn,
    lastPublishedOn: async (o, _, { loaders }) => (await loaders.statsOfOutlet.load(o.id)).lastPublishedOn,
  },
};
