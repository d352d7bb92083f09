import { describe, expect, it } from "vitest";
import { comparableName, mayBeSamePerson } from "../../src/link/same-person.js";

describe("mayBeSamePerson", () => {
  const same = (a: string, b: string) => mayBeSamePerson(comparableName(a), comparableName(b));

  it("matches Ukrainian and Russian romanisations of one given name", () => {
    expect(same("Oleksandr Lysenko", "Alexandr Lysenko")).toBe(true);
  });

  it("matches a short form of the given name with the same surname", () => {
    expect(same("Mo Nasser", "Muhammad Nasser")).toBe(true);
    expect(same("Mohamed Nasser", "Muhammad Nasser")).toBe(true);
  });

  it("keeps two people with one surname and different given names apart", () => {
    expect(same("Ana Rusu", "Ion Rusu")).toBe(false);
    expect(same("David Miliband", "Ed Miliband")).toBe(false);
  });

  it("keeps given names apart that only the loose skeleton makes alike", () => {
    // H/G and dropped vowels: "Haruto" and "Greta" are both "grt"; "Yulia" and "Leila" both "l".
    expect(same("Haruto Tkachenko", "Greta Tkachenko")).toBe(false);
    expect(same("Yulia Zelensky", "Leila Zelensky")).toBe(false);
    expect(same("Hennadiy Tkachenko", "Gennadiy Tkachenko")).toBe(true);
    expect(same("Yuliya Zelenskyy", "Yulia Zelensky")).toBe(true);
  });

  it("never matches a bare surname to a full name", () => {
    expect(same("Peck", "Lorraine Peck")).toBe(false);
  });

  it("reads a surname with a particle as a bare surname, not as a given name and a surname", () => {
    expect(same("Al-Rashidi", "Aiko al-Rashidi")).toBe(false);
    expect(same("Ms al-Rashidi", "Amina Al-Rashidi")).toBe(false);
    expect(same("de la Cruz", "Maria de la Cruz")).toBe(false);
    expect(same("Amina al-Rashidi", "Amina Al-Rashidi")).toBe(true);
  });
});

describe("mayBeSamePerson with two surnames", () => {
  const same = (a: string, b: string) => mayBeSamePerson(comparableName(a), comparableName(b));

  it("matches a Spanish name with both surnames to the same name cut to the first surname", () => {
    expect(same("Rodrigo Valdivieso Araya", "Rodrigo Valdivieso")).toBe(true);
  });

  it("keeps a name whose first surname differs apart", () => {
    expect(same("Rodrigo Araya Valdivieso", "Rodrigo Fuenzalida")).toBe(false);
  });
});
