import { quoteKey, statementKey } from "../../store/store.js";
import { pageRequest, toConnection } from "../connections.js";
import { statementFilter } from "../filter-inputs.js";
import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";
import { loadPresent } from "../load-present.js";

export const statementResolvers: Resolvers = {
  Query: {
    async statements(_, { filter, orderBy, ...page }, { store }) {
      const order = orderBy ?? "FIRST_REPORTED_DESC";
      const list = `statements:${order}`;
      const storeFilter = statementFilter(filter);
      const rows = await store.findStatements(storeFilter, order, pageRequest(page, list, order === "MOST_OUTLETS" ? 3 : 2));
      return toConnection(rows, list, (s) => statementKey(order, s), () => store.countStatements(storeFilter));
    },
  },
  Statement: {
    id: (s) => toGlobalId("Statement", s.id),
    async speaker(s, _, { loaders }) {
      const person = await loaders.person.load(s.speakerId);
      if (!person) throw new Error(`statement ${s.id} points to missing person ${s.speakerId}`);
      return person;
    },
    async quotes(s, page, { loaders }) {
      const request = pageRequest(page, "statement-quotes", 2);
      const rows = await loaders.quotePageOfStatement.load({ parentId: s.id, request });
      return toConnection(rows, "statement-quotes", quoteKey, async () => s.reportCount);
    },
    outlets: async (s, _, { loaders }) => loadPresent(loaders.outlet, await loaders.outletIdsOfStatement.load(s.id)),
  },
  Quote: {
    statement: (q, _, { loaders }) => (q.statementId == null ? null : loaders.statement.load(q.statementId)),
  },
};
