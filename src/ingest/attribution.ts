// Choosing the speaker of each quotation. The rules, in the order a reader applies them:
//  1. a reporting verb right after the quote: "…," Ruiz said / "…," said Ruiz /
//     "…," agencies quoted him as saying;
//  2. the nearest reporting verb before it in the same sentence: Ruiz said the talks
//     were "useful" / Ruiz told CNN that … "…" / and said "…" (the subject of the
//     first verb carries over);
//  3. "according to Ruiz";
//  4. the speaker of another quotation in the same paragraph;
//  5. the speaker of the quotation just before, when the paragraph goes on quoting
//     without naming anyone new (a remark over several paragraphs).
// A verb whose subject is an institution or an unnamed source ("the ministry said",
// "officials said") gives the quote no speaker: null, and no fallback.
import { DiscourseFocus } from "./discourse-focus.js";
import type { PeopleInText, PersonMention } from "./people.js";
import type { QuoteSpan } from "./quote-spans.js";
import { isQuotingVerbLemma, isSpeechVerbLemma } from "./speech-verbs.js";
import { pronounGender, subjectAfter, subjectBefore, subjectEndingAt, type ParagraphTokens, type Subject } from "./speaker-subject.js";
import type { AnalysedParagraph, Token } from "./text-analysis.js";

/** How far after a closing mark the attributing verb may stand ("…," the Russian envoy told reporters). */
const POST_QUOTE_REACH = 8;

type Found = { speaker: number | null } | null;

