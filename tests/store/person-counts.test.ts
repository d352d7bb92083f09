// A person's counts (articles naming them, mentions, quotes) are kept on their row by ingest,
// so a person's page and the rankings read one row instead of counting tens of thousands.
// They must stay what counting the rows gives, on both stores, and an archive stored before
// the counts existed gets them on its next start.
import { join } from "node:path";
import { expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { projectRoot } from "../support/run-script.js";
import { describeOnEachStore, freshStoresOn } from "../support/test-stores.js";

const [FIRST, SECOND] = ["extraction", "linking"].map((dir) => join(projectRoot, "tests", "fixtures", dir));

describeOnEachStore("a person's kept counts", (engine) => {
  const { open, remigrate } = freshStoresOn(engine);
  type Counts = { id: number; articleCount: number; mentionCount: number; quoteCount: number };
  // PostgreSQL hands a count (bigint) over as text.
  const rows = async (store: unknown, sql: string): Promise<Counts[]> =>
    (await (store as SqlStore).sql.reads.all<Record<keyof Counts, unknown>>(sql)).map((r) => ({
      id: Number(r.id),
      articleCount: Number(r.articleCount),
      mentionCount: Number(r.mentionCount),
      quoteCount: Number(r.quoteCount),
    }));
  const kept = (store: unknown) => rows(store, `SELECT id, "articleCount", "mentionCount", "quoteCount" FROM people ORDER BY id`);
  // The same, counted from the rows.
  const counted = (store: unknown) =>
    rows(
      store,
      `SELECT p.id,
         (SELECT count(*) FROM mentions WHERE "personId" = p.id) AS "articleCount",
         (SELECT coalesce(sum(count), 0) FROM mentions WHERE "personId" = p.id) AS "mentionCount",
         (SELECT count(*) FROM quotes WHERE "speakerId" = p.id) AS "quoteCount"
       FROM people p ORDER BY p.id`,
    );

  it("are what counting the person's mentions and quotes gives, article after article", async () => {
    const archive = await open();
    await ingestFiles(archive.store, [FIRST]);
    const first = await kept(archive.store);
    expect(first.some((p) => p.quoteCount > 0 && p.articleCount > 0 && p.mentionCount >= p.articleCount)).toBe(true);
    expect(first).toEqual(await counted(archive.store));
    await ingestFiles(archive.store, [SECOND]);
    expect(await kept(archive.store)).toEqual(await counted(archive.store));
    // And the API reads them: the most quoted person's page.
    const [top] = (await kept(archive.store)).sort((a, b) => b.quoteCount - a.quoteCount);
    expect((await archive.store.quoteCountsOfPeople([top.id])).get(top.id)).toBe(top.quoteCount);
    expect((await archive.store.articleCountsOfPeople([top.id])).get(top.id)).toBe(top.articleCount);
  }, 60_000);

  it("of an archive stored before they existed are counted on its next start, and kept from then on", async () => {
    const archive = await open();
    await ingestFiles(archive.store, [FIRST]);
    // As it was before the migration that made the columns.
    const writer = (archive.store as SqlStore).sql.writer();
    for (const column of ["articleCount", "mentionCount", "quoteCount"]) await writer.run(`ALTER TABLE people DROP COLUMN "${column}"`);
    await writer.run(`DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_person_counts'`);
    const again = await remigrate(archive);
    const filled = await kept(again.store);
    expect(filled.some((p) => p.quoteCount > 0)).toBe(true);
    expect(filled).toEqual(await counted(again.store));
    await ingestFiles(again.store, [SECOND]);
    expect(await kept(again.store)).toEqual(await counted(again.store));
  }, 60_000);
});
