// A story: one event, its speakers and their remarks, reported by several outlets over a
// few days. Each report renders the same remarks, verbatim or trimmed, as outlets do.
import { pickCastMember, type CastMember } from "./cast.js";
import type { Random } from "./random.js";
import { OUTLETS, PLACES, REMARKS, SUBJECTS } from "./word-lists.js";

export interface StoryPlan {
  subject: (typeof SUBJECTS)[number];
  place: string;
  /** Day number (days since 1970-01-01) of the event. */
  day: number;
  speakers: { member: CastMember; remarks: string[] }[];
  /** Which outlets report it (indexes into OUTLETS), and how many days after the event. */
  reports: { outlet: number; delay: number }[];
}

const FIRST_DAY = Date.UTC(2016, 0, 1) / 86_400_000;
const SPAN_DAYS = 3_652; // ten years

function remark(random: Random, subject: StoryPlan["subject"]): string {
  return random.pick(REMARKS).replace("{t}", subject.topic).replace("{w}", random.pick(subject.words));
}

function twoRemarks(random: Random, subject: StoryPlan["subject"]): string[] {
  const first = remark(random, subject);
  let second = remark(random, subject);
  while (second === first) second = remark(random, subject);
  return [first, second];
}

export function planStory(random: Random, seed: number): StoryPlan {
  const subject = random.pick(SUBJECTS);
  const speakerCount = random.chance(0.6) ? 2 : 1;
  const speakers = Array.from({ length: speakerCount }, () => ({
    member: pickCastMember(random, seed),
    remarks: twoRemarks(random, subject),
  }));
  // Most events make one or two reports; big ones are carried by up to eight outlets.
  const reportCount = random.chance(0.45) ? 1 : random.chance(0.6) ? random.int(2, 3) : random.int(4, 8);
  const outlets = new Set<number>();
  while (outlets.size < reportCount) outlets.add(random.skewedPick(OUTLETS.map((_, i) => i)));
  return {
    subject,
    place: random.pick(PLACES),
    day: FIRST_DAY + random.int(0, SPAN_DAYS - 8),
    speakers,
    reports: [...outlets].map((outlet) => ({ outlet, delay: random.chance(0.6) ? 0 : random.int(1, 6) })),
  };
}

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
