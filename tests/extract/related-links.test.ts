import { describe, expect, it } from "vitest";
import { isLinkTitle, opensLinkList } from "../../src/extract/related-links.js";

describe("opensLinkList", () => {
  it("opens a list at a label set on its own line", () => {
    for (const label of ["Read more", "Read more:", "Related stories", "More on this story", "See also:"]) expect(opensLinkList(label), label).toBe(true);
  });

  it("opens a list at a label followed by the first linked headline", () => {
    expect(opensLinkList("Related: Ferry fares to rise in May")).toBe(true);
  });

  it("opens a list at the labels outlets print, set off by a colon, a bar or a dash", () => {
    for (const line of ["SEE ALSO: Harbour tolls frozen for a second year", "ALSO READ | Port plans shore power for ferries", "RELATED STORY: Ferry fares to rise in May.", "Previous coverage: Pier closes after cracks found", "Related Video — Ferry crews rescue kayakers"]) {
      expect(opensLinkList(line), line).toBe(true);
    }
  });

  it("does not take a sentence that starts with the same words", () => {
    expect(opensLinkList("Read more about the timetable on the council's site.")).toBe(false);
    expect(opensLinkList("Related costs rose by a third, the council said.")).toBe(false);
    expect(opensLinkList("Previously: the council had twice voted to close it.")).toBe(false);
  });
});

describe("isLinkTitle", () => {
  it("takes a short headline-like line, including a question", () => {
    expect(isLinkTitle("Why the night ferry keeps running late")).toBe(true);
    expect(isLinkTitle("The pier is closing. Who pays?")).toBe(true);
  });

  it("takes a linked headline behind a bullet", () => {
    expect(isLinkTitle("• Why the night ferry keeps running late")).toBe(true);
    expect(isLinkTitle("► Harbour tolls frozen for a second year")).toBe(true);
  });

  it("does not take a paragraph that ends as a sentence", () => {
    expect(isLinkTitle("The pier reopens in May.")).toBe(false);
    expect(isLinkTitle("“We will not move the pier.”")).toBe(false);
    expect(isLinkTitle("“Who will pay for it?”")).toBe(false);
  });
});
