import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/pipeline.js";
import { analyseParagraph } from "../../src/extract/text-analysis.js";

describe("analyseParagraph", () => {
  it("keeps words with letters outside ASCII whole, at their offsets in the original text", () => {
    const text = "Dr Ilze Rozentāle met Łukasz Żółkiewski in Kraków.";
    const { tokens } = analyseParagraph(text);
    const words = tokens.map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(["Rozentāle", "Łukasz", "Żółkiewski", "Kraków"]));
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("goes on with a sentence past a party and state in brackets (\"(D-N.Y.)\")", () => {
    const { sentences } = analyseParagraph("Rep. Iker Salas (D-N.Y.) welcomed the vote, saying: “The pier must close.”");
    expect(sentences).toHaveLength(1);
  });

  it("keeps an abbreviated title's full stop with its word, and the sentence going on past it", () => {
    const { tokens, sentences } = analyseParagraph("“The roof leaks,” said Rev. Iker Salas, a pastor in Leith.");
    expect(tokens.map((t) => t.text)).toContain("Rev.");
    expect(sentences).toHaveLength(1);
  });
});

describe("names with diacritics through the pipeline", () => {
  it("finds a speaker whose name has letters outside ASCII, and attributes her quote", () => {
    const text = `Glaciologist warns on ice\n\nRIGA – Dr Ilze Rozentāle, a glaciologist, said the ice was thinning.\n\n"We have never seen this," Rozentāle said.\n\nŁukasz Żółkiewski, a Polish minister, said: "We will act."`;
    const result = extractArticle({ file: "x.txt", bytes: new TextEncoder().encode(text) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.people.map((p) => p.name)).toEqual(["Ilze Rozentāle", "Łukasz Żółkiewski"]);
    expect(result.draft.quotes.map((q) => q.speaker)).toEqual(["Ilze Rozentāle", "Łukasz Żółkiewski"]);
  });
});
