import { articleKey, statementKey, storyKey } from "../../store/store.js";
import { pageRequest, toConnection } from "../connections.js";
import { storyFilter } from "../filter-inputs.js";
import type { Resolvers } from "../generated/resolvers-types.js";
import { toGlobalId } from "../global-id.js";
import { loadPresent } from "../load-present.js";

export const storyResolvers: Resolvers = {
  Query: {
    async stories(_, { filter, ...page }, { store }) {
      const storeFilter = storyFilter(filter);
      const rows = await store.findStories(storeFilter, pageRequest(page, "stories", 2));
      return toConnection(rows, "stories", storyKey, () => store.countStories(storeFilter));
    },
  },
  Story: {
    id: (s) => toGlobalId("Story", s.id),
    async articles(s, page, { loaders }) {
      const request = pageRequest(page, "story-articles", 2);
      const keys = await loaders.articlePageOfStory.load({ parentId: s.id, request });
      const articles = await loadPresent(loaders.article, keys.rows.map((r) => r.id));
      return toConnection({ ...keys, rows: articles }, "story-articles", articleKey, async () => s.articleCount);
    },
    // Paged straight from the story's range of the quotes' (storyId, statementId) index, and
    // counted from it: reading the ids first and handing them back as the page's filter sent
    // the largest story's 1,441 ids through the read thread twice (twice the database's time).
    async statements(s, page, { store, loaders }) {
      const request = pageRequest(page, "story-statements", 3);
      const rows = await store.findStatements({ storyIds: [s.id] }, "MOST_OUTLETS", request);
      return toConnection(rows, "story-statements", (st) => statementKey("MOST_OUTLETS", st), () => loaders.statementCountOfStory.load(s.id));
    },
    people: async (s, _, { loaders }) => loadPresent(loaders.person, await loaders.personIdsOfStory.load(s.id)),
    outlets: async (s, _, { loaders }) => loadPresent(loaders.outlet, await loaders.outletIdsOfStory.load(s.id)),
    topics: async (s, _, { loaders }) => loadPresent(loaders.topic, await loaders.topicIdsOfStory.load(s.id)),
  },
  Article: {
    story: (a, _, { loaders }) => (a.storyId == null ? null : loaders.story.load(a.storyId)),
  },
};
