import type { PersonDraft } from "../ingest/types.js";
import { nameSkeleton, isDistinctiveName } from "../ingest/name-skeleton.js";
import { nameKey, slugify } from "../ingest/names.js";
import type { Prisma } from "../generated/prisma/client.js";

type Tx = Prisma.TransactionClient;

const isFullName = (key: string) => key.includes(" ");

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
export async function resolvePerson(tx: Tx, draft: PersonDraft): Promise<number> {
  const spellings = [draft.name, ...draft.aliases];
  const keys = [...new Set(spellings.map(nameKey).filter(Boolean))];
  const fullKeys = keys.filter(isFullName);

  let personId: number | null = null;
  if (fullKeys.length) {
    const hits = await tx.personAlias.findMany({ where: { key: { in: fullKeys } }, select: { personId: true } });
    personId = mostFrequent(hits.map((h) => h.personId));
    const distinctive = spellings.filter(isDistinctiveName);
    if (personId == null && distinctive.length) {
      const loose = await tx.personAlias.findMany({
        where: { skeleton: { in: [...new Set(distinctive.map(nameSkeleton))] } },
        select: { personId: true },
        distinct: ["personId"],
      });
      if (loose.length === 1) personId = loose[0].personId;
    }
  } else if (keys.length) {
    const hits = await tx.personAlias.findMany({ where: { key: { in: keys } }, select: { personId: true }, distinct: ["personId"] });
    if (hits.length === 1) personId = hits[0].personId;
  }

  if (personId == null) {
    const person = await tx.person.create({ data: { name: draft.name, slug: await freeSlug(tx, slugify(draft.name)) } });
    personId = person.id;
  }

  const known = new Set(
    (await tx.personAlias.findMany({ where: { personId }, select: { alias: true } })).map((a) => a.alias),
  );
  const fresh = [...new Set(spellings)].filter((s) => !known.has(s) && nameKey(s));
  if (fresh.length) {
    await tx.personAlias.createMany({
      data: fresh.map((alias) => ({ personId: personId!, alias, key: nameKey(alias), skeleton: nameSkeleton(alias), slug: slugify(alias) })),
    });
  }
  return personId;
}

function mostFrequent(ids: number[]): number | null {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: number | null = null;
  for (const [id, n] of counts) if (best == null || n > counts.get(best)!) best = id;
  return best;
}

// Two different people can share a name; the second gets "-2", and so on.
async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set(
    (await tx.person.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
