// A story's statements are those its articles' quotes are in. Each quote keeps its article's
// story (quotes."storyId"), so the story's statements are read from the quotes alone: the
// column must follow the article into whatever story it ends up in, also when a later article
// merges two stories, and an archive stored before the column existed gets it on its next start.
import { afterEach, beforeEach, expect, it } from "vitest";
import { storyReport as report } from "../support/article-drafts.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { createStoreOn, describeOnEachStore, freshStoresOn, type TestStore } from "../support/test-stores.js";

const rows = <T>(archive: TestStore, sql: string) => (archive.store as SqlStore).sql.reads.all<T>(sql);

// Each story's statements as the API reads them, and as the quotes of its articles say they are.
async function storyStatements(archive: TestStore) {
  const stories = await rows<{ id: number }>(archive, `SELECT id FROM stories ORDER BY id`);
  const counts = await archive.store.statementCountsOfStories(stories.map((s) => s.id));
  const read = new Map<number, number[]>();
  for (const { id } of stories) {
    const page = await archive.store.findStatements({ storyIds: [id] }, "MOST_OUTLETS", { first: 100 });
    expect(page.rows.length, `story ${id}'s count`).toBe(counts.get(id));
    read.set(id, page.rows.map((s) => s.id));
  }
  const byArticles = await rows<{ storyId: number; statementId: number }>(
    archive,
    `SELECT DISTINCT a."storyId" AS "storyId", q."statementId" AS "statementId" FROM quotes q JOIN articles a ON a.id = q."articleId" WHERE q."statementId" IS NOT NULL`,
  );
  const expected = new Map<number, number[]>(stories.map((s) => [s.id, []]));
  for (const r of byArticles) expected.get(Number(r.storyId))!.push(Number(r.statementId));
  const sorted = (m: Map<number, number[]>) => [...m].map(([id, members]) => [id, [...members].map(Number).sort((a, b) => a - b)]);
  return { read: sorted(read), expected: sorted(expected) };
}

describeOnEachStore("a story's statements, title and count", (engine) => {
  let archive: TestStore;
  beforeEach(async () => {
    archive = await createStoreOn(engine);
  });
  afterEach(() => archive.close());

  it("are its articles' quotes' statements, also once an article between two stories has merged them", async () => {
    // Days 1 and 6 are too far apart to be one story; day 3 is near both and joins them.
    await archive.store.saveArticle(report(1));
    await archive.store.saveArticle(report(6));
    expect(await rows(archive, `SELECT id FROM stories`)).toHaveLength(2);
    await archive.store.saveArticle(report(3));
    const [story] = await rows<{ id: number; articleCount: number }>(archive, `SELECT id, "articleCount" FROM stories`);
    expect(story.articleCount).toBe(3);

    const { read, expected } = await storyStatements(archive);
    expect(read).toEqual(expected);
    expect(read).toEqual([[Number(story.id), expect.any(Array)]]);
    expect((read[0][1] as number[]).length).toBe(3);
  });

  it("come with a title, its first day's first headline, and a count of its reports, whatever order they arrive in", async () => {
    const story = async () => (await rows<{ title: string; articleCount: number }>(archive, `SELECT title, "articleCount" FROM stories`)).map((s) => [s.title, Number(s.articleCount)]);
    await archive.store.saveArticle(report(6, "Quota talks: Bodø to host the next round"));
    expect(await story()).toEqual([["Quota talks: Bodø to host the next round", 1]]);
    await archive.store.saveArticle(report(3, "Tromsø talks on the cod quota go on"));
    expect(await story()).toEqual([["Tromsø talks on the cod quota go on", 2]]);
    // An earlier day; then the same day, a headline first in headline order: it titles the story.
    await archive.store.saveArticle(report(1, "Halvorsen opens Arctic quota talks in Tromsø"));
    await archive.store.saveArticle(report(1, "Arctic quota talks open in Tromsø", " Talks began at noon."));
    await archive.store.saveArticle(report(1, "Talks on the Arctic quota open", " Fishermen waited outside."));
    await archive.store.saveArticle(report(6, "Zanzibar is not in this story", " Bodø was sunny."));
    expect(await story()).toEqual([["Arctic quota talks open in Tromsø", 6]]);
  });
});

describeOnEachStore("the story of each quote in an archive stored before quotes kept it", (engine) => {
  const { open, remigrate } = freshStoresOn(engine);

  it("is filled on its next start, from the quote's article", async () => {
    const before = await open();
    for (const day of [1, 6, 3, 20]) await before.store.saveArticle(report(day));
    const kept = await rows<{ id: number; storyId: number }>(before, `SELECT id, "storyId" FROM quotes ORDER BY id`);
    expect(new Set(kept.map((q) => q.storyId)).size).toBe(2);
    // As it was before the migration that added the column.
    const writer = (before.store as SqlStore).sql.writer();
    await writer.run(`DROP INDEX "quotes_storyId_statementId_idx"`);
    await writer.run(`ALTER TABLE quotes DROP COLUMN "storyId"`);
    await writer.run(`DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_quote_story_ids'`);
    const again = await remigrate(before);
    expect(await rows(again, `SELECT id, "storyId" FROM quotes ORDER BY id`)).toEqual(kept);
    const { read, expected } = await storyStatements(again);
    expect(read).toEqual(expected);
  }, 60_000);
});
