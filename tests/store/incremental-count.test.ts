import { afterEach, describe, expect, it } from "vitest";
import { articleDraft } from "../support/article-drafts.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

let archive: TestArchive;
afterEach(() => archive?.close());

const draft = (i: number, outlet: string, publishedOn: string) =>
  articleDraft({ headline: `Harbour report ${i}`, body: `The harbour master spoke for the ${i}th time.`, outlet, publishedOn });

describe("counting articles", () => {
  it("adds the articles stored since the last count of the same filter to it", async () => {
    archive = await createTestArchive();
    for (let i = 0; i < 3; i++) await archive.store.saveArticle(draft(i, "The Harbour Ledger", `2025-01-0${i + 1}`));
    await archive.store.saveArticle(draft(3, "Northwind Wire", "2025-01-04"));
    const ledger = { outlets: ["the-harbour-ledger"] };
    expect(await archive.store.countArticles(ledger)).toBe(3);
    expect(await archive.store.countArticles({})).toBe(4);

    await archive.store.saveArticle(draft(4, "The Harbour Ledger", "2024-12-31"));
    await archive.store.saveArticle(draft(5, "Northwind Wire", "2025-02-01"));
    expect(await archive.store.countArticles(ledger)).toBe(4);
    expect(await archive.store.countArticles({ ...ledger, publishedAfter: "2025-01-01" })).toBe(3);
    expect(await archive.store.countArticles({})).toBe(6);
  });
});
