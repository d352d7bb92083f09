import { organisationKey, quoteKey } from "../../store/store.js";
import { pageRequest, toConnection } from "../connections.js";
import { organisationFilter } from "../filter-inputs.js";
import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";

export const organisationResolvers: Resolvers = {
  Query: {
    organisation: (_, { slug }, { store }) => store.organisationBySlugOrName(slug),
    async organisations(_, { filter, ...page }, { store }) {
      const storeFilter = organisationFilter(filter);
      const rows = await store.findOrganisations(storeFilter, pageRequest(page, "organisations", 2));
      return toConnection(rows, "organisations", organisationKey, () => store.countOrganisations(storeFilter));
    },
  },
  Organisation: {
    id: (o) => toGlobalId("Organisation", o.id),
    quoteCount: (o, _, { loaders }) => loaders.quoteCountOfOrganisation.load(o.id),
    async quotes(o, page, { loaders }) {
      const request = pageRequest(page, "organisation-quotes", 2);
      const rows = await loaders.quotePageOfOrganisation.load({ parentId: o.id, request });
      return toConnection(rows, "organisation-quotes", quoteKey, () => loaders.quoteCountOfOrganisation.load(o.id));
    },
  },
  Quote: {
    organisation: (q, _, { loaders }) => (q.organisationId == null ? null : loaders.organisation.load(q.organisationId)),
  },
};
