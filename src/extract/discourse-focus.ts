// Who "he", "she" and "the minister" refer to. News prose keeps one person in focus
// at a time — the subject of the latest sentence that names someone, or the latest
// speaker — and pronouns refer to that person when the gender fits, otherwise to
// the most recently named person it fits. A role noun refers to the last person
// introduced with that role.
import type { Person } from "./people.js";
import { isGenericRole, isNationalityStem } from "./role-nouns.js";
import type { Epithet } from "./speaker-subject.js";

export class DiscourseFocus {
  private focus: number | null = null;
  private recent: number[] = []; // most recent first

  constructor(private readonly people: readonly Person[]) {}

  /** Someone was named; they become a candidate for later pronouns. */
  mentioned(person: number): void {
    this.recent = [person, ...this.recent.filter((p) => p !== person)];
  }

  /** Someone became the subject or the speaker: the default referent of "he"/"she". */
  focusOn(person: number): void {
    this.focus = person;
    this.mentioned(person);
  }

  get current(): number | null {
    return this.focus;
  }

  /** The person a singular pronoun of this gender refers to, if anyone fits. */
  resolvePronoun(gender: "female" | "male"): number | null {
    const fits = (p: number) => {
      const known = this.people[p].gender;
      return known === null || known === gender;
    };
    if (this.focus !== null && fits(this.focus)) return this.focus;
    return this.recent.find(fits) ?? null;
  }

  /** "They" for one person: only someone the text says uses they/them. */
  resolveThey(): number | null {
    return this.focus !== null && this.people[this.focus].usesThey ? this.focus : null;
  }

  /**
   * The person a role phrase refers to: "the minister" → the minister in focus or
   * named last; "the Moldovan minister" → the minister described as Moldovan; "the
   * official" → anyone holding an office. Null when nobody named holds the role.
   */
  resolveRole(role: string, modifiers: readonly string[] = []): number | null {
    let best: number | null = null;
    let bestScore = 0;
    const order = this.focus === null ? this.recent : [this.focus, ...this.recent.filter((p) => p !== this.focus)];
    for (const p of order) {
      const person = this.people[p];
      const holds = person.roles.has(role) ? 2 : isGenericRole(role) && person.roles.size > 0 ? 1 : 0;
      if (!holds) continue;
      const described = modifiers.length > 0 && modifiers.every((m) => person.descriptors.has(m)) ? 2 : 0;
      const score = holds + described;
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The person an epithet refers to ("the Egyptian", "the 29-year-old"): the most
   * salient person the text describes that way; failing that, the most salient person
   * whom nothing the text said contradicts (another nationality, another age, another
   * gender). Salience runs focus, then recent mentions, then people named in the
   * headline or standfirst. With `describedOnly`, only a person the text describes
   * that way. Null when nobody fits.
   */
  resolveEpithet(epithet: Epithet, describedOnly = false): number | null {
    const body = this.focus === null ? this.recent : [this.focus, ...this.recent.filter((p) => p !== this.focus)];
    const order = [...body, ...this.people.flatMap((p, i) => (p.namedInContext && !body.includes(i) ? [i] : []))];
    const agrees = (p: number) => {
      const person = this.people[p];
      return (epithet.nationality === null || person.descriptors.has(epithet.nationality)) && (epithet.age === null || person.age === epithet.age);
    };
    const contradicted = (p: number) => {
      const person = this.people[p];
      const nationalities = [...person.descriptors].filter(isNationalityStem);
      return (
        (epithet.nationality !== null && nationalities.length > 0 && !nationalities.includes(epithet.nationality)) ||
        (epithet.age !== null && person.age !== null && person.age !== epithet.age) ||
        (epithet.gender !== null && person.gender !== null && person.gender !== epithet.gender)
      );
    };
    const described = order.find((p) => agrees(p) && !contradicted(p)) ?? null;
    return describedOnly ? described : described ?? order.find((p) => !contradicted(p)) ?? null;
  }
}
