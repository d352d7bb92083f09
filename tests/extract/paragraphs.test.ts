import { describe, expect, it } from "vitest";
import { splitBlocks } from "../../src/extract/paragraphs.js";

describe("splitBlocks", () => {
  it("treats each line as a block when paragraphs are one per line", () => {
    expect(splitBlocks("Headline\nFirst paragraph.\nSecond paragraph.")).toEqual(["Headline", "First paragraph.", "Second paragraph."]);
  });

  it("splits on blank lines", () => {
    expect(splitBlocks("Headline\n\nFirst paragraph.\n\nSecond.")).toEqual(["Headline", "First paragraph.", "Second."]);
  });

  it("rejoins a paragraph broken where a link was", () => {
    expect(splitBlocks("The mayor, speaking after\n\nthe council vote\n\non Tuesday, said no.")).toEqual(["The mayor, speaking after the council vote on Tuesday, said no."]);
  });

  it("joins the lines of hard-wrapped prose", () => {
    const wrapped = [
      "The harbour authority said on Monday that the",
      "northern pier would close for repairs after",
      "inspectors found cracks in two of its pillars.",
      "",
      "Fishing boats will use the southern quay",
      "until the work is finished, probably in",
      "the spring, a spokesperson added today.",
    ].join("\n");
    expect(splitBlocks(wrapped)).toHaveLength(2);
  });
});
