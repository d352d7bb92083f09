// Choosing the speaker of each quotation. The rules, in the order a reader applies them:
//  1. a reporting verb right after the quote: "…," Ruiz said / "…," said Ruiz /
//     "…," agencies quoted him as saying;
//  2. the nearest reporting verb before it in the same sentence: Ruiz said the talks
//     were "useful" / Ruiz told CNN that … "…" / and said "…" (the subject of the
//     first verb carries over);
//  3. "according to Ruiz", or an inverted verb that closes the quote's sentence
//     ("… “…” …, said Ana Ruiz, the director.");
//  4. the speaker of another quotation in the same paragraph;
//  5. the person the paragraph is about, named or "he"/"she", before the quote
//     ("He was blunter about it. “…”");
//  6. the last voice of the paragraph before — a quote's speaker or a reporting
//     verb's subject ("Ruiz argues that …" / "“…”") — when nobody new is named (a
//     remark over several paragraphs).
// A verb whose subject is an institution or an unnamed source ("the ministry said",
// "officials said") gives the quote no speaker: null, and no fallback.
import { DiscourseFocus } from "./discourse-focus.js";
import type { PeopleInText, PersonMention } from "./people.js";
import type { QuoteSpan } from "./quote-spans.js";
import { isAnonymousRole } from "./role-nouns.js";
import { isCommittingVerbLemma, isQuotingVerbLemma, isSpeechVerbLemma } from "./speech-verbs.js";
import { pronounGender, subjectAfter, subjectBefore, subjectEndingAt, type ParagraphTokens, type Subject } from "./speaker-subject.js";
import { tokenAt, type AnalysedParagraph, type Token } from "./text-analysis.js";

/** How far after a closing mark the attributing verb may stand ("…," the Russian envoy told reporters). */
const POST_QUOTE_REACH = 12;

type Found = { speaker: number | null } | null;

export function isReportingVerb(t: Token): boolean {
  if (t.pos === "VERB") return isSpeechVerbLemma(t.lemma) || isQuotingVerbLemma(t.lemma);
  // Past tenses the model does not know as verbs come out as adjectives or nouns ("fumed").
  if (!/^[a-z]+ed$/.test(t.text) || !["ADJ", "NOUN"].includes(t.pos)) return false;
  return [t.text.slice(0, -1), t.text.slice(0, -2)].some((stem) => isSpeechVerbLemma(stem));
}

// Between a closing mark and its reporting verb stands only the subject: "…," the
// Russian envoy told reporters. A preposition or a clause there ("…" with Ruiz after
// he said) means the verb belongs to another statement.
const SUBJECT_PARTS = new Set(["DET", "ADJ", "PROPN", "NOUN", "PRON", "PART", "NUM", "ADV", "AUX", "PUNCT"]);

function isParticiple(t: Token): boolean {
  return /ing$/.test(t.text);
}

function buildParagraphTokens(para: AnalysedParagraph, spans: QuoteSpan[], mentions: PersonMention[]): ParagraphTokens {
  const quoted = para.tokens.map(() => false);
  let s = 0;
  para.tokens.forEach((t, i) => {
    while (s < spans.length && spans[s].close < t.start) s++;
    if (s < spans.length && spans[s].open <= t.start && t.start <= spans[s].close) quoted[i] = true;
  });
  const mentionEndingAt = new Map<number, PersonMention>();
  const mentionStartingAt = new Map<number, PersonMention>();
  for (const m of mentions) {
    mentionEndingAt.set(m.candidate.lastToken, m);
    mentionStartingAt.set(m.candidate.firstToken, m);
  }
  return { para, quoted, mentionEndingAt, mentionStartingAt };
}

/**
 * Whether the token at `i` reports speech. A reporting verb followed by an infinitive is
 * not reporting anything ("would continue to …", "is said to be"), but for a promise or a
 * threat ("vowed to “keep the pier open”"); "said to reporters" is.
 */
