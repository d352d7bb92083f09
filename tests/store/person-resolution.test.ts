// One person however outlets spell the name; different people however alike their names.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PersonDraft } from "../../src/extract/types.js";
import { articleDraft } from "../support/article-drafts.js";
import { createStoreOn, describeOnEachStore, type TestStore } from "../support/test-stores.js";

describeOnEachStore("people resolved at ingest", (engine) => {
  let archive: TestStore;
  beforeEach(async () => {
    archive = await createStoreOn(engine);
  });
  afterEach(() => archive.close());

  let n = 0;
  const save = (...people: PersonDraft[]) =>
    archive.store.saveArticle(articleDraft({ headline: `Report ${++n}`, body: `Report ${n}.`, publishedOn: "2025-05-01", people }));
  const person = (name: string, ...aliases: string[]): PersonDraft => ({ name, aliases, mentions: 1 + aliases.length });

  // Everyone stored, in the order they were first stored, with every spelling seen.
  async function people() {
    const ids = (await archive.store.findPeople({}, "NAME", { first: 100 })).rows.map((p) => p.id).sort((a, b) => a - b);
    const [rows, aliases] = await Promise.all([archive.store.peopleByIds(ids), archive.store.aliasesOfPeople(ids)]);
    return rows.map((p) => ({ name: p!.name, aliases: [...aliases.get(p!.id)!].sort() }));
  }

  describe("resolving people in the store", () => {
    it("keeps people who share a surname with a particle apart, each with the surname-only spellings of their own article", async () => {
      await save(person("Aiko al-Rashidi", "al-Rashidi", "Ms al-Rashidi"));
      await save(person("Amina Al-Rashidi", "Al-Rashidi", "Ms Al-Rashidi"));
      await save(person("Rashid al-Rashidi", "Mr al-Rashidi"));
      expect((await people()).map((p) => p.name)).toEqual(["Aiko al-Rashidi", "Amina Al-Rashidi", "Rashid al-Rashidi"]);
    });

    it("still joins one person's spellings across outlets, particles included", async () => {
      await save(person("Amina al-Rashidi", "al-Rashidi"));
      await save(person("Amina Al-Rashidi", "Ms Al-Rashidi"));
      await save(person("Ursula von der Leyen", "von der Leyen"));
      await save(person("Ursula von der Leyen"));
      expect(await people()).toEqual([
        { name: "Amina al-Rashidi", aliases: ["Amina Al-Rashidi", "Amina al-Rashidi", "Ms Al-Rashidi", "al-Rashidi"] },
        { name: "Ursula von der Leyen", aliases: ["Ursula von der Leyen", "von der Leyen"] },
      ]);
    });

    it("joins a transliterated full name to the one person whose given name agrees, not to anyone with the same consonants", async () => {
      await save(person("Leila Zelensky", "Zelensky"));
      await save(person("Greta Tkachenko"));
      await save(person("Yulia Zelenskyy"));
      await save(person("Haruto Tkachenko"));
      await save(person("Hennadiy Tkachenko"));
      await save(person("Gennadiy Tkachenko"));
      expect((await people()).map((p) => p.name)).toEqual(["Leila Zelensky", "Greta Tkachenko", "Yulia Zelenskyy", "Haruto Tkachenko", "Hennadiy Tkachenko"]);
    });

    it("gives a spelling two people on file share to the one first spelled so", async () => {
      await save(person("Rashid Haddad"));
      await save(person("Esther Haddad"));
      // An article that gave Esther Haddad her brother's name too: both are now spelled "Rashid Haddad".
      await save(person("Esther Haddad", "Rashid Haddad"));
      await save(person("Rashid Haddad"));
      const [rashid, esther] = (await archive.store.findPeople({}, "NAME", { first: 10 })).rows.map((p) => p.id).sort((a, b) => a - b);
      const counts = await archive.store.articleCountsOfPeople([rashid, esther]);
      expect([counts.get(rashid), counts.get(esther)]).toEqual([2, 2]);
    });

    it("gives an article that names only a surname the one person on file called so, and guesses nothing when there are two", async () => {
      await save(person("Amina al-Rashidi", "al-Rashidi"));
      await save(person("Al-Rashidi"));
      expect(await people()).toHaveLength(1);
      await save(person("Rashid al-Rashidi", "Al-Rashidi"));
      await save(person("al-Rashidi"));
      expect((await people()).map((p) => p.name)).toEqual(["Amina al-Rashidi", "Rashid al-Rashidi", "al-Rashidi"]);
    });
  });
});
