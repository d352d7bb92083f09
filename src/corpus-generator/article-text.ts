// One outlet's report of a story as a crawler saves it: page junk around a headline,
// byline, dateline and body, with quotes attributed in the ways outlets attribute them.
import { spellingFor, type CastMember } from "./cast.js";
import type { Random } from "./random.js";
import { isoDay, type StoryPlan } from "./story-plan.js";
import {
  CAPTION_PREFIXES, COOKIE_BANNERS, FAMILY_NAMES, GIVEN_NAMES, NEUTRAL_SENTENCES, OUTLETS, RELATED_LINES,
  SHARE_BARS, SUBSCRIBE_LINES, VERBS_PAST, WEEKDAYS,
} from "./word-lists.js";

const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

interface Names {
  full: string;
  family: string;
  titled: string;
}

function namesFor(member: CastMember, outlet: number): Names {
  const family = spellingFor(member.family, outlet);
  const full = `${spellingFor(member.given, outlet)} ${family}`;
  return { full, family, titled: `${member.honorific} ${family}` };
}

// Outlets trim a remark differently: whole, its first clause, or from its second clause on.
function rendering(random: Random, remark: string): string {
  const clauses = remark.split(/(?<=[,;]) /);
  const roll = random.next();
  if (clauses.length > 1 && roll < 0.25) return clauses[0].replace(/[,;]$/, "");
  if (clauses.length > 1 && roll < 0.4) return capitalise(clauses.slice(1).join(" ").replace(/^and /, ""));
  return remark;
}

/** A quote paragraph in one of the attribution patterns seen across outlets. */
function quoteParagraphs(random: Random, member: CastMember, names: Names, text: string, context: string): string[] {
  switch (random.int(0, 5)) {
    case 0:
      return [`"${text}," ${names.family} said.`];
    case 1:
      return [`${names.family} said: "${text}."`];
    case 2:
      return [`"${text}," according to ${names.full}.`];
    case 3:
      return [`"${text}," ${names.titled} told reporters ${context}.`];
    case 4:
      return [`${names.titled} spoke for almost an hour ${context}.`, `"${text}," ${member.pronoun} said.`];
    default:
      return [`"${text}," said ${names.family}.`];
  }
}

function reporterName(random: Random): string {
  return `${random.pick(GIVEN_NAMES)[0]} ${random.pick(FAMILY_NAMES)[0]}`;
}

export interface RenderedArticle {
  text: string;
  outlet: string;
  publishedOn: string;
}

export function renderArticle(random: Random, plan: StoryPlan, report: StoryPlan["reports"][number]): RenderedArticle {
  const outlet = OUTLETS[report.outlet];
  const day = plan.day + report.delay;
  const date = new Date(day * 86_400_000);
  const lead = plan.speakers[0];
  const leadNames = namesFor(lead.member, report.outlet);
  const topic = plan.subject.topic;
  const lines: string[] = [];

  if (random.chance(0.5)) lines.push(random.pick(COOKIE_BANNERS));
  const headline = random.pick([
    `${leadNames.family} ${random.pick(VERBS_PAST)} ${topic} plan`,
    `${capitalise(topic)}: ${leadNames.family} says ${plan.subject.words[0]} come first`,
    `${capitalise(plan.place.toLowerCase())} row over ${topic} deepens`,
    `${capitalise(topic)} talks stall as ${plan.subject.words[1]} wait`,
  ]);
  lines.push(report.delay > 2 && random.chance(0.3) ? `UPDATE 1-${headline}` : headline);
  if (random.chance(0.3)) lines.push(`The ${lead.member.role} defended the government's approach to ${topic}.`);
  lines.push(random.chance(0.3) ? `By ${reporterName(random)} and ${reporterName(random)}` : `By ${reporterName(random)}`);
  if (random.chance(0.4)) lines.push(random.pick(SHARE_BARS));

  const when = random.pick(WEEKDAYS);
  const dateline = `${plan.place}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} (${outlet}) - `;
  lines.push(
    `${dateline}${capitalise(lead.member.role)} ${leadNames.full} ${random.pick(VERBS_PAST)} a plan on ${topic} ${when}, ` +
      `saying the ${random.pick(plan.subject.words)} would be affected for years.`,
  );
  const context = random.pick(["in the capital", "after the meeting", `in ${capitalise(plan.place.toLowerCase())}`, "on the sidelines of the forum"]);
  for (const text of lead.remarks) {
    if (random.chance(0.2)) continue; // not every outlet carries every remark
    lines.push(...quoteParagraphs(random, lead.member, leadNames, rendering(random, text), context));
    if (random.chance(0.5)) lines.push(random.pick(NEUTRAL_SENTENCES));
  }
  if (random.chance(0.35)) lines.push(`${random.pick(CAPTION_PREFIXES)} ${leadNames.full} speaks to reporters in ${capitalise(plan.place.toLowerCase())}. (Photo by ${reporterName(random)})`);
  for (const other of plan.speakers.slice(1)) {
    const names = namesFor(other.member, report.outlet);
    lines.push(`${names.full}, the ${other.member.role}, ${random.pick(["disagreed", "was more cautious", "took a different view", "welcomed the move"])}.`);
    for (const text of other.remarks) {
      if (random.chance(0.3)) continue;
      lines.push(...quoteParagraphs(random, other.member, names, rendering(random, text), context));
    }
  }
  lines.push(
    `The ${random.pick(plan.subject.words)} have been at the centre of the debate on ${topic} since ${date.getUTCFullYear() - random.int(1, 6)}, and ${random.pick(NEUTRAL_SENTENCES).toLowerCase()}`,
    random.pick(NEUTRAL_SENTENCES),
  );
  if (random.chance(0.3)) lines.push(`${random.pick(RELATED_LINES)}${capitalise(topic)} explained in five charts`);
  if (random.chance(0.6)) lines.push(random.pick(SUBSCRIBE_LINES));
  return { text: lines.join("\n\n") + "\n", outlet, publishedOn: isoDay(day) };
}
