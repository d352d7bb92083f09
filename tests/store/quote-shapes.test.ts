// The word shapes of stored quotes that statement linking keeps between articles
// (src/store/quote-shapes.ts): a bounded cache, read through for what it lacks.
import { describe, expect, it } from "vitest";
import { remarkShape } from "../../src/link/remark-similarity.js";
import { QuoteShapes, type QuoteText } from "../../src/store/quote-shapes.js";

const TEXTS: Record<number, QuoteText> = Object.fromEntries(
  [1, 2, 3, 4, 5].map((id) => [id, { id, text: `the harbour will open in spring, remark number ${id}` }]),
);

/** A reader of quote texts that records which ids it was asked for. */
function reader() {
  const asked: number[][] = [];
  return {
    asked,
    read: async (ids: number[]) => {
      asked.push(ids);
      return ids.map((id) => TEXTS[id]);
    },
  };
}

describe("the shapes of stored quotes kept between articles", () => {
  it("reads only the quotes it does not keep, and shapes each from its text", async () => {
    const shapes = new QuoteShapes(10);
    const first = reader();
    const shapeOf = await shapes.forArticle([1, 2], first.read);
    expect(shapeOf(1)).toEqual(remarkShape(TEXTS[1].text));
    expect(shapeOf(2)).toEqual(remarkShape(TEXTS[2].text));
    const second = reader();
    const again = await shapes.forArticle([1, 2, 3], second.read);
    expect(second.asked).toEqual([[3]]);
    expect(again(1)).toEqual(remarkShape(TEXTS[1].text));
    expect(again(3)).toEqual(remarkShape(TEXTS[3].text));
  });

  it("keeps a shape it held when an article began until the article is done, even once pushed out", async () => {
    const shapes = new QuoteShapes(2);
    const warm = await shapes.forArticle([1, 2], reader().read);
    warm(1);
    warm(2);
    // 1 and 2 are kept; 3 and 4 are new, and shaping them pushes 1 and 2 out of the cache
    // before they are asked for.
    const shapeOf = await shapes.forArticle([1, 2, 3, 4], reader().read);
    expect(shapeOf(3)).toEqual(remarkShape(TEXTS[3].text));
    expect(shapeOf(4)).toEqual(remarkShape(TEXTS[4].text));
    expect(shapeOf(1)).toEqual(remarkShape(TEXTS[1].text));
    expect(shapeOf(2)).toEqual(remarkShape(TEXTS[2].text));
  });

  it("holds at most its capacity, dropping the least recently used", async () => {
    const shapes = new QuoteShapes(2);
    const shapeOf = await shapes.forArticle([1, 2, 3], reader().read);
    shapeOf(1);
    shapeOf(2);
    shapeOf(1);
    shapeOf(3);
    const later = reader();
    await shapes.forArticle([1, 2, 3], later.read);
    expect(later.asked).toEqual([[2]]);
  });

  it("says which quote it was asked for that was not read", async () => {
    const shapeOf = await new QuoteShapes(2).forArticle([1], async () => []);
    expect(() => shapeOf(1)).toThrow(/quote 1 is not among the candidates read for this article/);
  });
});
