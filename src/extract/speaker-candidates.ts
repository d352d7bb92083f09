// Who could have said each quotation: every person named near it (three paragraphs
// before to one after), every organisation that speaks there ("CNN reported"), and
// nobody. Each candidate carries the features attribution-features.ts reads off its
// mentions; speaker-ranking.ts scores them. The rules of attribution.ts are one voice
// among the features (their choice, and their choice for the quote before), not the
// decision.
import { reportsAt, type AttributionRule } from "./attribution.js";
import { governingVerbs, placement, sentenceIndex, verbLinks, type Features, type MentionSite, type ParagraphView } from "./attribution-features.js";
import { findOrganisationMentions, type OrganisationMention } from "./organisation-names.js";
import type { PeopleInText } from "./people.js";
import type { QuoteSpan } from "./quote-spans.js";
import { pronounGender } from "./speaker-subject.js";
import { tokenAt, type AnalysedParagraph } from "./text-analysis.js";

export type Speaker = { kind: "person"; person: number } | { kind: "organisation"; name: string };

export interface SpeakerCandidate {
  /** Null for the candidate "nobody named said it". */
  speaker: Speaker | null;
  features: Features;
}

const BEFORE = 3; // paragraphs before the quote's own that may hold its speaker
const AFTER = 1;
const NEAREST_SITES = 24; // mentions read per quote
const LINKS = ["verbRight", "verbLeft", "addressed", "afterPreposition", "verbAfterAppositive", "accordingTo", "colonAfter", "possessive", "modifier", "sentenceSubject", "sentenceEndsWithColon"];
const RECENCY = ["recency0", "recency1", "recency2"];
const NEAREST = ["nearest0", "nearest1"];
const SPEAKING = ["verbRight", "verbLeft", "verbAfterAppositive", "accordingTo", "colonAfter"];

/** Whether each token lies inside quotation marks; spans are in text order, so one sweep does. */
function quotedMask(para: AnalysedParagraph, spans: readonly QuoteSpan[]): boolean[] {
  let s = 0;
  return para.tokens.map((t) => {
    while (s < spans.length && spans[s].close < t.start) s++;
    return s < spans.length && spans[s].open <= t.start;
  });
}

interface Site extends MentionSite {
  speaker: Speaker;
  /** keyOf(speaker): one candidate per key. */
  key: string;
  evidence?: string;
  links: Features;
  /** The keys of `links` that are set, in the order of LINKS. */
  linked: string[];
  /** Whether one of them is a verb of saying or its like (SPEAKING). */
  speaks: boolean;
  verbs: number[];
}

/** A mention as a site, with the links read once for every quote near it. */
function siteOf(mention: MentionSite, speaker: Speaker, { features: links, verbs }: { features: Features; verbs: number[] }, evidence?: string): Site {
  const linked = LINKS.filter((link) => links[link]);
  const speaks = linked.some((link) => SPEAKING.includes(link));
  const { paragraph, firstToken, lastToken, possessive, modifier } = mention;
  const made: Site = { paragraph, firstToken, lastToken, possessive, modifier, speaker, key: keyOf(speaker), links, linked, speaks, verbs };
  if (evidence !== undefined) made.evidence = evidence;
  return made;
}

// Feature names are joined from a placement and a link: made once, not once per mention and quote.
const JOINED = new Map<string, Map<string, string>>();
function joined(where: string, what: string): string {
  let byWhat = JOINED.get(where);
  if (!byWhat) JOINED.set(where, (byWhat = new Map()));
  let name = byWhat.get(what);
  if (name === undefined) byWhat.set(what, (name = `${where}&${what}`));
  return name;
}

/**
 * An organisation under the fullest name the article gives it: a short form takes the
 * longest name that ends the same way ("the Times" → "The New York Times", "the Post"
 * → "The Washington Post"), and a name the article writes with a capital "The" keeps it.
 */
function organisationNaming(mentions: readonly OrganisationMention[]): (name: string) => string {
  const bare = (name: string) => name.replace(/^The /, "");
  const titled = new Set(mentions.filter((m) => m.name.startsWith("The ")).map((m) => bare(m.name)));
  const names = [...new Set(mentions.map((m) => bare(m.name)))].sort((a, b) => b.length - a.length);
  return (name) => {
    const own = bare(name);
    const longest = names.find((n) => n === own || n.endsWith(` ${own}`)) ?? own;
    return titled.has(longest) ? `The ${longest}` : longest;
  };
}

