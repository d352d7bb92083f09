import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/extract/normalise-text.js";
import { growthRatio } from "../support/growth-ratio.js";

describe("normaliseText", () => {
  it("unifies line endings and collapses runs of spaces and blank lines", () => {
    expect(normaliseText("One\r\ntwo  \u00a0 words\r\n\r\n\r\n\r\nThree")).toBe("One\ntwo words\n\nThree");
  });

  it("removes invisible characters such as zero-width spaces and soft hyphens", () => {
    expect(normaliseText("Zero\u200bwidth and soft\u00adhyphen")).toBe("Zerowidth and softhyphen");
  });

  it("keeps curly and straight quotation marks as they are", () => {
    expect(normaliseText("“Curly,” she said. \"Straight,\" he said. It’s ‘single’ and 'plain'.")).toBe(
      "“Curly,” she said. \"Straight,\" he said. It’s ‘single’ and 'plain'.",
    );
  });

  it("maps guillemets and low-9 marks to curly double quotes", () => {
    expect(normaliseText("« Oui » and „Ja” and ``TeX''")).toBe("“Oui” and “Ja” and “TeX”");
  });

  it("stays linear on a very long run of spaces", () => {
    expect(growthRatio((n) => `a${" ".repeat(125_000 * n)}»`, normaliseText, { settledBelow: 12 })).toBeLessThan(24);
  });
});
