// The people of a generated corpus: 2,500 invented newsmakers, each with the spellings
// outlets give their name (transliteration variants), a role and a pronoun. Who is in the
// news is skewed: a few people are quoted often, most rarely, as in a real archive.
import { FAMILY_NAMES, GIVEN_NAMES, ROLES, WOMEN } from "./word-lists.js";
import type { Random } from "./random.js";

export interface CastMember {
  given: readonly string[];
  family: readonly string[];
  role: string;
  pronoun: "he" | "she";
  honorific: string;
}

export const CAST_SIZE = GIVEN_NAMES.length * FAMILY_NAMES.length;

// Member p pairs given name p mod 50 with family name (7g + k) mod 50 (p = g + 50k):
// every pair appears exactly once.
function castMember(p: number): CastMember {
  const g = p % GIVEN_NAMES.length;
  const k = Math.floor(p / GIVEN_NAMES.length);
  const pronoun = WOMEN.has(GIVEN_NAMES[g][0]) ? "she" : "he";
  return {
    given: GIVEN_NAMES[g],
    family: FAMILY_NAMES[(7 * g + k) % FAMILY_NAMES.length],
    role: ROLES[(g + 3 * k) % ROLES.length],
    pronoun,
    honorific: pronoun === "she" ? "Ms" : "Mr",
  };
}

/** Picks a newsmaker, popular ones more often; `seed` decides who is popular. */
export function pickCastMember(random: Random, seed: number): CastMember {
  const rank = Math.floor(CAST_SIZE * random.next() ** 2.2);
  // 997 is prime to 2,500, so rank → member is a permutation that depends on the seed.
  return castMember((rank * 997 + seed) % CAST_SIZE);
}

/** The spelling of a name an outlet uses: each outlet sticks to one transliteration. */
export function spellingFor(variants: readonly string[], outletIndex: number): string {
  return variants[outletIndex % variants.length];
}
