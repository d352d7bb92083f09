import type { PersonDraft } from "../extract/types.js";
import { nameSkeleton, isDistinctiveName } from "../link/name-skeleton.js";
import { hasGivenName, nameKey, slugify } from "../extract/names.js";
import { comparableName, mayBeSamePerson } from "../link/same-person.js";
import { placeholders } from "./sql-rows.js";
import type { Later, SqlWrites } from "./sql-archive.js";
import { insertRows } from "./insert-rows.js";

/** A spelling of a person on file, as person_aliases holds it. */
interface AliasRow {
  personId: number;
  alias: string;
  key: string;
  skeleton: string;
}

/** An article's people with their name keys, and the spellings on file under those keys once read. */
export interface PeopleLookup {
  names: { draft: PersonDraft; spellings: string[]; fullKeys: string[]; keys: string[] }[];
  onFile: Later<{ id: number; personId: number; key: string; alias: string }[]>;
}

/**
 * Asks for the spellings on file of every person with a spelling under the name keys of an
 * article's people, all in one statement: sent with the writer's next round trip (allLater),
 * the article's first, so that resolving them costs no round trip of its own when all are on
 * file. All of a person's spellings, not only those under the keys: whether the others the
 * article uses are on file is then known too (asking cost most articles a round trip).
 */
export function lookUpPeople(sql: SqlWrites, drafts: readonly PersonDraft[]): PeopleLookup {
  const names = drafts.map((draft) => {
    const spellings = [draft.name, ...draft.aliases];
    // The written spelling tells a first name from a surname particle ("Lee Epstein", "de la Cruz").
    const fullKeys = [...new Set(spellings.filter(hasGivenName).map(nameKey).filter(Boolean))];
    const keys = fullKeys.length ? fullKeys : [...new Set(spellings.map(nameKey).filter(Boolean))];
    return { draft, spellings, fullKeys, keys };
  });
  const asked = [...new Set(names.flatMap((n) => n.keys))];
  const onFile = asked.length
    ? sql.allLater<{ id: number; personId: number; key: string; alias: string }>(
        `SELECT id, "personId", key, alias FROM person_aliases WHERE "personId" IN (SELECT "personId" FROM person_aliases WHERE key IN (${placeholders(asked.length)}))`,
        ...asked,
      )
    : { get: async () => [] };
  return { names, onFile };
}

/**
 * Finds the stored Person each draft person of an article is (looked up by lookUpPeople), or
 * creates one, and records every spelling the article used as an alias. Outlets spell one person many ways
 * ("Zelensky", "Zelenskiy", "Mr Zelenskyy"), so matching is on folded name keys:
 *  1. any full-name key of the draft equals a full-name alias key of a stored person;
 *  2. failing that, a distinctive full name whose consonant skeleton equals that of
 *     exactly one stored person (Ukrainian "Hrytsenko" is Russian "Gritsenko");
 *  3. failing that, when the article only ever gave a surname, that surname is the alias
 *     of exactly one stored person (two Trumps on file means we do not guess).
 * The article's people are resolved in order, each seeing the spellings the ones before it
 * added. Their keys are looked up together, and the spellings already on file for those
 * found together: on PostgreSQL each lookup was a round trip, two for every person named.
 */
export async function resolvePeople(sql: SqlWrites, { names, onFile: asked }: PeopleLookup): Promise<{ ids: number[]; wrote: boolean }> {
  // By key, then in the order the spellings were recorded: when two people are as often
  // spelled like a draft, the one first spelled so is taken (mostFrequent keeps the first).
  const onFile = (await asked.get()).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
  const spelling = (row: { personId: number; alias: string }) => `${row.personId}\u0000${row.alias}`;
  const seen = new Set(onFile.map(spelling));
  // Spellings this article has added so far (not read above), which the people after them see.
  const added: AliasRow[] = [];
  const ids: number[] = [];
  /** People found on file (or made by an earlier person of the article), whose new spellings may be on file already. */
  const found = new Set<number>();
  let created = false;
  for (const { draft, spellings, fullKeys, keys } of names) {
    const keyed = (wanted: string[]) => [...onFile, ...added].filter((row) => wanted.includes(row.key)).map((row) => row.personId);
    let personId: number | null = null;
    if (fullKeys.length) {
      personId = mostFrequent(keyed(fullKeys));
      const distinctive = spellings.filter(isDistinctiveName);
      if (personId == null && distinctive.length) {
        // A skeleton finds candidates; the given names must then agree as mayBeSamePerson
        // has it ("Yulia Zelensky" and "Leila Zelensky" share the skeleton "l zlnsk").
        const skeletons = [...new Set(distinctive.map(nameSkeleton))];
        const loose = [
          ...(await sql.all<{ personId: number; alias: string }>(`SELECT "personId", alias FROM person_aliases WHERE skeleton IN (${placeholders(skeletons.length)})`, ...skeletons)),
          ...added.filter((row) => skeletons.includes(row.skeleton)),
        ];
        const mine = distinctive.map((d) => comparableName(d));
        const agreeing = new Set(loose.filter((l) => mine.some((m) => mayBeSamePerson(m, comparableName(l.alias)))).map((l) => l.personId));
        if (agreeing.size === 1) personId = [...agreeing][0];
      }
    } else if (keys.length) {
      const hits = new Set(keyed(keys));
      if (hits.size === 1) personId = [...hits][0];
    }
    const distinct = [...new Set(spellings)].filter((alias) => nameKey(alias));
    if (personId == null) {
      created = true;
      const slug = await freeSlug(sql, slugify(draft.name));
      personId = (await sql.get<{ id: number }>(`INSERT INTO people (slug, name) VALUES (?, ?) RETURNING id`, slug, draft.name))!.id;
    } else {
      found.add(personId);
    }
    for (const alias of distinct) {
      const row = { personId, alias, key: nameKey(alias), skeleton: nameSkeleton(alias) };
      if (!seen.has(spelling(row))) added.push(row);
      seen.add(spelling(row));
    }
    ids.push(personId);
  }

  // Re-inserting the spellings a person already has, to have the unique index skip them,
  // cost SQLite more than the rest of resolving: they are looked up first. A person read
  // with the keys came with all their spellings; only people found otherwise (by skeleton)
  // are asked about, and most articles have none (a round trip saved).
  const known = new Set<string>();
  const readWhole = new Set(onFile.map((row) => row.personId));
  const unsure = added.filter((row) => found.has(row.personId) && !readWhole.has(row.personId));
  if (unsure.length) {
    const personIds = [...new Set(unsure.map((row) => row.personId))];
    const aliases = [...new Set(unsure.map((row) => row.alias))];
    const rows = await sql.all<{ personId: number; alias: string }>(
      `SELECT "personId", alias FROM person_aliases WHERE "personId" IN (${placeholders(personIds.length)}) AND alias IN (${placeholders(aliases.length)})`,
      ...personIds,
      ...aliases,
    );
    for (const row of rows) known.add(spelling(row));
  }
  // The unique (personId, alias) index still has the last word.
  const aliasRows = added.filter((row) => !known.has(spelling(row))).map((row) => [row.personId, row.alias, row.key, row.skeleton, slugify(row.alias)]);
  await insertRows(sql, `person_aliases ("personId", alias, key, skeleton, slug)`, aliasRows, ` ON CONFLICT ("personId", alias) DO NOTHING`);
  return { ids, wrote: created || aliasRows.length > 0 };
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
