import { describe, expect, it } from "vitest";
import { readDateline, readMasthead } from "../../src/extract/masthead.js";

const LEDE = "LISBON – The harbour authority said on Monday it would close the northern pier for repairs.";

describe("readMasthead", () => {
  it("takes the title line as the headline and the By line as the byline", () => {
    const m = readMasthead(["Pier to close for repairs", "By Ana Costa", LEDE]);
    expect(m).toMatchObject({ headline: "Pier to close for repairs", byline: ["Ana Costa"], dateline: "LISBON", body: [LEDE] });
  });

  it("gives no headline when the page starts with a sentence", () => {
    const m = readMasthead(["The harbour authority said on Monday it would close the northern pier.", "Repairs start next week."]);
    expect(m.headline).toBeNull();
    expect(m.body).toHaveLength(2);
  });

  it("skips a section label above the headline", () => {
    expect(readMasthead(["Europe live", "Pier to close for repairs after cracks found", LEDE]).headline).toBe("Pier to close for repairs after cracks found");
  });

  it("reads a standfirst between the headline and the byline", () => {
    const m = readMasthead(["Pier to close", "Cracks were found in two pillars. Boats will move south", "By Ana Costa", LEDE]);
    expect(m.standfirst).toBe("Cracks were found in two pillars. Boats will move south");
    expect(m.body).toEqual([LEDE]);
  });

  it("reads a bare name line under the headline as the byline", () => {
    expect(readMasthead(["Pier to close", "Ana Costa", LEDE]).byline).toEqual(["Ana Costa"]);
  });

  it("adds no writer from a bare name line when the page already named its writers (a photo credit is not one)", () => {
    const m = readMasthead(["Pier to close", "Credit Ola Brekke", LEDE], { authors: ["Ana Costa"] });
    expect(m.byline).toEqual(["Ana Costa"]);
    expect(readMasthead(["Pier to close", "Ana Costa", LEDE], { authors: ["Ana Costa"] }).body).toEqual([LEDE]);
  });

  it("reads a byline at the bottom of the article", () => {
    const m = readMasthead(["Pier to close", LEDE, "By Ana Costa"]);
    expect(m.byline).toEqual(["Ana Costa"]);
    expect(m.body).toEqual([LEDE]);
  });

  it("takes the reviewer at the foot of a review as the byline", () => {
    const m = readMasthead(["The Pier by Tom Lake review – a quiet history", LEDE, "Reviewed by Ana Costa"]);
    expect(m).toMatchObject({ byline: ["Ana Costa"], body: [LEDE] });
  });

  it("never takes a photographer for an author", () => {
    expect(readMasthead(["Pier to close", "By Tom Lake", LEDE], { credits: ["Tom Lake"] }).byline).toEqual([]);
  });

  it("takes reporters from a wire sign-off", () => {
    expect(readMasthead(["Pier to close", LEDE], { signOffs: ["(Reporting by Ana Costa; Editing by Tom Lake)"] })).toMatchObject({ byline: ["Ana Costa"], credits: ["Tom Lake"] });
  });

  it("takes the title line under a run of navigation lines", () => {
    const m = readMasthead(["Home", "News", "Local", "Sports", "Pier to close for repairs after cracks found", "By Ana Costa", LEDE]);
    expect(m).toMatchObject({ headline: "Pier to close for repairs after cracks found", byline: ["Ana Costa"], body: [LEDE] });
  });

  it("takes a title line that ends with a full stop, without the full stop", () => {
    const m = readMasthead(["Pier to close for repairs after cracks found.", LEDE]);
    expect(m).toMatchObject({ headline: "Pier to close for repairs after cracks found", body: [LEDE] });
  });

  it("drops the site's name set after the title", () => {
    expect(readMasthead(["Pier to close for repairs | The Harbour Ledger", LEDE], { outlet: "The Harbour Ledger" }).headline).toBe("Pier to close for repairs");
  });

  it("drops a newsroom job title set under a bare-name byline", () => {
    const m = readMasthead(["Pier to close", "Ana Costa", "Local Democracy Reporter", LEDE]);
    expect(m).toMatchObject({ byline: ["Ana Costa"], body: [LEDE] });
  });
});

describe("readDateline", () => {
  it("reads the place before a dash", () => {
    expect(readDateline("WASHINGTON – The senator said")).toBe("WASHINGTON");
  });

  it("reads a dateline with a region, a date and an agency", () => {
    expect(readDateline("KANO, Nigeria (HPA) — Police said")).toBe("KANO");
    expect(readDateline("LONDON, Nov 16, 2024 (HPA) - The club said")).toBe("LONDON");
  });

  it("does not take an ordinary first word", () => {
    expect(readDateline("U.S. officials said on Monday")).toBeNull();
  });
});
