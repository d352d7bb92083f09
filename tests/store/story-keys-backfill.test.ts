// An archive whose story_keys is empty while it holds dated articles (written before the
// table, or emptied by a migration that changed what the keys are) gets every article's
// keys again from its stored features on its next start: without them no stored article
// would be a story candidate, and each new report would open a story of its own.
import { describe, expect, it } from "vitest";
import { fillMissingStoryKeys } from "../../src/store/story-keys.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { SMALL_ARCHIVE, articleDraft } from "../support/article-drafts.js";
import { createTestArchive } from "../support/test-archive.js";
import { describeOnEachStore, freshStoresOn, type TestStore } from "../support/test-stores.js";

const sql = (archive: TestStore) => (archive.store as SqlStore).sql;
const count = async (archive: TestStore, query: string) => Number((await sql(archive).reads.all<{ n: number | string }>(query))[0].n);
const keys = (archive: TestStore) => sql(archive).reads.all<{ key: string; publishedOn: string; articleId: number }>(`SELECT * FROM story_keys ORDER BY 1, 2, 3`);

describeOnEachStore("story keys of an archive stored with other keys", (engine) => {
  const { open, remigrate } = freshStoresOn(engine);

  it("are computed again from the stored features on its next start, as ingestion writes them", async () => {
    const before = await open();
    for (const draft of SMALL_ARCHIVE) await before.store.saveArticle(draft);
    const written = await keys(before);
    expect(written.length).toBeGreaterThan(0);
    // As an archive stored before people's keys carried their given names: the surname alone.
    const writer = sql(before).writer();
    const surnameKeys = new Map(
      written.map((k) => {
        const key = k.key.replace(/^(person:[^:=]*):.*$/, "$1");
        return [`${key} ${k.publishedOn} ${k.articleId}`, [key, k.publishedOn, k.articleId] as const];
      }),
    );
    await writer.run(`DELETE FROM story_keys`);
    for (const row of surnameKeys.values()) await writer.run(`INSERT INTO story_keys (key, "publishedOn", "articleId") VALUES (?, ?, ?)`, ...row);
    expect(await keys(before)).not.toEqual(written);
    await writer.run(`DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_story_keys_by_given_name'`);

    const again = await remigrate(before);
    expect(await keys(again)).toEqual(written);
    expect(await count(again, `SELECT count(*) AS n FROM articles`)).toBe(SMALL_ARCHIVE.length);
  }, 60_000);

  it("let the next report of a stored story join it", async () => {
    const before = await open();
    const report = (day: number) =>
      articleDraft({
        headline: `Halvorsen presses on with Arctic cod quota talks in Tromsø (day ${day})`,
        body: `Fisheries minister Ingrid Halvorsen met fishermen in Tromsø and Bodø about the Arctic cod quota on day ${day}. Halvorsen said the quota talks in Tromsø would go on. Ola Nordmann of the fishermen's union said Bodø would host the next round of quota talks.`,
        outlet: "Northwind Wire",
        publishedOn: `2025-03-0${day}`,
        people: [{ name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 3 }, { name: "Ola Nordmann", aliases: [], mentions: 1 }],
      });
    await before.store.saveArticle(report(1));
    await sql(before).writer().run(`DELETE FROM story_keys`);
    const again = await remigrate(before);
    await again.store.saveArticle(report(2));
    expect(await count(again, `SELECT count(DISTINCT "storyId") AS n FROM articles`)).toBe(1);
  }, 60_000);
});

describe("story keys on SQLite", () => {
  it("are filled when missing, and not again once there", async () => {
    const archive = await createTestArchive();
    try {
      for (const draft of SMALL_ARCHIVE) await archive.store.saveArticle(draft);
      await archive.store.db.writer().run(`DELETE FROM story_keys`);
      expect(fillMissingStoryKeys(archive.path)).toBe(SMALL_ARCHIVE.filter((d) => d.publishedOn).length);
      expect(fillMissingStoryKeys(archive.path)).toBe(0);
    } finally {
      await archive.close();
    }
  });
});
