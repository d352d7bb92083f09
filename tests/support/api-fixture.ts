import type { ArticleDraft } from "../../src/extract/types.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { graphql } from "./graphql-client.js";
import { createTestArchive, type TestArchive } from "./test-archive.js";

export interface ApiFixture {
  archive: TestArchive;
  server: RunningServer;
  query: <T = Record<string, any>>(q: string, variables?: Record<string, unknown>) => ReturnType<typeof graphql<T>>;
  close(): Promise<void>;
}

/** A real server on a free port over a fresh SQLite archive holding `drafts`. */
export async function startApiFixture(drafts: ArticleDraft[]): Promise<ApiFixture> {
  const archive = await createTestArchive();
  for (const draft of drafts) await archive.store.saveArticle(draft);
  return serveArchive(archive);
}

/** A real server on a free port over `archive`; closing it closes the archive too. */
export async function serveArchive(archive: TestArchive): Promise<ApiFixture> {
  const server = await startServer(archive.store, 0);
  return {
    archive,
    server,
    query: (q, variables) => graphql(server.url, q, variables),
    async close() {
      await server.close();
      await archive.close();
    },
  };
}