/**
 * Whether an organisation only qualifies a person's description: "said Ohio State
 * University professor Paul Beck", "Larkspur Bank chief economist Ana Ruiz". Its name, a
 * few lower-case words and then a person's name: the person speaks, not the body.
 */
function describesPerson(view: ParagraphView, o: OrganisationMention, personStarts: ReadonlySet<number>): boolean {
  const { tokens } = view.para;
  for (let k = o.lastToken + 1; k <= o.lastToken + 4 && k < tokens.length; k++) {
    if (personStarts.has(k)) return k > o.lastToken + 1;
    if (!/^\p{Ll}/u.test(tokens[k].text) || !["NOUN", "ADJ"].includes(tokens[k].pos)) return false;
  }
  return false;
}

/**
 * Every mention of a person, and every speaking organisation, per paragraph (outside
 * quotations), in the paragraphs some quote reads (`read[p]`). Organisations are looked for
 * in every paragraph: the fullest name the article gives one may stand anywhere.
 */
function collectSites(views: readonly ParagraphView[], people: PeopleInText, read: readonly boolean[]): Site[][] {
  const organisations = views.map((view, p) => {
    const taken = [...view.quoted];
    for (const m of people.mentions[p] ?? []) for (let k = m.candidate.firstToken; k <= m.candidate.lastToken; k++) taken[k] = true;
    return findOrganisationMentions(view.para, taken);
  });
  const fullName = organisationNaming(organisations.flat());
  return views.map((view, p) => {
    const sites: Site[] = [];
    if (!read[p]) return sites;
    for (const m of people.mentions[p] ?? []) {
      if (view.quoted[m.candidate.firstToken]) continue;
      const mention = { paragraph: p, firstToken: m.candidate.firstToken, lastToken: m.candidate.lastToken, possessive: m.candidate.possessive, modifier: m.candidate.modifier };
      sites.push(siteOf(mention, { kind: "person", person: m.person }, verbLinks(view, mention)));
    }
    const personStarts = new Set((people.mentions[p] ?? []).map((m) => m.candidate.firstToken));
    for (const o of organisations[p]) {
      if (describesPerson(view, o, personStarts)) continue;
      const mention = { paragraph: p, firstToken: o.firstToken, lastToken: o.lastToken, possessive: false, modifier: false };
      const links = verbLinks(view, mention);
      // An organisation speaks through a verb of saying, or as the subject of the sentence
      // that holds the words ("Pew found that “…”", "the board was conclusive: “…”").
      if (SPEAKING.some((k) => links.features[k]) || (links.features.sentenceSubject && o.evidence !== "lone")) {
        sites.push(siteOf(mention, { kind: "organisation", name: fullName(o.name) }, links, o.evidence));
      }
    }
    return sites.sort((a, b) => a.firstToken - b.firstToken);
  });
}

function keyOf(s: Speaker): string {
  return s.kind === "person" ? `p${s.person}` : `o${s.name.toLowerCase().replace(/^the /, "")}`;
}

/** The gender of "he said" / "said she" next to the quote, when the attribution is a pronoun. */
function pronounNear(view: ParagraphView, quote: QuoteSpan): "female" | "male" | null {
  const { tokens } = view.para;
  const open = tokenAt(view.para, quote.open);
  const close = tokenAt(view.para, quote.close);
  const s = view.para.sentences[sentenceIndex(view.para, open)];
  const e = view.para.sentences[sentenceIndex(view.para, Math.max(open, close))];
  if (!s || !e) return null;
  for (let k = s.firstToken; k <= Math.min(tokens.length - 1, e.lastToken + 4); k++) {
    if (view.quoted[k]) continue;
    const gender = pronounGender(tokens[k]);
    if (gender && (reportsAt(tokens, k + 1) || (k > 0 && reportsAt(tokens, k - 1)) || (tokens[k + 1]?.pos === "ADV" && reportsAt(tokens, k + 2)))) return gender;
  }
  return null;
}

/** The gender of the last "he"/"she" before the quote in its paragraph, outside quotations. */
function pronounBefore(view: ParagraphView, quote: QuoteSpan): "female" | "male" | null {
  for (let k = tokenAt(view.para, quote.open) - 1; k >= 0; k--) {
    const gender = view.quoted[k] ? null : pronounGender(view.para.tokens[k]);
    if (gender) return gender;
  }
  return null;
}

