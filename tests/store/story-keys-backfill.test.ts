import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fillMissingStoryKeys } from "../../src/store/story-keys.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

let archive: TestArchive;
beforeEach(async () => {
  archive = await createTestArchive();
});
afterEach(() => archive.close());

const keys = () => archive.store.sql.reads.all<{ key: string; publishedOn: string; articleId: number }>(`SELECT * FROM story_keys ORDER BY 1, 2, 3`);

describe("story keys of an archive written before they existed", () => {
  it("are computed from the stored features (as migrating to story_keys does), the same as ingestion writes them", async () => {
    for (const draft of SMALL_ARCHIVE) await archive.store.saveArticle(draft);
    const written = await keys();
    expect(written.length).toBeGreaterThan(0);
    await archive.store.db.writer().run(`DELETE FROM story_keys`);

    expect(fillMissingStoryKeys(archive.path)).toBe(SMALL_ARCHIVE.filter((d) => d.publishedOn).length);
    expect(await keys()).toEqual(written);
    // Once there, never again.
    expect(fillMissingStoryKeys(archive.path)).toBe(0);
  });
});