export function reportsAt(tokens: readonly Token[], i: number): boolean {
  if (retortsAt(tokens, i)) return true;
  return isReportingVerb(tokens[i]) && (tokens[i + 1]?.text.toLowerCase() !== "to" || isCommittingVerbLemma(tokens[i].lemma) || !isInfinitive(tokens[i + 2]));
}

/** Whether the word after "to" makes it an infinitive ("said to be") rather than a preposition ("said to reporters", "said to cheers"). */
function isInfinitive(t: Token | undefined): boolean {
  // A base form takes no -s: "to cheers", "to jeers" are nouns the tagger took for verbs.
  return t === undefined || (["VERB", "AUX", "ADV", "PART"].includes(t.pos) && !/[^su]s$/i.test(t.text));
}

// Verbs that report a reply only with their particle: "Ruiz shot back", "fired back",
// "chimed in". Read by their forms: the tagger takes "shot" for a noun as often as not.
const RETORTS = /^(?:(?:shoots?|shot|fire[sd]?|hits?|push(?:es|ed)?) back|chime[sd]? in)$/i;

/** Whether the token at `i` is a verb of retort with its particle: "shot back, “…”". */
function retortsAt(tokens: readonly Token[], i: number): boolean {
  return tokens[i] !== undefined && tokens[i + 1] !== undefined && RETORTS.test(`${tokens[i].text} ${tokens[i + 1].text}`);
}

