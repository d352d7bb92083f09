// The word shapes of stored quotes that statement linking keeps between articles
// (src/store/quote-shapes.ts): a bounded cache of what their texts make.
import { describe, expect, it } from "vitest";
import { remarkShape } from "../../src/link/remark-similarity.js";
import { QuoteShapes, type QuoteText } from "../../src/store/quote-shapes.js";

const TEXTS: Record<number, QuoteText> = Object.fromEntries(
  [1, 2, 3, 4, 5].map((id) => [id, { id, text: `the harbour will open in spring, remark number ${id}` }]),
);

/** Shapes kept up to `capacity`, and the texts (by their last word) it had to shape. */
function keeping(capacity: number) {
  const shaped: string[] = [];
  const shapes = new QuoteShapes(capacity, (text) => (shaped.push(text.split(" ").at(-1)!), remarkShape(text)));
  return { shapes, shaped };
}

describe("the shapes of stored quotes kept between articles", () => {
  it("shapes a quote from its text once, and gives the kept shape after", () => {
    const { shapes, shaped } = keeping(10);
    expect(shapes.shapeOf(TEXTS[1])).toEqual(remarkShape(TEXTS[1].text));
    expect(shapes.shapeOf(TEXTS[1])).toEqual(remarkShape(TEXTS[1].text));
    expect(shaped).toEqual(["1"]);
  });

  it("holds at most its capacity, dropping the least recently used", () => {
    const { shapes, shaped } = keeping(2);
    for (const id of [1, 2, 1, 3]) shapes.shapeOf(TEXTS[id]);
    // 2 was used least recently when 3 came: 1 and 3 are kept.
    for (const id of [1, 3, 2]) shapes.shapeOf(TEXTS[id]);
    expect(shaped).toEqual(["1", "2", "3", "2"]);
  });
});
