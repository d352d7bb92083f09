import type { ArticleDraft } from "../../src/extract/types.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { graphql } from "./graphql-client.js";
import type { Store } from "../../src/store/store.js";
import { createTestArchive, type TestArchive } from "./test-archive.js";
import { createStoreOn, type Engine, type TestStore } from "./test-stores.js";

export interface ApiFixture<A extends { store: Store; close(): Promise<void> } = TestArchive> {
  archive: A;
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

/** The same on either engine (tests/support/test-stores.ts). */
export async function startApiFixtureOn(engine: Engine, drafts: ArticleDraft[]): Promise<ApiFixture<TestStore>> {
  const archive = await createStoreOn(engine);
  for (const draft of drafts) await archive.store.saveArticle(draft);
  return serveArchive(archive);
}

/** A real server on a free port over `archive`; closing it closes the archive too. */
export async function serveArchive<A extends { store: Store; close(): Promise<void> }>(archive: A): Promise<ApiFixture<A>> {
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
