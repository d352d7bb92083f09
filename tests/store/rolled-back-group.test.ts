// A group of files rolled back whole (SQLite commits files in groups; a full disk rolls the
// open group back) takes its rows' ids with it, and the next files are given them again.
// (PostgreSQL commits each file as it ends, and never gives an id twice.)
// Whatever linking kept of the rolled-back rows must go too: a quote given a rolled-back
// quote's id is compared by its own words, not by those of the quote that had the id before.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleDraft } from "../../src/extract/types.js";
import { articleDraft } from "../support/article-drafts.js";
import { createStoreOn, type TestStore } from "../support/test-stores.js";

const MINISTER = { name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 1 };
const HARBOUR = "the harbour will open to every ship before the winter storms come";
const FARES = "ferry fares are going to rise for every island route next year";

describe("linking after a rolled-back group of files (SQLite)", () => {
  let archive: TestStore;
  beforeEach(async () => {
    archive = await createStoreOn("sqlite");
  });
  afterEach(async () => archive.close());

  let n = 0;
  const report = (remark: string): ArticleDraft =>
    articleDraft({
      headline: `Minister speaks, report ${++n}`,
      body: `Ingrid Halvorsen said "${remark}." Report ${n}.`,
      publishedOn: "2025-06-02",
      people: [MINISTER],
      quotes: [{ text: `${remark}.`, speaker: MINISTER.name, position: 20 }],
    });

  it("compares a new quote with what stored quotes say now, not with what a rolled-back quote of the same id said", async () => {
    const group = { size: 100, ms: 60_000 };
    await expect(
      archive.store.inBatches(group, async () => {
        await archive.store.saveArticle(report(HARBOUR));
        // Linked to the one before: its words were read, and kept.
        await archive.store.saveArticle(report(HARBOUR));
        throw new Error("the disk is full");
      }),
    ).rejects.toThrow("the disk is full");
    await archive.store.inBatches(group, async () => {
      await archive.store.saveArticle(report(FARES));
      await archive.store.saveArticle(report(HARBOUR));
    });
    const statements = await archive.store.findStatements({}, "FIRST_REPORTED_DESC", { first: 10 });
    expect(statements.rows.map((s) => s.reportCount).sort()).toEqual([1, 1]);
  });
});