/** Index of the sentence holding a token (the last sentence when the token is past the end). */
function sentenceOf(para: AnalysedParagraph, token: number): number {
  let lo = 0, hi = para.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (para.sentences[mid].firstToken <= token) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each position, the nearest entry (by index distance) that has a speaker, found in two sweeps. */
function nearestNamedSpeaker(explicit: (number | null | undefined)[]): (number | null)[] {
  const n = explicit.length;
  const left: Array<[number, number] | null> = new Array(n).fill(null);
  const right: Array<[number, number] | null> = new Array(n).fill(null);
  for (let i = 0, last: [number, number] | null = null; i < n; i++) {
    left[i] = last;
    if (explicit[i] != null) last = [i, explicit[i]!];
  }
  for (let i = n - 1, last: [number, number] | null = null; i >= 0; i--) {
    right[i] = last;
    if (explicit[i] != null) last = [i, explicit[i]!];
  }
  return explicit.map((_, i) => {
    const l = left[i], r = right[i];
    if (l && (!r || i - l[0] <= r[0] - i)) return l[1];
    return r ? r[1] : null;
  });
}

interface Attributor {
  ctx: ParagraphTokens;
  focus: DiscourseFocus;
  /** The first person named in the next paragraph, for a description that precedes its name. */
  nextNamed: number | null;
}

function resolve(subject: Subject | null, a: Attributor): Found {
  if (!subject) return null;
  switch (subject.kind) {
    case "person":
      return { speaker: subject.person };
    case "pronoun":
      return { speaker: a.focus.resolvePronoun(subject.gender) ?? a.nextNamed };
    case "they":
      return { speaker: a.focus.resolveThey() };
    case "role": {
      if (!subject.definite) return { speaker: null };
      const holder = a.focus.resolveRole(subject.role, subject.modifiers);
      if (holder !== null) return { speaker: holder };
      // "the Egyptian striker", when nobody was introduced as a striker: the epithet decides.
      // "the 52-year-old woman" is someone unnamed unless the text gave a named person that age.
      const anonymous = isAnonymousRole(subject.role);
      const described = subject.epithet ? a.focus.resolveEpithet(subject.epithet, anonymous) : null;
      if (described !== null || anonymous) return { speaker: described };
      // "The most senior official to visit … said" in a lede names the person only in
      // the next paragraph; elsewhere a description ("the technician") is the person in focus.
      return { speaker: a.focus.current ?? a.nextNamed };
    }
    case "epithet":
      return { speaker: a.focus.resolveEpithet(subject) };
    case "other":
      return { speaker: null };
  }
}

// What a person issues to speak without speaking: "released a statement saying …".
const MESSAGES = new Set(["statement", "tweet", "letter", "release", "message", "post", "email", "e-mail", "memo", "note", "response", "remark", "op-ed", "editorial", "column", "essay", "video"]);

/** "agencies quoted him as saying": the quoted person is the verb's object. */
function quotedObject(a: Attributor, verb: number): Subject | null {
  const { tokens } = a.ctx.para;
  if (tokens[verb + 2]?.text.toLowerCase() !== "as") return null;
  const mention = a.ctx.mentionEndingAt.get(verb + 1);
  if (mention) return { kind: "person", person: mention.person };
  const gender = pronounGender(tokens[verb + 1]);
  return gender ? { kind: "pronoun", gender } : null;
}

/** The finite verb a participle hangs on: "Peck backed her boss, writing …" → "backed". */
function mainVerbBefore(a: Attributor, from: number, floor: number): number {
  for (let k = from; k >= floor; k--) {
    const t = a.ctx.para.tokens[k];
    if (!a.ctx.quoted[k] && t.pos === "VERB" && !isParticiple(t)) return k;
  }
  return -1;
}

function subjectOfVerb(a: Attributor, verb: number, floor: number): Subject | null {
  const { tokens } = a.ctx.para;
  if (isQuotingVerbLemma(tokens[verb].lemma)) {
    const object = quotedObject(a, verb);
    if (object) return object;
  }
  // "quoted him as saying …": the speaker is the quoting verb's object.
  if (tokens[verb - 1]?.text.toLowerCase() === "as" && verb - 3 >= floor && isQuotingVerbLemma(tokens[verb - 3].lemma)) {
    const object = quotedObject(a, verb - 3);
    if (object) return object;
  }
  // "He went on to say …", "she was quick to add …": the infinitive shares the subject of the verb it completes.
  if (tokens[verb - 1]?.text.toLowerCase() === "to" && !a.ctx.quoted[verb - 1]) {
    let k = verb - 2;
    while (k >= floor && !a.ctx.quoted[k] && ["ADV", "ADP", "ADJ"].includes(tokens[k].pos)) k--;
    if (k >= floor && !a.ctx.quoted[k] && (tokens[k].pos === "VERB" || tokens[k].pos === "AUX")) return subjectBefore(a.ctx, k, floor);
  }
  let j = verb - 1;
  while (j >= floor && tokens[j].pos === "ADV") j--;
  // "… said X, but acknowledged …": the subject of the earlier reporting verb carries over.
  if (j >= floor && tokens[j].pos === "CCONJ") {
    for (let k = j - 1; k >= floor; k--) {
      if (!a.ctx.quoted[k] && reportsAt(tokens, k)) return subjectOfVerb(a, k, floor);
    }
    return null;
  }
  // "Peck backed her boss, writing on Instagram: …": the participle shares the main verb's subject.
  if (j >= floor && tokens[j].text === "," && isParticiple(tokens[verb])) {
    // "He declined to name the companies involved, saying …": a verb inside the object
    // ("involved") has a thing for subject; the main verb is further back.
    let first: Subject | null = null;
    for (let main = mainVerbBefore(a, j - 1, floor); main >= 0; main = mainVerbBefore(a, main - 1, floor)) {
      const subject = subjectBefore(a.ctx, main, floor);
      first ??= subject;
      if (subject && subject.kind !== "other") return subject;
    }
    return first ?? subjectBefore(a.ctx, verb, floor);
  }
  // "Lake responded by calling Ruiz “reckless”", "… after saying …": a participle after a
  // preposition shares the subject of the verb the phrase hangs on.
  if (j >= floor && isParticiple(tokens[verb]) && /^(?:by|after|before|while|when|without|since)$/i.test(tokens[j].text)) {
    const main = mainVerbBefore(a, j - 1, floor);
    if (main >= 0) return subjectBefore(a.ctx, main, floor);
  }
  // "She released a statement saying …", "Ruiz sent a letter warning …": the words are those
  // of whoever issued the statement, the subject of the verb before it.
  if (j >= floor && isParticiple(tokens[verb]) && tokens[j].pos === "NOUN" && MESSAGES.has(tokens[j].lemma.toLowerCase())) {
    const main = mainVerbBefore(a, j - 1, floor);
    if (main >= 0) return subjectBefore(a.ctx, main, floor);
  }
  return subjectBefore(a.ctx, verb, floor);
}

/** How long an appositive between a speaker and the verb may run ("…," Ruiz, chief executive of X, told …). */
const APPOSITIVE_REACH = 20;

/**
 * '"…," Ana Ruiz, chief executive of Larkspur Lines, told the Post': a named person,
 * an appositive set off by commas, then the reporting verb. The comma at `comma` follows the name.
 */
function speakerBeforeAppositive(a: Attributor, comma: number, ceiling: number): Found {
  const { tokens } = a.ctx.para;
  const mention = a.ctx.mentionEndingAt.get(comma - 1);
  if (!mention) return null;
  for (let k = comma + 1; k <= ceiling && k <= comma + APPOSITIVE_REACH; k++) {
    if (a.ctx.quoted[k] || /^[.;:!?]$/.test(tokens[k].text)) return null;
    if (tokens[k].text !== ",") continue;
    let verb = k + 1;
    while (verb <= ceiling && tokens[verb].pos === "ADV") verb++;
    return verb <= ceiling && reportsAt(tokens, verb) && !isParticiple(tokens[verb]) ? { speaker: mention.person } : null;
  }
  return null;
}

/** Rule 1: the verb and subject right after the closing mark. */
function afterQuote(a: Attributor, quote: QuoteSpan, ceiling: number): Found {
  const { tokens } = a.ctx.para;
  let t = tokenAt(a.ctx.para, quote.close + 1);
  while (t <= ceiling && /^[,”"’'—–-]$/.test(tokens[t].text)) t++;
  const first = t;
  for (; t <= ceiling && t < first + POST_QUOTE_REACH; t++) {
    // A full stop glued inside an abbreviation ("D-N.M.") ends nothing.
    const glued = tokens[t].text === "." && tokens[t - 1]?.end === tokens[t].start && tokens[t + 1]?.start === tokens[t].end;
    if (a.ctx.quoted[t] || (/^[.;:!?]$/.test(tokens[t].text) && !glued)) return null;
    const described = tokens[t].text === "," ? speakerBeforeAppositive(a, t, ceiling) : null;
    if (described) return described;
    if (!reportsAt(tokens, t)) {
      if (!SUBJECT_PARTS.has(tokens[t].pos)) return null;
      continue;
    }
    if (t === first) return isParticiple(tokens[t]) ? null : resolve(subjectAfter(a.ctx, t, ceiling), a);
    return resolve(subjectOfVerb(a, t, first), a);
  }
  return null;
}

/** Rule 2: the nearest reporting verb before the opening mark, in the same sentence. */
function beforeQuote(a: Attributor, quote: QuoteSpan, floor: number): Found {
  const { tokens } = a.ctx.para;
  for (let t = tokenAt(a.ctx.para, quote.open) - 1; t >= floor; t--) {
    if (a.ctx.quoted[t] || !reportsAt(tokens, t)) continue;
    // A participle inside an appositive ("Ruiz, speaking to reporters, said") is not the main
    // verb; one whose phrase opens the quote ("…, saying, “…”", "…, telling Reuters, “…”") is.
    const between = tokens.slice(t + 1, tokenAt(a.ctx.para, quote.open));
    if (isParticiple(tokens[t]) && tokens[t - 1]?.text === "," && between.some((x) => x.text === ",") && between.some((x) => x.pos === "VERB" || x.pos === "AUX")) continue;
    return resolve(subjectOfVerb(a, t, floor), a);
  }
  return null;
}

/** Rule 3: "according to Ruiz" anywhere in the sentence. */
function accordingTo(a: Attributor, floor: number, ceiling: number): Found {
  const { tokens } = a.ctx.para;
  for (let t = floor; t < ceiling; t++) {
    if (a.ctx.quoted[t] || tokens[t].text.toLowerCase() !== "according" || tokens[t + 1]?.text !== "to") continue;
    const mention = a.ctx.mentionStartingAt.get(t + 2);
    if (mention) return { speaker: mention.person };
    let end = t + 2;
    while (end + 1 <= ceiling && !a.ctx.quoted[end + 1] && !/^[,.;:]$/.test(tokens[end + 1].text)) end++;
    return resolve(subjectEndingAt(a.ctx, end, t + 2), a);
  }
  return null;
}

/** How far back from a sentence's end rule 3b looks for its verb. */
const CLOSING_REACH = 30;

/**
 * Rule 3b: an inverted verb of saying that closes the sentence holding the quote gives
 * the whole sentence to its subject, however far back the quote stands: 'The audit found
 * “no payments of note,” apart from …, said the agency's head, Ana Ruiz.'
 */
function sentenceClosingVerb(a: Attributor, quote: QuoteSpan, sentence: { lastToken: number }): Found {
  const { tokens } = a.ctx.para;
  // The verb stands among the sentence's last words: a bounded read, whatever the sentence's length.
  const from = Math.max(tokenAt(a.ctx.para, quote.close), sentence.lastToken - CLOSING_REACH);
  for (let t = sentence.lastToken; t > from; t--) {
    if (a.ctx.quoted[t]) return null;
    if (tokens[t - 1]?.text !== "," || !reportsAt(tokens, t) || isParticiple(tokens[t]) || !INVERTED_VERBS.has(tokens[t].lemma.toLowerCase())) continue;
    const subject = subjectAfter(a.ctx, t, sentence.lastToken);
    return subject?.kind === "person" ? resolve(subject, a) : null;
  }
  return null;
}

/** Picks the speaker from the rules of one quotation: a person beats an explicit "nobody". */
function explicitSpeaker(a: Attributor, quote: QuoteSpan): Found {
  const para = a.ctx.para;
  const openSentence = para.sentences[sentenceOf(para, tokenAt(para, quote.open))];
  const closeSentence = para.sentences[sentenceOf(para, Math.max(0, tokenAt(para, quote.close) - (quote.close >= para.text.length ? 1 : 0)))];
  if (!openSentence || !closeSentence) return null;
  // '“Is that a yes?” Ocampo asked.': after a closing ? ! or . the attribution may be
  // read by the sentence splitter as a sentence of its own.
  // Only for a quote that is a sentence of its own: after "Ruiz said the plan was
  // “dead.”" the next sentence is a new statement.
  const following = para.sentences[para.sentences.indexOf(closeSentence) + 1];
  const standsAlone = para.tokens[openSentence.firstToken].start >= quote.open && para.tokens[closeSentence.lastToken].end <= quote.close + 1;
  const ceiling = standsAlone && /[.?!]$/.test(quote.text) && following ? following.lastToken : closeSentence.lastToken;
  const found = [
    afterQuote(a, quote, ceiling),
    beforeQuote(a, quote, openSentence.firstToken),
    accordingTo(a, openSentence.firstToken, closeSentence.lastToken),
    sentenceClosingVerb(a, quote, closeSentence),
  ].filter((f): f is { speaker: number | null } => f !== null);
  return found.find((f) => f.speaker !== null) ?? found[0] ?? null;
}

interface SentenceOutcome {
  /** The person the sentence is about (its subject), if it names or refers to one. */
  subject: number | null;
  /** The person a reporting verb of the sentence gives voice to, if any. */
  voice: number | null;
}

// Verbs of saying that news writing inverts after a paraphrase ("…, said Ana Holt.") and
// whose object is never the speaker's listener.
const INVERTED_VERBS = new Set(["say", "add", "write", "note", "explain", "observe", "recall", "argue", "insist", "continue", "conclude", "remark", "reply", "respond"]);

/** Moves the focus after a sentence: to its speaker, to its subject (named or "he"/"she"), or leaves it. */
function updateFocus(a: Attributor, sentence: { firstToken: number; lastToken: number }, mentions: PersonMention[], speakers: number[]): SentenceOutcome {
  const { tokens } = a.ctx.para;
  const inSentence = mentions.filter((m) => m.candidate.firstToken >= sentence.firstToken && m.candidate.lastToken <= sentence.lastToken && !a.ctx.quoted[m.candidate.firstToken]);
  for (const m of inSentence) a.focus.mentioned(m.person);
  if (speakers.length) {
    const speaker = speakers[speakers.length - 1];
    a.focus.focusOn(speaker);
    return { subject: speaker, voice: speaker };
  }
  for (let t = sentence.firstToken; t <= sentence.lastToken; t++) {
    if (a.ctx.quoted[t] || !reportsAt(tokens, t) || isParticiple(tokens[t])) continue;
    // "… bridges to Ruiz, said Ana Holt, a strategist.": after a comma a verb that takes
    // no person for object is inverted, and the speaker is the name that follows it. Other
    // verbs keep their subject before the comma: "Holt, a former chairman, mocked Price".
    const inverted = tokens[t - 1]?.text === "," && INVERTED_VERBS.has(tokens[t].lemma.toLowerCase()) ? subjectAfter(a.ctx, t, sentence.lastToken) : null;
    const found = resolve(inverted?.kind === "person" ? inverted : subjectOfVerb(a, t, sentence.firstToken), a);
    if (found?.speaker != null) {
      a.focus.focusOn(found.speaker);
      return { subject: found.speaker, voice: found.speaker };
    }
    break;
  }
  const opening = tokens[skipIntroduction(a, sentence.firstToken, sentence.lastToken)];
  const gender = pronounGender(opening);
  if (gender) {
    // "He is scathing about the regulator.": the pronoun's referent is the subject.
    const referent = a.focus.resolvePronoun(gender);
    if (referent !== null) a.focus.focusOn(referent);
    return { subject: referent, voice: null };
  }
  const subject = inSentence.find((m) => !m.candidate.modifier && tokens[m.candidate.firstToken - 1]?.pos !== "ADP");
  if (subject) a.focus.focusOn(subject.person);
  return { subject: subject?.person ?? null, voice: null };
}

/** Skips an opening adverbial ("Asked what would happen, he …", "In his turn, …") to the clause's first word. */
function skipIntroduction(a: Attributor, first: number, last: number): number {
  const { tokens } = a.ctx.para;
  if (pronounGender(tokens[first])) return first;
  for (let t = first; t < Math.min(last, first + 25); t++) {
    if (a.ctx.quoted[t]) return first;
    if (tokens[t].text === ",") return t + 1 <= last ? t + 1 : first;
  }
  return first;
}

type Voice = { person: number; paragraph: number } | null;

/** Rule 6: nobody new is named before the quote in this paragraph (outside quotations), except perhaps the voice itself. */
function nobodyElseNamed(a: Attributor, mentions: PersonMention[], before: number, person: number): boolean {
  return mentions.every((m) => m.candidate.start >= before || a.ctx.quoted[m.candidate.firstToken] || m.person === person);
}

/**
 * The speaker (an index into people.people, or null) of every quotation, in the
 * order of `quotes`. `paragraphs` are the analysed body paragraphs the spans refer
 * to; `allSpans` includes non-remarks (titles, scare quotes), which are masked too.
 */
export function attributeQuotes(paragraphs: readonly AnalysedParagraph[], quotes: readonly QuoteSpan[], people: PeopleInText, allSpans: readonly QuoteSpan[] = quotes): (number | null)[] {
  return attributeQuotesWithRules(paragraphs, quotes, people, allSpans).map((r) => r.speaker);
}

/** Which rule chose a quote's speaker (see the top of this file); "explicit" covers rules 1–3. */
export type AttributionRule = "explicit" | "nearby" | "subject" | "voice" | "continued" | "none";

/** attributeQuotes, with the rule that decided each quote: a "nobody" from rules 1–3 is an explicit institution or unnamed source. */
export function attributeQuotesWithRules(
  paragraphs: readonly AnalysedParagraph[],
  quotes: readonly QuoteSpan[],
  people: PeopleInText,
  allSpans: readonly QuoteSpan[] = quotes,
): { speaker: number | null; rule: AttributionRule }[] {
  const focus = new DiscourseFocus(people.people);
  const speakers: (number | null)[] = quotes.map(() => null);
  const rules: AttributionRule[] = quotes.map(() => "none");
  const quotesByParagraph = paragraphs.map(() => [] as number[]);
  quotes.forEach((q, i) => quotesByParagraph[q.paragraph].push(i));
  const spansByParagraph = paragraphs.map(() => [] as QuoteSpan[]);
  for (const s of allSpans) spansByParagraph[s.paragraph].push(s);

  // The last person given a voice: a quote's speaker or a reporting verb's subject ("Ruiz argues that …").
  let voice: Voice = null;
  paragraphs.forEach((para, p) => {
    const mentions = people.mentions[p];
    const nextNamed = people.mentions[p + 1]?.find((m) => !m.candidate.modifier)?.person ?? null;
    const a: Attributor = { ctx: buildParagraphTokens(para, spansByParagraph[p], mentions), focus, nextNamed };
    const here = quotesByParagraph[p]; // in text order
    const explicit: (number | null | undefined)[] = here.map(() => undefined); // undefined: no rule applied
    const subjectBeforeQuote: (number | null)[] = here.map(() => null);
    const voiceBefore: Voice[] = here.map(() => voice);

    let next = 0;
    let paragraphSubject: number | null = null;
    for (const sentence of para.sentences) {
      const sentenceSpeakers: number[] = [];
      for (; next < here.length && quotes[here[next]].open <= sentence.end; next++) {
        subjectBeforeQuote[next] = paragraphSubject;
        voiceBefore[next] = voice;
        const found = explicitSpeaker(a, quotes[here[next]]);
        if (!found) continue;
        explicit[next] = found.speaker;
        if (found.speaker !== null) sentenceSpeakers.push(found.speaker);
      }
      const outcome = updateFocus(a, sentence, mentions, sentenceSpeakers);
      if (outcome.subject !== null) paragraphSubject = outcome.subject;
      if (outcome.voice !== null) voice = { person: outcome.voice, paragraph: p };
    }
    for (; next < here.length; next++) voiceBefore[next] = voice; // paragraphs too long to analyse

    const nearest = nearestNamedSpeaker(explicit);
    let previousSpeaker: Voice = null;
    here.forEach((qi, k) => {
      const q = quotes[qi];
      const heard = previousSpeaker ?? voiceBefore[k];
      if (explicit[k] !== undefined) {
        speakers[qi] = explicit[k]!;
        rules[qi] = "explicit";
      } else if (nearest[k] !== null) {
        // Rule 4: another quotation of this paragraph names its speaker.
        speakers[qi] = nearest[k];
        rules[qi] = "nearby";
      } else if (subjectBeforeQuote[k] !== null) {
        // Rule 5: the paragraph is about someone ("He was blunter. “…”"), and the quote is theirs.
        speakers[qi] = subjectBeforeQuote[k];
        rules[qi] = "subject";
      } else if (heard && (heard.paragraph >= p - 1 || q.continued) && nobodyElseNamed(a, mentions, q.open, heard.person)) {
        // Rule 6: the voice of the paragraph before goes on ("Ruiz argues that …" / "“…”").
        speakers[qi] = heard.person;
        rules[qi] = "voice";
      }
      if (speakers[qi] !== null) previousSpeaker = { person: speakers[qi]!, paragraph: p };
      if (speakers[qi] !== null) voice = { person: speakers[qi]!, paragraph: p };
    });
  });
  // Rule 7: a quotation left open at the end of its paragraph runs on into the next,
  // where the attribution usually stands ("“… uncertainty. / “Give us …,” Dr Ruiz said.").
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i], next = quotes[i + 1];
    if (speakers[i] === null && speakers[i + 1] !== null && q.continues && next.continued && next.paragraph === q.paragraph + 1) {
      speakers[i] = speakers[i + 1];
      rules[i] = "continued";
    }
  }
  return speakers.map((speaker, i) => ({ speaker, rule: rules[i] }));
}
