import { describe, expect, it } from "vitest";
import { FAMILY_NAMES, GIVEN_NAMES, HONORIFICS } from "../../src/corpus-generator/word-lists.js";
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

// The story linker finds an article's candidates by its main people's match keys, so two names
// mayBeSamePerson accepts must share one, or the store would miss a story the rule joins.
describe("match keys", () => {
  const shareKey = (a: string, b: string) => comparableName(a).matchKeys.some((k) => comparableName(b).matchKeys.includes(k));

  it("are shared by every two names mayBeSamePerson accepts", () => {
    const names = [
      ...GIVEN_NAMES.flat().flatMap((given) => FAMILY_NAMES.slice(0, 12).flat().map((family) => `${given} ${family}`)),
      ...FAMILY_NAMES.slice(0, 12).flat().flatMap((family) => [family, ...HONORIFICS.map((h) => `${h} ${family}`)]),
      ...["Mo Nasser", "Mo Naser", "Yulia Zelensky", "Hennadiy Tkachenko", "Gennadiy Tkachenko", "Rodrigo Valdivieso Araya", "Rodrigo Valdivieso", "Rodrigo Araya Valdivieso"],
      ...["Maria de la Cruz", "de la Cruz", "Amina Al-Rashidi", "Ms al-Rashidi", "Aiko al-Rashidi", "Ed Miliband", "Edward Miliband", "Alex Lysenko", "Alexandr Lysenko"],
    ];
    let accepted = 0;
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) {
        if (!mayBeSamePerson(comparableName(names[i]), comparableName(names[j]))) continue;
        accepted++;
        expect(shareKey(names[i], names[j]), `${names[i]} / ${names[j]}`).toBe(true);
      }
    expect(accepted).toBeGreaterThan(1000);
  });

  it("keep people of one surname apart when their given names differ", () => {
    expect(shareKey("Ana Rusu", "Ion Rusu")).toBe(false);
    expect(shareKey("Greta Tkachenko", "Petra Tkachenko")).toBe(false);
    expect(shareKey("Lorraine Peck", "Peck")).toBe(false);
    expect(shareKey("Oleksandr Hrytsenko", "Aleksandr Gritsenko")).toBe(true);
    expect(shareKey("Mo Nasser", "Mohammed Nasser")).toBe(true);
  });
});