/** Whether a reporting verb stands outside quotation marks in the quote's sentences. */
function verbNear(view: ParagraphView, quote: QuoteSpan): boolean {
  const { tokens } = view.para;
  const open = tokenAt(view.para, quote.open);
  const close = tokenAt(view.para, quote.close);
  const s = view.para.sentences[sentenceIndex(view.para, open)];
  const e = view.para.sentences[sentenceIndex(view.para, Math.max(open, close))];
  if (!s || !e) return false;
  for (let k = s.firstToken; k <= Math.min(tokens.length - 1, e.lastToken + 6); k++) if (!view.quoted[k] && reportsAt(tokens, k)) return true;
  return false;
}

/** The placement feature a mention's other features are joined to: its paragraph, or in the quote's own, its sentence and side. */
function placementKey(site: MentionSite, quote: QuoteSpan, features: Features): string {
  if (site.paragraph !== quote.paragraph) return Object.keys(features)[0];
  return `${features.sameSentence ? "sent" : "para"}${features.before ? "Before" : "After"}`;
}

/**
 * The candidates of every quotation, in the order of `quotes`. `rulePicks` are the
 * speakers the rules of attribution.ts chose (person indexes or null).
 */
export function speakerCandidates(
  paragraphs: readonly AnalysedParagraph[],
  quotes: readonly QuoteSpan[],
  allSpans: readonly QuoteSpan[],
  people: PeopleInText,
  rulePicks: readonly { speaker: number | null; rule: AttributionRule }[],
): SpeakerCandidate[][] {
  const spansByParagraph = paragraphs.map(() => [] as QuoteSpan[]);
  for (const s of allSpans) spansByParagraph[s.paragraph].push(s);
  const views: ParagraphView[] = paragraphs.map((para, p) => ({ para, quoted: quotedMask(para, spansByParagraph[p]) }));
  const read = paragraphs.map(() => false);
  for (const quote of quotes) for (let p = Math.max(0, quote.paragraph - BEFORE); p <= Math.min(paragraphs.length - 1, quote.paragraph + AFTER); p++) read[p] = true;
  const sites = collectSites(views, people, read);

  return quotes.map((quote, qi) => {
    const view = views[quote.paragraph];
    const open = tokenAt(view.para, quote.open);
    const governing = governingVerbs(view, quote);
    const byKey = new Map<string, SpeakerCandidate & { distance: number; latest: number }>();
    const close = tokenAt(view.para, quote.close);
    const window: Site[] = [];
    for (let p = Math.max(0, quote.paragraph - BEFORE); p <= Math.min(paragraphs.length - 1, quote.paragraph + AFTER); p++) window.push(...sites[p]);
    // Only the nearest mentions are read: a speaker is named near the words, and the work per quote stays bounded.
    const reach = (s: Site) =>
      s.paragraph === quote.paragraph
        ? Math.min(Math.abs(open - s.lastToken), Math.abs(s.firstToken - close))
        : 1000 * Math.abs(s.paragraph - quote.paragraph) + (s.paragraph < quote.paragraph ? views[s.paragraph].para.tokens.length - s.lastToken : s.firstToken);
    const nearest = window.length > NEAREST_SITES ? window.map((s) => [reach(s), s] as const).sort((a, b) => a[0] - b[0]).slice(0, NEAREST_SITES).map(([, s]) => s) : window;
    {
      for (const site of nearest) {
        const p = site.paragraph;
        const { features: placed, distance } = placement(views, quote, site);
        const where = placementKey(site, quote, placed);
        // How recently before the quote the candidate was named (paragraph, token), for recency ranks.
        const latest = p < quote.paragraph || (p === quote.paragraph && site.lastToken < open) ? p * 100_000 + site.lastToken : -1;
        const candidate = byKey.get(site.key) ?? { speaker: site.speaker, features: {}, distance: Infinity, latest: -1 };
        // The mention's marks, each 1 whichever of the candidate's mentions sets it.
        const f = candidate.features;
        f[where] = 1;
        for (const link of site.linked) {
          f[joined(where, link)] = 1;
          f[link] = 1;
        }
        if (!site.speaks) f[joined(where, "unlinked")] = 1;
        // A remark left open at its paragraph's end is attributed where it goes on.
        if (quote.continues && p === quote.paragraph + 1) f[joined(where, "quoteContinuesHere")] = 1;
        if (p === quote.paragraph && governing.before >= 0 && site.verbs.includes(governing.before)) f.governsBefore = 1;
        if (p === quote.paragraph && governing.after >= 0 && site.verbs.includes(governing.after)) f.governsAfter = 1;
        if (site.evidence) f[joined("organisation", site.evidence)] = 1;
        candidate.features.mentionsNear = (candidate.features.mentionsNear ?? 0) + 1;
        if (distance < candidate.distance) {
          candidate.distance = distance;
          candidate.features.logDistance = placed.logDistance ?? Math.log1p(distance);
        }
        candidate.latest = Math.max(candidate.latest, latest);
        byKey.set(site.key, candidate);
      }
    }
    const pick = rulePicks[qi];
    if (pick.speaker !== null && !byKey.has(`p${pick.speaker}`)) {
      byKey.set(`p${pick.speaker}`, { speaker: { kind: "person", person: pick.speaker }, features: { ruleOnly: 1 }, distance: Infinity, latest: -1 });
    }
    const candidates = [...byKey.values()];
    const byRecency = candidates.filter((c) => c.latest >= 0).sort((a, b) => b.latest - a.latest);
    byRecency.slice(0, 3).forEach((c, rank) => (c.features[RECENCY[rank]] = 1));
    const byDistance = [...candidates].sort((a, b) => a.distance - b.distance);
    byDistance.slice(0, 2).forEach((c, rank) => (c.features[NEAREST[rank]] = 1));

    const pronoun = pronounNear(view, quote);
    const leadingPronoun = pronounBefore(view, quote);
    const previousPick = qi > 0 && quotes[qi - 1].paragraph >= quote.paragraph - 1 ? rulePicks[qi - 1].speaker : null;
    for (const c of candidates) {
      const f = c.features;
      if (f.mentionsNear !== undefined) f.mentionsNear = Math.log1p(f.mentionsNear);
      if (c.speaker!.kind === "organisation") {
        f.organisation = 1;
        // A body speaks less often than a person next to the same words: its own weights.
        if (!SPEAKING.some((k) => f[k])) f["organisation&subjectOnly"] = 1;
        if (f.governsBefore || f.governsAfter) f["organisation&governs"] = 1;
        continue;
      }
      const person = people.people[c.speaker!.person];
      f.person = 1;
      if (pick.speaker === c.speaker!.person) {
        f.rule = 1;
        f[joined("rule", pick.rule)] = 1;
        // The rules resolved a pronoun or a description ("he said", "the minister said") to this person.
        if (pick.rule === "explicit" && !f.governsBefore && !f.governsAfter) f["rule&explicit&described"] = 1;
      }
      if (leadingPronoun && person.gender) f[person.gender === leadingPronoun ? "paragraphPronounAgrees" : "paragraphPronounClashes"] = 1;
      if (previousPick === c.speaker!.person) f.previousRule = 1;
      f.mentionsInArticle = Math.log1p(person.mentions);
      if (person.namedInContext) f.namedInHeadline = 1;
      if (pronoun && person.gender === pronoun) f.pronounAgrees = 1;
      if (pronoun && person.gender && person.gender !== pronoun) f.pronounClashes = 1;
      if (pronoun && !person.gender) f.pronounUnknownGender = 1;
    }
    const nobody: Features = { nobody: 1 };
    if (pick.speaker === null) nobody[`nobody&rule-${pick.rule}`] = 1;
    // The rules read a verb of saying next to the words and found who it names ("said the Chilean").
    else if (pick.rule === "explicit") nobody["nobody&ruleNamedSpeaker"] = 1;
    if (!verbNear(view, quote)) nobody["nobody&noVerbNear"] = 1;
    if (!candidates.some((c) => c.features.par0)) nobody["nobody&nobodyInParagraph"] = 1;
    // A short quote with no verb of saying around it is a word held at arm's length, not a remark.
    const governed = governing.before >= 0 || governing.after >= 0;
    if (!governed) nobody["nobody&ungoverned"] = 1;
    if (!governed && quote.text.split(/\s+/).length <= 3) nobody["nobody&short&ungoverned"] = 1;
    if (pronoun) nobody["nobody&pronoun"] = 1;
    return [{ speaker: null, features: nobody }, ...candidates.map(({ speaker, features }) => ({ speaker, features }))];
  });
}