function isSpeechVerb(t: Token): boolean {
  return (t.pos === "VERB" || t.pos === "NOUN" && /ed$/.test(t.text)) && (isSpeechVerbLemma(t.lemma) || isQuotingVerbLemma(t.lemma));
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

/** Index of the first token at or after a character offset. */
function tokenAt(para: AnalysedParagraph, offset: number): number {
  let lo = 0, hi = para.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (para.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    case "role": {
      if (!subject.definite) return { speaker: null };
      // "The most senior official to visit … said" in a lede names the person only in the next paragraph.
      return { speaker: a.focus.resolveRole(subject.role) ?? a.focus.current ?? a.nextNamed };
    }
    case "other":
      return { speaker: null };
  }
}

/** "agencies quoted him as saying": the quoted person is the verb's object. */
function quotedObject(a: Attributor, verb: number): Subject | null {
  const { tokens } = a.ctx.para;
  if (tokens[verb + 2]?.text.toLowerCase() !== "as") return null;
  const mention = a.ctx.mentionEndingAt.get(verb + 1);
  if (mention) return { kind: "person", person: mention.person };
  const gender = pronounGender(tokens[verb + 1]);
  return gender ? { kind: "pronoun", gender } : null;
}

function subjectOfVerb(a: Attributor, verb: number, floor: number): Subject | null {
  const { tokens } = a.ctx.para;
  if (isQuotingVerbLemma(tokens[verb].lemma)) {
    const object = quotedObject(a, verb);
    if (object) return object;
  }
  let j = verb - 1;
  while (j >= floor && tokens[j].pos === "ADV") j--;
  // "… said X, but acknowledged …" / "…, adding …": the subject of the earlier verb carries over.
  const coordinated = j >= floor && (tokens[j].pos === "CCONJ" || (tokens[j].text === "," && isParticiple(tokens[verb])));
  if (coordinated) {
    for (let k = j - 1; k >= floor; k--) {
      if (!a.ctx.quoted[k] && isSpeechVerb(tokens[k])) return subjectOfVerb(a, k, floor);
    }
    return null;
  }
  return subjectBefore(a.ctx, verb, floor);
}

/** Rule 1: the verb and subject right after the closing mark. */
function afterQuote(a: Attributor, quote: QuoteSpan, ceiling: number): Found {
  const { tokens } = a.ctx.para;
  let t = tokenAt(a.ctx.para, quote.close + 1);
  while (t <= ceiling && /^[,”"’'—–-]$/.test(tokens[t].text)) t++;
  const first = t;
  for (; t <= ceiling && t < first + POST_QUOTE_REACH; t++) {
    if (a.ctx.quoted[t] || /^[.;:!?]$/.test(tokens[t].text)) return null;
    if (!isSpeechVerb(tokens[t])) {
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
    if (a.ctx.quoted[t] || !isSpeechVerb(tokens[t])) continue;
    // A participle in an appositive ("Ruiz, speaking to reporters,") is not the main verb.
    if (isParticiple(tokens[t]) && tokens[t - 1]?.text === ",") continue;
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

/** Picks the speaker from the rules of one quotation: a person beats an explicit "nobody". */
function explicitSpeaker(a: Attributor, quote: QuoteSpan): Found {
  const para = a.ctx.para;
  const openSentence = para.sentences[sentenceOf(para, tokenAt(para, quote.open))];
  const closeSentence = para.sentences[sentenceOf(para, Math.max(0, tokenAt(para, quote.close) - (quote.close >= para.text.length ? 1 : 0)))];
  if (!openSentence || !closeSentence) return null;
  const found = [
    afterQuote(a, quote, closeSentence.lastToken),
    beforeQuote(a, quote, openSentence.firstToken),
    accordingTo(a, openSentence.firstToken, closeSentence.lastToken),
  ].filter((f): f is { speaker: number | null } => f !== null);
  return found.find((f) => f.speaker !== null) ?? found[0] ?? null;
}

/** Moves the focus after a sentence: to its speaker, to its named subject, or (for "he …") nowhere. */
function updateFocus(a: Attributor, sentence: { firstToken: number; lastToken: number }, mentions: PersonMention[], speakers: number[]): void {
  const { tokens } = a.ctx.para;
  const inSentence = mentions.filter((m) => m.candidate.firstToken >= sentence.firstToken && m.candidate.lastToken <= sentence.lastToken && !a.ctx.quoted[m.candidate.firstToken]);
  for (const m of inSentence) a.focus.mentioned(m.person);
  if (speakers.length) return a.focus.focusOn(speakers[speakers.length - 1]);
  for (let t = sentence.firstToken; t <= sentence.lastToken; t++) {
    if (a.ctx.quoted[t] || !isSpeechVerb(tokens[t]) || isParticiple(tokens[t])) continue;
    const subject = subjectOfVerb(a, t, sentence.firstToken);
    if (subject?.kind === "person") return a.focus.focusOn(subject.person);
    if (subject) return; // "he said …", "officials said …": the focus stays where it was
  }
  if (pronounGender(tokens[sentence.firstToken])) return;
  const subject = inSentence.find((m) => !m.candidate.modifier && tokens[m.candidate.firstToken - 1]?.pos !== "ADP");
  if (subject) a.focus.focusOn(subject.person);
}

type LastSpeaker = { person: number | null; paragraph: number } | null;

function continuesRemark(last: LastSpeaker, p: number, q: QuoteSpan, mentions: PersonMention[], a: Attributor): boolean {
  if (!last || last.person === null) return false;
  if (last.paragraph !== p - 1 && last.paragraph !== p && !q.continued) return false;
  return mentions.every((m) => m.candidate.start >= q.open || a.ctx.quoted[m.candidate.firstToken] || m.person === last.person);
}

/**
 * The speaker (an index into people.people, or null) of every quotation, in the
 * order of `quotes`. `paragraphs` are the analysed body paragraphs the spans refer to.
 */
export function attributeQuotes(paragraphs: readonly AnalysedParagraph[], quotes: readonly QuoteSpan[], people: PeopleInText, allSpans: readonly QuoteSpan[] = quotes): (number | null)[] {
  const focus = new DiscourseFocus(people.people);
  const speakers: (number | null)[] = quotes.map(() => null);
  const quotesByParagraph = paragraphs.map(() => [] as number[]);
  quotes.forEach((q, i) => quotesByParagraph[q.paragraph].push(i));
  const spansByParagraph = paragraphs.map(() => [] as QuoteSpan[]);
  for (const s of allSpans) spansByParagraph[s.paragraph].push(s);

  let lastSpeaker: LastSpeaker = null;
  paragraphs.forEach((para, p) => {
    const mentions = people.mentions[p];
    const nextNamed = people.mentions[p + 1]?.find((m) => !m.candidate.modifier)?.person ?? null;
    const a: Attributor = { ctx: buildParagraphTokens(para, spansByParagraph[p], mentions), focus, nextNamed };
    const here = quotesByParagraph[p]; // in text order
    const explicit: (number | null | undefined)[] = here.map(() => undefined); // undefined: no rule applied

    let next = 0;
    for (const sentence of para.sentences) {
      const sentenceSpeakers: number[] = [];
      for (; next < here.length && quotes[here[next]].open <= sentence.end; next++) {
        const found = explicitSpeaker(a, quotes[here[next]]);
        if (!found) continue;
        explicit[next] = found.speaker;
        if (found.speaker !== null) sentenceSpeakers.push(found.speaker);
      }
      updateFocus(a, sentence, mentions, sentenceSpeakers);
    }

    const nearest = nearestNamedSpeaker(explicit);
    here.forEach((qi, k) => {
      const q = quotes[qi];
      if (explicit[k] !== undefined) {
        speakers[qi] = explicit[k]!;
      } else if (nearest[k] !== null) {
        // Rule 4: another quotation of this paragraph names its speaker.
        speakers[qi] = nearest[k];
      } else if (continuesRemark(lastSpeaker, p, q, mentions, a)) {
        // Rule 5: the remark goes on from the previous paragraph's speaker, nobody new named.
        speakers[qi] = lastSpeaker!.person;
      }
      lastSpeaker = { person: speakers[qi], paragraph: p };
    });
  });
  return speakers;
}
