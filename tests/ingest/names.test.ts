import { describe, expect, it } from "vitest";
import { bareName, nameKey, slugify, stripPossessive, surnameKey } from "../../src/ingest/names.js";

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
