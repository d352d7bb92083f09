import { describe, expect, it } from "vitest";
import { findQuoteSpans } from "../../src/extract/quote-spans.js";
import { growthRatio } from "../support/growth-ratio.js";

const texts = (paragraphs: string[]) => findQuoteSpans(paragraphs).map((s) => s.text);

describe("findQuoteSpans", () => {
  it("finds curly and straight double quotations", () => {
    expect(texts(["“Curly words,” she said, and \"straight words\" followed."])).toEqual(["Curly words,", "straight words"]);
  });

  it("finds single-quoted quotations but not apostrophes", () => {
    expect(texts(["It’s the mayor’s plan, which she called ‘a fresh start’ on Friday."])).toEqual(["a fresh start"]);
    expect(texts(["Rovers boss 'furious' after Costa's exit"])).toEqual(["furious"]);
  });

  it("keeps a nested quotation inside the outer one", () => {
    expect(texts(["“She asked me, ‘Why now?’ and I had no answer,” he said."])).toEqual(["She asked me, ‘Why now?’ and I had no answer,"]);
  });

  it("keeps a curly quotation inside a straight one, but closes a straight opening with a lone curly mark", () => {
    expect(texts(['"He thinks this is an episode of “Harbour Wars.” But this is serious," Vale said.'])).toEqual(["He thinks this is an episode of “Harbour Wars.” But this is serious,"]);
    expect(texts(['"Never underestimate him,” Vale said. "No one should."'])).toEqual(["Never underestimate him,", "No one should."]);
  });

  it("gives a remark over several paragraphs one quote per paragraph", () => {
    const spans = findQuoteSpans(["“The first part runs on.", "“And the second ends here,” she said."]);
    expect(spans.map((s) => [s.text, s.continues, s.continued])).toEqual([
      ["The first part runs on.", true, false],
      ["And the second ends here,", false, true],
    ]);
  });

  it("reads two apostrophes, as some papers print quotes, as double marks", () => {
    // normaliseText turns every '' into ”, so the opening pair arrives as a closing mark.
    expect(texts(["”We will see,” said Lena Moor, and Mr. Moor added, ”not yet.”"])).toEqual(["We will see,", "not yet."]);
  });

  it("closes a quote with a stray opening mark after its last word", () => {
    expect(texts(["“It is done,” he said. “Now we wait. “"])).toEqual(["It is done,", "Now we wait."]);
  });

  it("continues a remark into a paragraph that opens with a closing-shaped mark", () => {
    const spans = findQuoteSpans(["”The first part runs on.", "”And it ends here,” she said."]);
    expect(spans.map((s) => [s.text, s.continues, s.continued])).toEqual([
      ["The first part runs on.", true, false],
      ["And it ends here,", false, true],
    ]);
  });

  it("ignores a stray mark in the middle of a paragraph", () => {
    expect(texts(["The 12\" pipe burst, officials said."])).toEqual([]);
  });

  it("records the opening mark's offset", () => {
    expect(findQuoteSpans(["He said “yes”."])[0]).toMatchObject({ open: 8, close: 12 });
  });

  it("stays linear on a paragraph of quotation marks", () => {
    expect(growthRatio((n) => ['"a '.repeat(37_500 * n), "'b ".repeat(37_500 * n)], findQuoteSpans, { settledBelow: 12 })).toBeLessThan(24);
  });
});
