// Rules that decide which capitalised words belong to a person's name.
import { describe, expect, it } from "vitest";
import { findPeople, toPersonDrafts } from "../../src/extract/people.js";
import { analyseParagraph } from "../../src/extract/text-analysis.js";

const names = (text: string) => toPersonDrafts(findPeople(text.split("\n\n").map(analyseParagraph)).people).map((p) => p.name);

describe("name words", () => {
  it("keeps a lower-case Arabic particle joined by a hyphen inside the name", () => {
    expect(names("Trade Minister Salim al-Harthy opened the fair.\n\nLater al-Harthy toured the docks.")).toEqual(["Salim al-Harthy"]);
  });

  it("does not take a hyphenated descriptor before a name as a name word", () => {
    expect(names("Mother-of-two Joanne Pilbury, 37, from Derby, missed her flight.")).toEqual(["Joanne Pilbury"]);
  });

  it('does not take a place compound such as "Oslo-based" as part of an organisation or person', () => {
    expect(names("Dr Henrik Aaland, director of the Oslo-based Polar Freight Forum, spoke first.")).toEqual(["Henrik Aaland"]);
  });

  it("does not read a title modifier without an office as a title before a single word", () => {
    expect(names("Trucks use the Northern Transport Corridor, which links three ports.")).toEqual([]);
  });

  it('still strips a title that ends an "of" or "and" chain', () => {
    expect(names("He met the Minister of Economy and Trade Bela Horvath in Pécs.")).toEqual(["Bela Horvath"]);
  });

  it("makes a full name with an unfamiliar first name a person when the text gives its surname an honorific", () => {
    expect(names("Her rival, Daiva Sruogienė, a 41-year-old ecologist, lost narrowly.\n\nMs Sruogienė conceded on Monday.")).toEqual(["Daiva Sruogienė"]);
  });

  it("resolves a hyphenated surname to the person who bears it", () => {
    expect(names("Energy Minister Salim Al-Harthy spoke on Monday.\n\nAl-Harthy later met reporters.")).toEqual(["Salim Al-Harthy"]);
  });
});
