// Topics: what an article is about, as a few normalised subjects that make useful filters.
//
// Method: a small curated vocabulary. Each topic lists the ways news writes it ("rare
// earths", "rare metals", "rare earth elements" are all rare earth metals). An article's
// score for a topic counts its phrases, a headline hit weighing as much as three in the
// body, scaled by body length so a long article needs more than a passing mention. Only
// topics that clear a threshold are kept, strongest first, at most five: a filter by topic
// should find articles *about* it, not every article that uses the word once.
//
// Not every mention says as much. Reporters put what the story is about in the lead
// paragraph, and the subject a newsmaker names in a quote is what the story reports; a
// multi-word subject ("rare earth metals", "peace talks") is specific where a lone
// adjective ("economic" in "envoy on economic cooperation") is background. So a lead
// mention counts double, a quoted one half again, a multi-word phrase half again, and
// topics are ranked on that weighted count before the cap of five, so a specific subject
// named twice in the lead and a quote outranks a generic word used three times in passing.
import type { TopicDraft } from "./types.js";

interface TopicEntry {
  slug: string;
  name: string;
  /** Phrases as regex sources, matched case-insensitively on word boundaries. */
  phrases: string[];
}

export const TOPIC_VOCABULARY: readonly TopicEntry[] = [
  { slug: "sanctions", name: "sanctions", phrases: ["sanction(?:s|ed|ing)?", "blacklist(?:ed|ing)?", "asset freezes?", "export controls?"] },
  { slug: "rare-earth-metals", name: "rare earth metals", phrases: ["rare[- ]earths?(?: metals?| elements?| minerals?)?", "rare metals?", "critical minerals?", "lithium", "cobalt"] },
  { slug: "arctic", name: "Arctic", phrases: ["arctic", "northern sea route", "polar", "svalbard", "sea ice"] },
  { slug: "air-travel", name: "air travel", phrases: ["air (?:travel|links?|traffic|routes?|services?)", "flights?", "airlines?", "airports?", "aviation", "airspace"] },
  { slug: "ceasefire", name: "ceasefire", phrases: ["cease-?fires?", "truces?", "armistice", "peace (?:talks|deal|settlement|plan|process)", "halt(?:ing)? the (?:fighting|war)"] },
  { slug: "tariffs", name: "tariffs", phrases: ["tariffs?", "import (?:duties|duty|taxes|levies)", "customs duties", "trade war", "levy", "levies"] },
  { slug: "oil", name: "oil", phrases: ["oil", "crude", "petroleum", "opec\\+?", "barrels?", "refiner(?:y|ies)", "tankers?"] },
  { slug: "natural-gas", name: "natural gas", phrases: ["natural gas", "gas (?:supplies|pipelines?|prices|exports?|fields?)", "lng", "liquefied natural gas"] },
  { slug: "shipping", name: "shipping", phrases: ["shipping", "vessels?", "cargo", "freight", "ports?", "container ships?", "sea lanes?", "maritime"] },
  { slug: "elections", name: "elections", phrases: ["elections?", "by-elections?", "ballots?", "polling stations?", "voters?", "electoral", "candidates?", "run-?offs?"] },
  { slug: "climate", name: "climate", phrases: ["climate(?: change)?", "global warming", "emissions?", "carbon", "greenhouse gas(?:es)?", "net zero", "renewables?"] },
  { slug: "trade", name: "trade", phrases: ["trade (?:deal|talks|agreement|surplus|deficit|ties|routes?)", "free trade", "exports?", "imports?"] },
  { slug: "nuclear", name: "nuclear", phrases: ["nuclear", "uranium", "reactors?", "atomic"] },
  { slug: "space", name: "space", phrases: ["space (?:exploration|mission|programme|program|agency|station)", "mars", "orbit(?:al)?", "rockets?", "satellites?", "astronauts?"] },
  { slug: "war-in-ukraine", name: "war in Ukraine", phrases: ["war in ukraine", "ukraine war", "invasion of ukraine", "russia-ukraine war", "russian invasion"] },
  { slug: "diplomacy", name: "diplomacy", phrases: ["diplomatic", "diplomacy", "summits?", "ambassadors?", "peace envoys?", "foreign minist(?:er|ry)"] },
  { slug: "investment", name: "investment", phrases: ["investments?", "investors?", "sovereign wealth fund", "joint ventures?", "stakes?"] },
  { slug: "economy", name: "economy", phrases: ["econom(?:y|ic|ies)", "inflation", "gdp", "recession", "interest rates?", "central bank"] },
  { slug: "defence", name: "defence", phrases: ["military", "defen[cs]e", "troops", "army", "navy", "missiles?", "drones?", "weapons?"] },
  { slug: "migration", name: "migration", phrases: ["migra(?:nts?|tion)", "asylum", "refugees?", "border crossings?"] },
  { slug: "technology", name: "technology", phrases: ["technolog(?:y|ies)", "artificial intelligence", "\\bai\\b", "semiconductors?", "chips?", "software"] },
  { slug: "mining", name: "mining", phrases: ["mining", "mines?", "miners?", "ore", "deposits?", "smelters?"] },
  { slug: "fisheries", name: "fisheries", phrases: ["fisher(?:y|ies)", "fishing", "fishermen", "catch quotas?", "cod", "salmon"] },
  { slug: "tourism", name: "tourism", phrases: ["touris(?:m|ts?)", "holiday(?:makers|s)?", "hotels?", "visitors?"] },
  { slug: "human-rights", name: "human rights", phrases: ["human rights", "civil liberties", "press freedom", "political prisoners?", "crackdown"] },
  { slug: "health", name: "health", phrases: ["health(?:care)?", "hospitals?", "vaccines?", "pandemic", "outbreaks?", "patients?"] },
];

