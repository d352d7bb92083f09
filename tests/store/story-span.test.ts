import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STORY_MAX_SPAN_DAYS } from "../../src/link/stories.js";
import { articleDraft } from "../support/article-drafts.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

let archive: TestArchive;
beforeEach(async () => {
  archive = await createTestArchive();
});
afterEach(() => archive.close());

const report = (day: number) =>
  articleDraft({
    headline: `Halvorsen presses on with Arctic fisheries quota talks in Tromsø (day ${day})`,
    body: "Fisheries minister Ingrid Halvorsen met fishermen in Tromsø and Bodø about the Arctic cod quota. Halvorsen said the quota talks in Tromsø would go on. Ola Nordmann of the fishermen's union said Bodø would host the next round.",
    outlet: day % 2 ? "Northwind Wire" : "The Harbour Ledger",
    publishedOn: `2025-03-${String(day).padStart(2, "0")}`,
    people: [
      { name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 3 },
      { name: "Ola Nordmann", aliases: [], mentions: 1 },
    ],
  });

describe("stories in the store", () => {
  it("do not chain a month of daily coverage into one story, in whatever order it arrives", async () => {
    const days = Array.from({ length: 15 }, (_, i) => 1 + 2 * i);
    for (const day of [...days].reverse()) await archive.store.saveArticle(report(day));
    const stories = await archive.store.db.prisma.story.findMany();
    expect(stories.length).toBeGreaterThan(1);
    for (const story of stories) {
      const span = (Date.parse(story.lastUpdatedOn!) - Date.parse(story.startedOn!)) / 86_400_000;
      expect(span).toBeLessThanOrEqual(STORY_MAX_SPAN_DAYS);
    }
    expect(stories.reduce((n, s) => n + s.articleCount, 0)).toBe(days.length);
    // Within the bound the reports still join: no story of one report per day.
    expect(Math.max(...stories.map((s) => s.articleCount))).toBeGreaterThanOrEqual(4);
  });
});
