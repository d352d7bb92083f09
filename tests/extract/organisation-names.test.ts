import { describe, expect, it } from "vitest";
import { findOrganisationMentions } from "../../src/extract/organisation-names.js";
import { analyseParagraph } from "../../src/extract/text-analysis.js";

const names = (text: string) => {
  const para = analyseParagraph(text);
  return findOrganisationMentions(para, para.tokens.map(() => false)).map((o) => [o.name, o.evidence]);
};

describe("findOrganisationMentions", () => {
  it("finds bodies by their last word, acronyms and names after the article", () => {
    expect(names("The Coastal Fisheries Inspectorate said so, and HRTA agreed, as did the Harbour Ledger.")).toEqual([
      ["Coastal Fisheries Inspectorate", "body"],
      ["HRTA", "acronym"],
      ["Harbour Ledger", "definite"],
    ]);
  });

  it("finds a body whose name holds a word that can name a role, but no title of a person", () => {
    expect(names("The International Maritime Agency said so, and the Global Investor Forum agreed.")).toEqual([
      ["International Maritime Agency", "body"],
      ["Global Investor Forum", "body"],
    ]);
    expect(names("The Head of State said so, and the Secretary of State agreed with the CEO.")).toEqual([]);
  });

  it("takes no quantifier that opens a sentence for a body's name (\"Several said\", \"Many Harbour Workers\")", () => {
    expect(names("Several said no. Many Harbour Workers agreed, as did the Harbour Ledger.")).toEqual([
      ["Harbour Workers", "body"],
      ["Harbour Ledger", "definite"],
    ]);
  });

  it("keeps a capitalised The inside a name but not at a sentence's start", () => {
    expect(names("It was first reported by The Harbour Ledger.")).toEqual([["The Harbour Ledger", "definite"]]);
  });

  it("keeps the The of a newspaper's or a magazine's name also at a sentence's start", () => {
    expect(names("The Harbour Times reports that the pier will close.")).toEqual([["The Harbour Times", "body"]]);
    expect(names("The Coastal Fisheries Inspectorate agreed.")).toEqual([["Coastal Fisheries Inspectorate", "body"]]);
  });

  it("does not take people described, honorifics or Roman numerals for organisations", () => {
    expect(names("The Egyptian spoke after Dr. Lake and Tom Hale III.")).toEqual([]);
  });
});