const MAX_TOPICS = 5;
const MIN_SCORE = 0.35;
const HEADLINE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
const QUOTED_WEIGHT = 1.5;
const MULTI_WORD_WEIGHT = 1.5;
const QUOTED_SPAN = /["“„«][^"“”„«»\n]*["”»]/g;

const compiled = TOPIC_VOCABULARY.map((t) => ({
  ...t,
  // One alternation per topic: the text is scanned once per topic, linear in its length.
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${t.phrases.join("|")})(?![\\p{L}\\p{N}])`, "giu"),
}));

/** Where a paragraph's quotations stand, as [from, to) offsets. */
function quotedSpans(paragraph: string): [number, number][] {
  const quoted: [number, number][] = [];
  for (const m of paragraph.matchAll(QUOTED_SPAN)) quoted.push([m.index, m.index + m[0].length]);
  return quoted;
}

/** The weighted mentions of a topic in one paragraph (see the header for the weights). */
function weightedHits(pattern: RegExp, paragraph: string, quoted: readonly [number, number][], isLead: boolean): number {
  pattern.lastIndex = 0;
  let total = 0;
  for (let m = pattern.exec(paragraph); m; m = pattern.exec(paragraph)) {
    let weight = /[\s-]/.test(m[0]) ? MULTI_WORD_WEIGHT : 1;
    if (isLead) weight *= LEAD_WEIGHT;
    if (quoted.some(([from, to]) => m!.index > from && m!.index < to)) weight *= QUOTED_WEIGHT;
    total += weight;
  }
  return total;
}

const count = (pattern: RegExp, text: string) => {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
};

/** The topics an article is about, strongest first. */
export function findTopics(headline: string | null, body: string): TopicDraft[] {
  const words = Math.max(1, body.split(/\s+/).length);
  // A 400-word article needs about 3 mentions to reach the threshold; longer ones more.
  const needed = 2.5 * Math.max(1, Math.sqrt(words / 400));
  const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim());
  // The lead is the first paragraph that reads as a sentence, not a caption or a dateline stub.
  // A body that is one paragraph has no lead to tell apart.
  const lead = paragraphs.length > 1 ? paragraphs.findIndex((p) => p.split(/\s+/).length >= 15) : -1;
  // Read once per paragraph, not once per topic.
  const quoted = paragraphs.map(quotedSpans);
  const scored = compiled.map((t) => {
    let hits = HEADLINE_WEIGHT * (headline ? count(t.pattern, headline) : 0);
    paragraphs.forEach((p, i) => (hits += weightedHits(t.pattern, p, quoted[i], i === lead)));
    return { slug: t.slug, name: t.name, raw: hits / (needed * 1.6) };
  });
  return scored
    .filter((t) => t.raw >= MIN_SCORE)
    .sort((a, b) => b.raw - a.raw || a.slug.localeCompare(b.slug))
    .slice(0, MAX_TOPICS)
    .map((t) => ({ slug: t.slug, name: t.name, score: Math.round(Math.min(1, t.raw) * 100) / 100 }));
}
