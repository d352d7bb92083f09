// Who "he", "she" and "the minister" refer to. News prose keeps one person in focus
// at a time — the subject of the latest sentence that names someone, or the latest
// speaker — and pronouns refer to that person when the gender fits, otherwise to
// the most recently named person it fits. A role noun refers to the last person
// introduced with that role.
import type { Person } from "./people.js";

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

  /** The last person named with this role ("minister" → the last minister introduced). */
  resolveRole(role: string): number | null {
    return this.recent.find((p) => this.people[p].roles.has(role)) ?? null;
  }
}
