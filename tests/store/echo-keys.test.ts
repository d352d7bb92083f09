// Verbatim echoes are found by echo keys (src/store/echo-keys.ts): a quote's runs of words,
// hashed with its speaker. An archive stored before the keys existed gets them on its next
// start, the same keys ingestion writes, and goes on linking as if it had always had them.
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { echoKeys, winnow } from "../../src/store/echo-keys.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { isVerbatimEcho, remarkShape } from "../../src/link/remark-similarity.js";
import { projectRoot } from "../support/run-script.js";
import { articleDraft } from "../support/article-drafts.js";
import { createStoreOn, describeOnEachStore, freshStoresOn, type TestStore } from "../support/test-stores.js";

const [FIRST, SECOND] = ["extraction", "linking"].map((dir) => join(projectRoot, "tests", "fixtures", dir));

it("are the lowest of every three consecutive runs' keys of a quote, each with its speaker, and none for a quote too short to echo", () => {
  const words = "we will not raise the harbour fees this winter or the next";
  const runs = remarkShape(words).stems.length - 5;
  const stored = echoKeys(7, remarkShape(words));
  expect(new Set(stored).size).toBe(stored.length);
  // A key in every window of three runs (one key is in three windows at most), fewer than the runs.
  expect(stored.length).toBeGreaterThanOrEqual(Math.ceil((runs - 2) / 3));
  expect(stored.length).toBeLessThan(runs);
  // Another speaker's same words are other keys.
  expect(echoKeys(8, remarkShape(words)).some((k) => stored.includes(k))).toBe(false);
  // Seven words: shorter than a window of runs.
  expect(echoKeys(7, remarkShape("we will not raise the harbour fees"))).toEqual([]);
});

it("keep, of each window, the lowest key, the last of equal ones", () => {
  expect(winnow([5, 3, 9, 3, 7, 8, 1], 3)).toEqual([3, 1]);
  expect(winnow([4, 4, 4, 4], 3)).toEqual([4]);
  expect(winnow([9, 8], 3)).toEqual([]);
});

it("are shared by every two quotes one of which is a verbatim echo of the other", () => {
  const shape = (text: string) => remarkShape(text);
  const shares = (one: string, other: string) => {
    const keys = echoKeys(7, shape(one));
    return echoKeys(7, shape(other)).some((key) => keys.includes(key));
  };
  const whole = "we will not raise the harbour fees this winter or the next whatever the shipowners and their lawyers say in court";
  const words = whole.split(" ");
  let pairs = 0;
  for (let from = 0; from < words.length; from++)
    for (let to = from + 1; to <= words.length; to++) {
      const part = words.slice(from, to).join(" ");
      if (!isVerbatimEcho(shape(part), shape(whole))) continue;
      pairs++;
      expect(shares(part, whole), part).toBe(true);
    }
  expect(pairs).toBeGreaterThan(100);
  // Seven words are a fragment, not a verbatim echo at a distance.
  expect(isVerbatimEcho(shape("raise the harbour fees this winter or"), shape(whole))).toBe(false);
  // A run of words in the middle of both, neither inside the other: no echo.
  expect(isVerbatimEcho(shape("first of all we will not raise the harbour fees"), shape("it is true that we will not raise the harbour fees this winter"))).toBe(false);
});

describeOnEachStore("verbatim echoes found by their keys", (engine) => {
  let archive: TestStore;
  beforeEach(async () => {
    archive = await createStoreOn(engine);
  });
  afterEach(() => archive.close());

  const speaker = { name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 2 };
  const save = (publishedOn: string, text: string) =>
    archive.store.saveArticle(articleDraft({ headline: `Halvorsen on ${publishedOn}`, body: `Halvorsen said "${text}"`, publishedOn, people: [speaker], quotes: [{ text, speaker: speaker.name, position: 15 }] }));

  // The statement of each quote stored so far, by date, each told as whether it is the first quote's.
  const sameAsFirst = async () => {
    const rows = await (archive.store as SqlStore).sql.reads.all<{ statementId: number }>(`SELECT "statementId" FROM quotes ORDER BY "publishedOn"`);
    return rows.map((q) => q.statementId === rows[0].statementId);
  };

  it("joins a fragment re-quoted months later to the fuller quote, and a fuller one to the fragment's statement, and leaves a quote sharing only a run apart", async () => {
    const full = "We will not raise the harbour fees this winter or the next, whatever the shipowners say.";
    await save("2025-01-10", full);
    await save("2025-04-10", "raise the harbour fees this winter or the next");
    expect(await sameAsFirst()).toEqual([true, true]);
    await save("2025-07-10", `It is simple. ${full} That is final.`);
    expect(await sameAsFirst()).toEqual([true, true, true]);
    await save("2025-10-10", "First of all, we will not raise the harbour fees for fishermen.");
    expect(await sameAsFirst()).toEqual([true, true, true, false]);
  });

  it("joins a fuller quote months later to a fragment stored alone", async () => {
    await save("2025-01-10", "raise the harbour fees this winter or the next");
    await save("2025-06-10", "We will not raise the harbour fees this winter or the next, whatever the shipowners say.");
    expect(await sameAsFirst()).toEqual([true, true]);
  });
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

  it("are written again, winnowed, on the next start of an archive keyed by every run", async () => {
    const archive = await open();
    await ingestFiles(archive.store, [FIRST]);
    const keys = () => rows<{ key: number; quoteId: number }>(archive, `SELECT key, "quoteId" FROM quote_echo_keys ORDER BY 1, 2`);
    const written = await keys();
    // As they were before the migration that winnows them: more keys a quote, some of them others.
    const writer = (archive.store as SqlStore).sql.writer();
    await writer.run(`INSERT INTO quote_echo_keys (key, "quoteId", "publishedOn") SELECT key + 1, "quoteId", "publishedOn" FROM quote_echo_keys`);
    await writer.run(`DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_echo_keys_winnowed'`);
    expect(await keys()).not.toEqual(written);
    const again = await remigrate(archive);
    expect(await rows(again, `SELECT key, "quoteId" FROM quote_echo_keys ORDER BY 1, 2`)).toEqual(written);
  }, 60_000);

  it("are written on the next start after one stopped before writing them", async () => {
    const archive = await open();
    await ingestFiles(archive.store, [FIRST]);
    const written = await rows<{ key: number; quoteId: number }>(archive, `SELECT key, "quoteId" FROM quote_echo_keys ORDER BY 1, 2`);
    // The migration that emptied them recorded, the keys not yet written again.
    await (archive.store as SqlStore).sql.writer().run(`DELETE FROM quote_echo_keys`);
    const again = await remigrate(archive);
    expect(await rows(again, `SELECT key, "quoteId" FROM quote_echo_keys ORDER BY 1, 2`)).toEqual(written);
  }, 60_000);
});
