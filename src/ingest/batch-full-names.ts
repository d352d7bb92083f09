// A person an article names only by surname ("Mr. Okafor said") is, in an archive, the
// one person of that surname it knows by full name: the store links a lone surname to
// the one stored person who has it. For a batch of drafts that are not in a store (npm
// run extract) the same rule runs over the batch: a surname-only name takes the full
// name of the one person the other articles name in full with that surname, or of the
// one named in at least twice as many articles as any other (a batch of political news
// names "Ana Okafor" in a dozen articles and her cousin "Ben Okafor" in one).
import { keyHasGivenName, nameKey, surnameKey } from "./names.js";
import type { ArticleDraft } from "./types.js";

/** Full name by surname key, for the surnames the batch names in full decisively. */
export function fullNamesBySurname(drafts: readonly ArticleDraft[]): Map<string, string> {
  const articlesNaming = new Map<string, Map<string, number>>(); // surname key → full name → articles
  for (const draft of drafts) {
    const seen = new Set<string>();
    for (const person of draft.people) {
      const key = nameKey(person.name);
      if (!keyHasGivenName(key) || seen.has(key)) continue;
      seen.add(key);
      const surname = surnameKey(person.name);
      const names = articlesNaming.get(surname) ?? new Map<string, number>();
      names.set(person.name, (names.get(person.name) ?? 0) + 1);
      articlesNaming.set(surname, names);
    }
  }
  const chosen = new Map<string, string>();
  for (const [surname, names] of articlesNaming) {
    const ranked = [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (ranked.length === 1 || ranked[0][1] >= 2 * ranked[1][1]) chosen.set(surname, ranked[0][0]);
  }
  return chosen;
}

/** The full name for a person's name that holds no given name ("Okafor" → "Ana Okafor"), or the name itself. */
export function withFullName(name: string, fullNames: ReadonlyMap<string, string>): string {
  if (keyHasGivenName(nameKey(name))) return name;
  return fullNames.get(surnameKey(name)) ?? name;
}
