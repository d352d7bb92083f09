// Verbatim echoes are found by echo keys (src/store/echo-keys.ts): a quote's runs of words,
// hashed with its speaker. An archive stored before the keys existed gets them on its next
// start, the same keys ingestion writes, and goes on linking as if it had always had them.
import { join } from "node:path";
import { expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { echoKeys } from "../../src/store/echo-keys.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { remarkShape } from "../../src/link/remark-similarity.js";
import { projectRoot } from "../support/run-script.js";
import { describeOnEachStore, freshStoresOn, type TestStore } from "../support/test-stores.js";

const [FIRST, SECOND] = ["extraction", "linking"].map((dir) => join(projectRoot, "tests", "fixtures", dir));

it("are the runs of six word stems of a quote, each with its speaker, and none for a shorter quote", () => {
  const words = "we will not raise the harbour fees this winter";
  const keys = echoKeys(7, remarkShape(words));
  expect(keys).toHaveLength(remarkShape(words).stems.length - 5);
  expect(new Set(keys).size).toBe(keys.length);
  // Another speaker's same words are other keys; a run of the words is one of the keys.
  expect(echoKeys(8, remarkShape(words)).some((k) => keys.includes(k))).toBe(false);
  expect(keys).toContain(echoKeys(7, remarkShape("raise the harbour fees this winter"))[0]);
  expect(echoKeys(7, remarkShape("no comment at all"))).toEqual([]);
});

describeOnEachStore("echo keys of an archive stored before they existed", (engine) => {
  const { open, remigrate } = freshStoresOn(engine);
  const rows = <T>(archive: TestStore, sql: string) => (archive.store as SqlStore).sql.reads.all<T>(sql);
  // Which statement each quote is in (both archives number their rows alike).
  const statements = async (archive: TestStore) =>
    (await rows<{ id: number; statementId: number }>(archive, `SELECT id, "statementId" FROM quotes WHERE "statementId" IS NOT NULL ORDER BY id`)).map((q) => `${q.id}:${q.statementId}`);

  it("are filled on its next start, as ingestion writes them, and it links further articles as one that always had them", async () => {
    const always = await open();
    await ingestFiles(always.store, [FIRST, SECOND]);

    const before = await open();
    await ingestFiles(before.store, [FIRST]);
    const written = await rows<{ key: number; quoteId: number }>(before, `SELECT key, "quoteId" FROM quote_echo_keys ORDER BY 1, 2`);
    expect(written.length).toBeGreaterThan(0);
    // As it was before the migration that made the table.
    const writer = (before.store as SqlStore).sql.writer();
    await writer.run(`DROP TABLE quote_echo_keys`);
    await writer.run(`DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_quote_echo_keys'`);
    const again = await remigrate(before);
    expect(await rows(again, `SELECT key, "quoteId" FROM quote_echo_keys ORDER BY 1, 2`)).toEqual(written);

    await ingestFiles(again.store, [SECOND]);
    expect(await statements(again)).toEqual(await statements(always));
  }, 60_000);
});
