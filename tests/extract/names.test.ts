import { describe, expect, it } from "vitest";
import { bareName, hasGivenName, keyHasGivenName, nameKey, slugify, stripPossessive, surnameKey } from "../../src/extract/names.js";

describe("names", () => {
  it("gives transliterations of one name the same key", () => {
    expect(nameKey("Volodymyr Zelensky")).toBe(nameKey("Volodymyr Zelenskiy"));
    expect(nameKey("Volodymyr Zelenskyy")).toBe(nameKey("Volodymyr Zelensky"));
    expect(nameKey("Aleksei Vorontsev")).toBe(nameKey("Alexei Vorontsev"));
    expect(nameKey("Yuriy Zavalnyi")).toBe(nameKey("Yury Zavalny"));
  });

  it("ignores honorifics, possessives and diacritics", () => {
    expect(nameKey("Mr. Tomás Ruiz’s")).toBe(nameKey("Tomas Ruiz"));
  });

  it("keeps different people apart", () => {
    expect(nameKey("Ana Costa")).not.toBe(nameKey("Ana Castro"));
  });

  it("strips possessives", () => {
    expect(stripPossessive("Putin's")).toBe("Putin");
    expect(stripPossessive("Costa’s")).toBe("Costa");
  });

  it("removes honorifics from a bare name", () => {
    expect(bareName("Dr. Ana Costa")).toBe("Ana Costa");
  });

  it("keys a surname for matching a lone surname to a full name", () => {
    expect(surnameKey("Mr Dmitrov")).toBe(surnameKey("Kiril Dmitrov"));
  });

  it("makes URL-safe slugs", () => {
    expect(slugify("Rare earth metals")).toBe("rare-earth-metals");
    expect(slugify("Zoë O’Neill")).toBe("zoe-oneill");
  });
});

describe("hasGivenName", () => {
  it("reads the written name: a capitalised first word is a first name even when its key looks like a particle", () => {
    for (const name of ["Lee Epstein", "Ben Carson", "Ed Rendell", "Ash Carter", "Al Gore", "Aiko al-Rashidi", "Mohammed bin Salman", "Maria de la Cruz", "Jean-Claude Juncker"])
      expect(hasGivenName(name), name).toBe(true);
  });

  it("is false for a surname alone, particles written in either case, and honorifics", () => {
    for (const name of ["Dmitriev", "Al-Rashidi", "Ms al-Rashidi", "bin Salman", "Bin Laden", "De Blasio", "von der Leyen", "de la Cruz", "Mr. Dmitriev"])
      expect(hasGivenName(name), name).toBe(false);
  });
});

describe("keyHasGivenName", () => {
  it("is true when a word other than the surname is not a surname particle", () => {
    for (const name of ["Kirill Dmitriev", "Aiko al-Rashidi", "Mohammed bin Salman", "Ursula von der Leyen", "Maria de la Cruz"])
      expect(keyHasGivenName(nameKey(name)), name).toBe(true);
  });

  it("is false for a surname alone, particles and honorifics included", () => {
    for (const name of ["Dmitriev", "Al-Rashidi", "Ms al-Rashidi", "bin Salman", "von der Leyen", "de la Cruz", "Mr. Dmitriev"])
      expect(keyHasGivenName(nameKey(name)), name).toBe(false);
  });
});
