import { describe, expect, it } from "vitest";
import { fullNamesBySurname, withFullName } from "../../src/extract/batch-full-names.js";
import type { ArticleDraft } from "../../src/extract/types.js";

const draft = (...names: string[]) => ({ people: names.map((name) => ({ name, aliases: [], mentions: 1 })) }) as unknown as ArticleDraft;

describe("surnames completed from a batch of articles", () => {
  it("gives a surname-only name the one full name the batch has for it", () => {
    const full = fullNamesBySurname([draft("Okafor"), draft("Ana Okafor")]);
    expect(withFullName("Okafor", full)).toBe("Ana Okafor");
    expect(withFullName("Mr. Okafor", full)).toBe("Ana Okafor");
  });

  it("counts spellings of one person together and prefers the one named far more often", () => {
    const full = fullNamesBySurname([draft("Ana Okafor"), draft("Ana M. Okafor"), draft("Ana Okafor"), draft("Tom Okafor")]);
    expect(withFullName("Okafor", full)).toBe("Ana Okafor");
  });

  it("leaves a surname alone when two people of that name are named about as often", () => {
    const full = fullNamesBySurname([draft("Ana Okafor"), draft("Tom Okafor")]);
    expect(withFullName("Okafor", full)).toBe("Okafor");
  });

  it("leaves a full name as it is", () => {
    expect(withFullName("Tom Okafor", fullNamesBySurname([draft("Ana Okafor")]))).toBe("Tom Okafor");
  });
});
