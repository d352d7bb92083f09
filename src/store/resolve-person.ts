import type { PersonDraft } from "../extract/types.js";
import { nameSkeleton, isDistinctiveName } from "../link/name-skeleton.js";
import { hasGivenName, nameKey, slugify } from "../extract/names.js";
import { comparableName, mayBeSamePerson } from "../link/same-person.js";
import { placeholders } from "./sql-rows.js";
import type { SqlWrites } from "./sql-archive.js";
import { insertRows } from "./insert-rows.js";

/**
 * Finds the stored Person a draft person is, or creates one, and records every spelling
 * the article used as an alias. Outlets spell one person many ways ("Zelensky",
 * "Zelenskiy", "Mr Zelenskyy"), so matching is on folded name keys:
 *  1. any full-name key of the draft equals a full-name alias key of a stored person;
 *  2. failing that, a distinctive full name whose consonant skeleton equals that of
 *     exactly one stored person (Ukrainian "Hrytsenko" is Russian "Gritsenko");
 *  3. failing that, when the article only ever gave a surname, that surname is the alias
 *     of exactly one stored person (two Trumps on file means we do not guess).
 */
export async function resolvePerson(sql: SqlWrites, draft: PersonDraft): Promise<number> {
  const spellings = [draft.name, ...draft.aliases];
  const keys = [...new Set(spellings.map(nameKey).filter(Boolean))];
  // The written spelling tells a first name from a surname particle ("Lee Epstein", "de la Cruz").
  const fullKeys = [...new Set(spellings.filter(hasGivenName).map(nameKey).filter(Boolean))];

  let personId: number | null = null;
  if (fullKeys.length) {
    const hits = await sql.all<{ personId: number }>(`SELECT "personId" FROM person_aliases WHERE key IN (${placeholders(fullKeys.length)})`, ...fullKeys);
    personId = mostFrequent(hits.map((h) => h.personId));
    const distinctive = spellings.filter(isDistinctiveName);
    if (personId == null && distinctive.length) {
      // A skeleton finds candidates; the given names must then agree as mayBeSamePerson
      // has it ("Yulia Zelensky" and "Leila Zelensky" share the skeleton "l zlnsk").
      const skeletons = [...new Set(distinctive.map(nameSkeleton))];
      const loose = await sql.all<{ personId: number; alias: string }>(`SELECT "personId", alias FROM person_aliases WHERE skeleton IN (${placeholders(skeletons.length)})`, ...skeletons);
      const mine = distinctive.map((d) => comparableName(d));
      const agreeing = new Set(loose.filter((l) => mine.some((m) => mayBeSamePerson(m, comparableName(l.alias)))).map((l) => l.personId));
      if (agreeing.size === 1) personId = [...agreeing][0];
    }
  } else if (keys.length) {
    const hits = await sql.all<{ personId: number }>(`SELECT DISTINCT "personId" FROM person_aliases WHERE key IN (${placeholders(keys.length)})`, ...keys);
    if (hits.length === 1) personId = hits[0].personId;
  }

  const distinct = [...new Set(spellings)].filter((alias) => nameKey(alias));
  let known = new Set<string>();
  if (personId == null) {
    const slug = await freeSlug(sql, slugify(draft.name));
    personId = (await sql.get<{ id: number }>(`INSERT INTO people (slug, name) VALUES (?, ?) RETURNING id`, slug, draft.name))!.id;
  } else if (distinct.length) {
    // Re-inserting the spellings a person already has, to have the unique index skip them,
    // cost SQLite more than the rest of resolving: they are looked up first.
    const onFile = await sql.all<{ alias: string }>(`SELECT alias FROM person_aliases WHERE "personId" = ? AND alias IN (${placeholders(distinct.length)})`, personId, ...distinct);
    known = new Set(onFile.map((a) => a.alias));
  }

  // The unique (personId, alias) index still has the last word.
  const aliasRows = distinct.filter((alias) => !known.has(alias)).map((alias) => [personId, alias, nameKey(alias), nameSkeleton(alias), slugify(alias)]);
  await insertRows(sql, `person_aliases ("personId", alias, key, skeleton, slug)`, aliasRows, ` ON CONFLICT ("personId", alias) DO NOTHING`);
  return personId;
}

/**
 * What a writer locks before resolving `draft`, so that writers running at once cannot each
 * make a new person of one name: the consonant skeleton of every spelling (equal name keys
 * have equal skeletons, so any two drafts resolvePerson could match share one), and the slug
 * a new person would take.
 */
export function personLockKeys(draft: PersonDraft): string[] {
  const spellings = [draft.name, ...draft.aliases].filter((s) => nameKey(s));
  return [...spellings.map(nameSkeleton), `slug:${slugify(draft.name)}`];
}

function mostFrequent(ids: number[]): number | null {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: number | null = null;
  for (const [id, n] of counts) if (best == null || n > counts.get(best)!) best = id;
  return best;
}

// Two different people can share a name; the second gets "-2", and so on.
async function freeSlug(sql: SqlWrites, base: string): Promise<string> {
  // Every slug starting with `base`, as a range of the unique index (no LIKE wildcards to escape).
  const taken = new Set((await sql.all<{ slug: string }>(`SELECT slug FROM people WHERE slug >= ? AND slug < ?`, base, `${base}\uffff`)).map((p) => p.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
