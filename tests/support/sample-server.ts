import { ingestFiles } from "../../src/archive/ingest-files.js";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveArchive, type ApiFixture } from "./api-fixture.js";
import { createTestArchive } from "./test-archive.js";

export const SAMPLE_CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "sample");

export type SampleServer = ApiFixture;

/** A real server on a free port over a fresh archive holding the bundled sample corpus, as `npm start` seeds it. */
export async function startSampleServer(): Promise<SampleServer> {
  const archive = await createTestArchive();
  const failures: string[] = [];
  const totals = await ingestFiles(archive.store, [SAMPLE_CORPUS_DIR], {
    onFile: (o) => void (o.status === "failed" && failures.push(`${o.file}: ${o.message} [${o.code}]`)),
  });
  if (totals.stored === 0) throw new Error(`the sample corpus stored no article (${totals.failed} failed), e.g. ${failures[0]}`);
  return serveArchive(archive);
}
