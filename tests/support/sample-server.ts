import { ingestFiles } from "../../src/archive/ingest-files.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { graphql } from "./graphql-client.js";
import { createTestArchive, type TestArchive } from "./test-archive.js";

export const SAMPLE_CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "sample");

export interface SampleServer {
  archive: TestArchive;
  server: RunningServer;
  query: <T = Record<string, any>>(q: string, variables?: Record<string, unknown>) => ReturnType<typeof graphql<T>>;
  close(): Promise<void>;
}

/** A real server on a free port over a fresh archive holding the bundled sample corpus, as `npm start` seeds it. */
export async function startSampleServer(): Promise<SampleServer> {
  const archive = await createTestArchive();
  const failures: string[] = [];
  const totals = await ingestFiles(archive.store, [SAMPLE_CORPUS_DIR], {
    onFile: (o) => void (o.status === "failed" && failures.push(`${o.file}: ${o.message} [${o.code}]`)),
  });
  if (totals.stored === 0) throw new Error(`the sample corpus stored no article (${totals.failed} failed), e.g. ${failures[0]}`);
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
