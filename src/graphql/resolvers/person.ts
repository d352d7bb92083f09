import { articleKey, personKey, quoteKey } from "../../store/store.js";
import { pageRequest, toConnection } from "../connections.js";
import { personFilter } from "../filter-inputs.js";
import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";
import { badUserInput } from "../errors.js";
import { loadPresent } from "../load-present.js";

/** `maxPoints` of quoteTimeline, checked. */
function timelineMaxPoints(maxPoints: number | null | undefined): number {
  const n = maxPoints ?? 1000;
  if (!Number.isInteger(n) || n < 1 || n > 5000) throw badUserInput(`\`maxPoints\` must be between 1 and 5000, got ${n}.`, { argument: "maxPoints" });
  return n;
}

export const personResolvers: Resolvers = {
  Query: {
    person: (_, { slug }, { store }) => store.personBySlug(slug),
    async people(_, { filter, orderBy, ...page }, { store }) {
      const order = orderBy ?? "NAME";
      const list = `people:${order}`;
      const storeFilter = personFilter(filter);
      const rows = await store.findPeople(storeFilter, order, pageRequest(page, list, 2));
      return toConnection(
        rows,
        list,
        (p) => personKey(order, p),
        () => store.countPeople(storeFilter, order),
        ({ rank, ...person }) => ({ node: person, count: order === "NAME" ? null : rank }),
      );
    },
  },
  Person: {
    id: (p) => toGlobalId("Person", p.id),
    aliases: (p, _, { loaders }) => loaders.aliasesOfPerson.load(p.id),
    articleCount: (p, _, { loaders }) => loaders.articleCountOfPerson.load(p.id),
    quoteCount: (p, _, { loaders }) => loaders.quoteCountOfPerson.load(p.id),
    async quotes(p, page, { loaders }) {
      const request = pageRequest(page, "person-quotes", 2);
      const rows = await loaders.quotePageOfPerson.load({ parentId: p.id, request });
      return toConnection(rows, "person-quotes", quoteKey, () => loaders.quoteCountOfPerson.load(p.id));
    },
    async articles(p, page, { loaders }) {
      const request = pageRequest(page, "person-articles", 2);
      const keys = await loaders.articlePageOfPerson.load({ parentId: p.id, request });
      const articles = await loadPresent(loaders.article, keys.rows.map((r) => r.id));
      return toConnection({ ...keys, rows: articles }, "person-articles", articleKey, () => loaders.articleCountOfPerson.load(p.id));
    },
    outlets: async (p, _, { loaders }) => loadPresent(loaders.outlet, await loaders.outletIdsQuotingPerson.load(p.id)),
    quoteTimeline: (p, { maxPoints }, { loaders }) => loaders.quoteTimelineOfPerson.load({ id: p.id, argument: timelineMaxPoints(maxPoints) }),
    quotesByOutlet: (p, _, { loaders }) => loaders.quoteCountsByOutletOfPerson.load(p.id),
    topics: (p, _, { loaders }) => loaders.topicsOfPerson.load(p.id),
  },
  QuoteCountInPeriod: {
    outlet: (c, _, { loaders }) => (c.outletId === null ? null : loaders.outlet.load(c.outletId)),
    example: async (c, _, { loaders }) => {
      const quote = await loaders.quote.load(c.exampleQuoteId);
      // Counted and read in one snapshot: the quote the count names is there.
      if (!quote) throw new Error(`quote ${c.exampleQuoteId} of a timeline is missing`);
      return quote;
    },
  },
  OutletQuoteCount: {
    outlet: async (c, _, { loaders }) => {
      const outlet = await loaders.outlet.load(c.outletId);
      if (!outlet) throw new Error(`outlet ${c.outletId} of a quote count is missing`);
      return outlet;
    },
  },
  PersonTopic: {
    topic: async (c, _, { loaders }) => {
      const topic = await loaders.topic.load(c.topicId);
      if (!topic) throw new Error(`topic ${c.topicId} of a person's topics is missing`);
      return topic;
    },
  },
};
