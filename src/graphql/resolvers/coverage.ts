// The aggregates an outlet's or a topic's page draws (Outlet/Topic.articleVolume and
// mostQuoted), and the person each count names.
import { badUserInput } from "../errors.js";
import type { Resolvers } from "../generated/resolvers-types.js";

const MOST_QUOTED_LIMIT = 100;

/** `first` of mostQuoted, checked. */
export function mostQuotedLimit(first: number | null | undefined): number {
  const n = first ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > MOST_QUOTED_LIMIT) throw badUserInput(`\`first\` must be between 1 and ${MOST_QUOTED_LIMIT}, got ${n}.`, { argument: "first" });
  return n;
}

export const coverageResolvers: Resolvers = {
  Outlet: {
    articleVolume: (o, { interval }, { loaders }) => loaders.articleVolumeOfOutlet.load({ id: o.id, argument: interval ?? "MONTH" }),
    mostQuoted: (o, { first }, { loaders }) => loaders.mostQuotedInOutlet.load({ id: o.id, argument: mostQuotedLimit(first) }),
  },
  Topic: {
    articleVolume: (t, { interval }, { loaders }) => loaders.articleVolumeOfTopic.load({ id: t.id, argument: interval ?? "MONTH" }),
    mostQuoted: (t, { first }, { loaders }) => loaders.mostQuotedInTopic.load({ id: t.id, argument: mostQuotedLimit(first) }),
  },
  PersonQuoteCount: {
    person: async (c, _, { loaders }) => {
      const person = await loaders.person.load(c.personId);
      // Counted and read in one snapshot: the person the count names is there.
      if (!person) throw new Error(`person ${c.personId} of a quote count is missing`);
      return person;
    },
  },
};
