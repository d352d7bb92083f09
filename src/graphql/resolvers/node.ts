import type { Resolvers, ResolversInterfaceTypes } from "../generated/resolvers-types.js";
import { fromGlobalId, type NodeType } from "../global-id.js";

type NodeRow = ResolversInterfaceTypes<Resolvers>["Node"] & { __typename?: NodeType };

export const nodeResolvers: Resolvers = {
  Query: {
    async node(_, { id }, { loaders }) {
      const ref = fromGlobalId(id);
      if (!ref) return null;
      const loader = {
        Article: loaders.article,
        Quote: loaders.quote,
        Person: loaders.person,
        Organisation: loaders.organisation,
        Outlet: loaders.outlet,
        Topic: loaders.topic,
        Statement: loaders.statement,
        Story: loaders.story,
      }[ref.type] as { load(id: number): Promise<NodeRow | null> };
      const row = await loader.load(ref.id);
      // Rows do not say what type they are; the global ID did, so carry it to __resolveType.
      return row ? { ...row, __typename: ref.type } : null;
    },
  },
  Node: {
    __resolveType: (node: NodeRow) => node.__typename!,
  },
};
