// A person an article names only by surname ("Mr. Okafor said") is, in an archive, the
// one person of that surname it knows by full name: the store links a lone surname to
// the one stored person who has it. For a batch of drafts that are not in a store (npm
// run extract) the same rule runs over the batch: a surname-only name takes the full
// name of the one person the other articles name in full with that surname, or of the
// one named in at least twice as many articles as any other (a batch of political news
// names "Ana Okafor" in a dozen articles and her cousin "Ben Okafor" in one).
import { hasGivenName, nameKey, nameWordKey, surnameKey } from "./names.js";
import type { KnownPeople } from "./people.js";
import type { ArticleDraft } from "./types.js";

/** Full name by surname key, for the surnames the batch names in full decisively. */
export function fullNamesBySurname(drafts: readonly ArticleDraft[]): Map<string, string> {
  // One person may be spelled "Ana Okafor" here and "Ana M. Okafor" there: people are
  // counted by first name and surname, and named by their commonest spelling.
  const articlesNaming = new Map<string, Map<string, Map<string, number>>>(); // surname → first name → spelling → articles
  for (const draft of drafts) {
    const seen = new Set<string>();
    for (const person of draft.people) {
      const key = nameKey(person.name);
      if (!hasGivenName(person.name) || seen.has(key)) continue;
      seen.add(key);
      const surname = surnameKey(person.name);
      const given = key.split(" ")[0];
      const people = articlesNaming.get(surname) ?? new Map<string, Map<string, number>>();
      const spellings = people.get(given) ?? new Map<string, number>();
      spellings.set(person.name, (spellings.get(person.name) ?? 0) + 1);
      people.set(given, spellings);
      articlesNaming.set(surname, people);
    }
  }
  const chosen = new Map<string, string>();
  for (const [surname, people] of articlesNaming) {
    const ranked = [...people.values()]
      .map((spellings) => {
        const byUse = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        return { name: byUse[0][0], articles: byUse.reduce((n, [, k]) => n + k, 0) };
      })
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
    if (ranked.length === 1 || ranked[0].articles >= 2 * ranked[1].articles) chosen.set(surname, ranked[0].name);
  }
  return chosen;
}

/** The full name for a person's name that holds no given name ("Okafor" → "Ana Okafor"), or the name itself. */
export function withFullName(name: string, fullNames: ReadonlyMap<string, string>): string {
  if (hasGivenName(name)) return name;
  return fullNames.get(surnameKey(name)) ?? name;
}

/** The batch's decisive full names as findPeople reads them: who a shared surname most likely means. */
export function knownPeople(fullNames: ReadonlyMap<string, string>): KnownPeople {
  return new Map([...fullNames].map(([surname, name]) => [surname, { givenKey: nameWordKey(name.split(" ")[0]) }]));
}

/** Whether an article names several people of one surname, so that a lone surname may be read with what the batch knows. */
export function sharesSurnames(draft: ArticleDraft): boolean {
  const seen = new Set<string>();
  for (const person of draft.people) {
    if (!hasGivenName(person.name)) continue;
    const surname = surnameKey(person.name);
    if (seen.has(surname)) return true;
    seen.add(surname);
  }
  return false;
}
