import { describe, expect, it } from "vitest";
import { menuRunLength, readTitleLine, withoutSiteName } from "../../src/extract/title-line.js";

describe("readTitleLine", () => {
  it("takes a title line as it stands", () => {
    expect(readTitleLine("Pier to close for repairs after cracks found")).toBe("Pier to close for repairs after cracks found");
    expect(readTitleLine("Who will pay for the pier?")).toBe("Who will pay for the pier?");
  });

  it("takes a title that ends with a full stop, without the full stop", () => {
    expect(readTitleLine("Harbour council moves ferry staff to the north pier.")).toBe("Harbour council moves ferry staff to the north pier");
    expect(readTitleLine("Mayor Vows To Keep Ferry Running All Winter.")).toBe("Mayor Vows To Keep Ferry Running All Winter");
  });

  it("drops a full stop set inside the title's closing quote mark", () => {
    expect(readTitleLine("Ortega: Ferry cuts would be ‘a betrayal.’")).toBe("Ortega: Ferry cuts would be ‘a betrayal’");
  });

  it("drops the semicolon that joined a title to its deck", () => {
    expect(readTitleLine("Ferry riders win a reprieve;")).toBe("Ferry riders win a reprieve");
  });

  it("keeps the full stop of an abbreviation that ends the title", () => {
    expect(readTitleLine("Ferry union takes its case to Washington, D.C.")).toBe("Ferry union takes its case to Washington, D.C.");
  });

  it("does not take a full stop after an abbreviation inside the title for a second sentence", () => {
    expect(readTitleLine("St. Ives votes to keep its harbour ferry.")).toBe("St. Ives votes to keep its harbour ferry");
  });

  it("does not take a lede that opens a page without a title", () => {
    expect(readTitleLine("The harbour authority said on Monday it would close the northern pier.")).toBeNull();
    expect(readTitleLine("Ferry crews walked off the job on Tuesday after talks broke down.")).toBeNull();
    expect(readTitleLine("PORTO – The council voted to keep the ferry running through the winter.")).toBeNull();
    expect(readTitleLine("The pier closed. Repairs start next week.")).toBeNull();
  });

  it("does not take a long sentence for a title", () => {
    const lede = "Harbour officials expect the northern pier to stay closed well into the summer while engineers survey the cracked pillars and the ferry company looks for a temporary berth.";
    expect(readTitleLine(lede)).toBeNull();
  });
});

describe("menuRunLength", () => {
  it("counts the menu items above a title line", () => {
    expect(menuRunLength(["Home", "News", "Local", "Pier to close for repairs after cracks found", "The authority said so."])).toBe(3);
  });

  it("finds no menu when the page starts with its title", () => {
    expect(menuRunLength(["Pier to close", "Cracks were found in two pillars. Boats will move south"])).toBe(0);
    expect(menuRunLength(["Pier to close for repairs after cracks found", "The authority said so."])).toBe(0);
  });

  it("finds no menu when no title line follows the short lines", () => {
    expect(menuRunLength(["Monthly", "Annual", "The authority said on Monday it would close the pier."])).toBe(0);
  });
});

describe("withoutSiteName", () => {
  it("drops the outlet's name set after the title", () => {
    expect(withoutSiteName("Pier to close for repairs | The Harbour Ledger", "The Harbour Ledger")).toBe("Pier to close for repairs");
    expect(withoutSiteName("Pier to close for repairs - Harbour Ledger", "The Harbour Ledger")).toBe("Pier to close for repairs");
  });

  it("keeps a title whose last words after a dash are its own", () => {
    expect(withoutSiteName("The Pier review – a quiet history", "The Harbour Ledger")).toBe("The Pier review – a quiet history");
    expect(withoutSiteName("Pier to close | The Harbour Ledger", null)).toBe("Pier to close | The Harbour Ledger");
  });
});
