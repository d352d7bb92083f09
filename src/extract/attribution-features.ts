// What the ranker knows about one speaker candidate of one quotation: where the
// candidate's mention stands relative to the quote (paragraphs and words away, before
// or after, same sentence), what stands next to it (a reporting verb, a colon, a
// comma-set appositive), what the rules of attribution.ts chose, and who spoke last.
// Features are named numbers; the weights that make them a score are learned on
// PolNeAR's train/ articles by scripts/train-attribution.ts.
import { reportsAt } from "./attribution.js";
import type { QuoteSpan } from "./quote-spans.js";
import { isRoleNoun, isTitleWord } from "./role-nouns.js";
import { tokenAt, type AnalysedParagraph, type Token } from "./text-analysis.js";

export type Features = Record<string, number>;

/** Where a candidate is written: a paragraph and the tokens its name covers. */
export interface MentionSite {
  paragraph: number;
  firstToken: number;
  lastToken: number;
  possessive: boolean;
  modifier: boolean;
}

/** A paragraph with the tokens that lie inside quotation marks. */
export interface ParagraphView {
  para: AnalysedParagraph;
  quoted: boolean[];
}

/** Index of the sentence holding a token. */
export function sentenceIndex(para: AnalysedParagraph, token: number): number {
  let lo = 0, hi = para.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (para.sentences[mid].firstToken <= token) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

const SKIP_TO_VERB = new Set(["ADV", "AUX", "PART"]);
// Verbs whose object is the one spoken to, not the speaker: "Ruiz told Lake", "asked Lake".
const ADDRESSING = new Set(["tell", "ask", "inform", "thank", "urge", "warn", "assure", "advise", "remind", "question", "quote", "cite"]);

// Verbs of ADDRESSING that always take the one addressed for object, so never invert.
const NEVER_INVERTED = new Set(["tell", "inform", "thank", "assure", "advise", "remind", "quote", "cite"]);

function reports(view: ParagraphView, i: number): boolean {
  return i >= 0 && i < view.para.tokens.length && !view.quoted[i] && reportsAt(view.para.tokens, i);
}

/** The token after a bracketed aside ("Ruiz (D-Calif.) said") or adverbs, from `from`. */
function skipAsides(tokens: readonly Token[], from: number): number {
  let k = from;
  for (let guard = 0; guard < 3 && tokens[k]?.text === "("; guard++) {
    const close = tokens.findIndex((t, j) => j > k && j < k + 10 && t.text === ")");
    if (close < 0) break;
    k = close + 1;
  }
  while (tokens[k] && SKIP_TO_VERB.has(tokens[k].pos) && tokens[k].text !== "to") k++;
  return k;
}

const AFFILIATING = new Set(["of", "at", "from", "with"]);
const AFFILIATION_REACH = 8;

/**
 * The token after the employer or place written between a name and its verb ("Ruiz of
 * the Larkspur Institute said", "Ruiz of Vistula Freight told"): a preposition, perhaps
 * "the", and capitalised words. `from` itself when no such phrase starts there.
 */
function afterAffiliation(view: ParagraphView, from: number): number {
  const { tokens } = view.para;
  if (!AFFILIATING.has(tokens[from]?.text ?? "")) return from;
  let k = from + 1;
  if (tokens[k]?.text.toLowerCase() === "the") k++;
  const first = k;
  while (k < tokens.length && k - from <= AFFILIATION_REACH && !view.quoted[k] && (/^\p{Lu}/u.test(tokens[k].text) || (k > first && /^(?:of|for|and|&|['’]s)$/.test(tokens[k].text)))) k++;
  return k > first && /^\p{Lu}/u.test(tokens[k - 1].text) ? k : from;
}

/**
 * How the words around a mention tie it to speech: "X said", "said X", "X, the …, said",
 * "X: ". `verbs` are the reporting verbs the mention is the subject of.
 */
export function verbLinks(view: ParagraphView, m: MentionSite): { features: Features; verbs: number[] } {
  const { tokens } = view.para;
  const f: Features = {};
  const verbs: number[] = [];
  let right = skipAsides(tokens, m.lastToken + 1);
  if (!reports(view, right)) right = skipAsides(tokens, afterAffiliation(view, right));
  if (reports(view, right)) {
    f.verbRight = 1;
    verbs.push(right);
  }
  if (tokens[m.lastToken + 1]?.text === ",") {
    // An appositive up to the next comma: "Ruiz, the port's director, said".
    for (let k = m.lastToken + 2; k < Math.min(tokens.length, m.lastToken + 25); k++) {
      if (view.quoted[k] || /^[.;:!?]$/.test(tokens[k].text)) break;
      if (tokens[k].text === ",") {
        const verb = skipAsides(tokens, k + 1);
        if (reports(view, verb)) {
          f.verbAfterAppositive = 1;
          verbs.push(verb);
        }
        break;
      }
    }
  }
  // "said Gov. Ana Ruiz": titles and honorifics between the verb and the name.
  let left = m.firstToken - 1;
  while (left >= 0 && left > m.firstToken - 5 && (isTitleWord(tokens[left].text) || (/^\p{Lu}/u.test(tokens[left].text) && tokens[left].pos !== "VERB") || isRoleNoun(tokens[left].text) || tokens[left].pos === "ADJ" || tokens[left].pos === "DET")) left--;
  if (reports(view, left)) {
    // "“…?” asked Sen. Ruiz": right after the words, the verb and its subject are inverted.
    let before = left - 1;
    while (before >= 0 && !view.quoted[before] && /^[,”"’'?!—–-]+$/.test(tokens[before].text)) before--;
    // Only a finite verb that can stand without an object inverts: "“…,” telling Lake" or
    // "“…,” told Lake" still has Lake for the one told.
    const inverted = before >= 0 && view.quoted[before] && !/ing$/.test(tokens[left].text) && !NEVER_INVERTED.has(tokens[left].lemma.toLowerCase());
    const addressed = ADDRESSING.has(tokens[left].lemma.toLowerCase()) && !inverted;
    f[addressed ? "addressed" : "verbLeft"] = 1;
    if (!addressed) verbs.push(left);
  }
  // "a spokeswoman for X", "X of the Daily Ledger": a name inside a prepositional phrase is not the subject.
  if (tokens[m.firstToken - 1]?.pos === "ADP" && !/^(?:according|to)$/i.test(tokens[m.firstToken - 1].text)) f.afterPreposition = 1;
  if (tokens[left]?.text.toLowerCase() === "to" && tokens[left - 1]?.text.toLowerCase() === "according") f.accordingTo = 1;
  const afterName = tokens[right];
  if (afterName?.text === ":" || (tokens[m.lastToken + 1]?.text === ":" && !view.quoted[m.lastToken + 1])) f.colonAfter = 1;
  if (m.possessive) f.possessive = 1;
  if (m.modifier) f.modifier = 1;
  const sentence = view.para.sentences[sentenceIndex(view.para, m.firstToken)];
  if (sentence) {
    let k = sentence.firstToken;
    while (k < m.firstToken && (isTitleWord(tokens[k].text) || /^\p{Lu}/u.test(tokens[k].text) || ["DET", "ADJ", "PUNCT"].includes(tokens[k].pos))) k++;
    if (k === m.firstToken) f.sentenceSubject = 1;
    if (tokens[sentence.lastToken]?.text === ":" || /:\s*$/.test(view.para.text.slice(tokens[sentence.lastToken].end))) f.sentenceEndsWithColon = 1;
  }
  return { features: f, verbs };
}

/**
 * The reporting verbs that govern a quotation: the nearest one before its opening mark
 * in the same sentence ("Ruiz told reporters that …"), and the first one after its
 * closing mark ("…," Ruiz said), which may stand in the next sentence when the quote
 * is a sentence of its own ("“Why?” Ruiz asked.").
 */
export function governingVerbs(view: ParagraphView, quote: QuoteSpan): { before: number; after: number } {
  const { para, quoted } = view;
  const open = tokenAt(para, quote.open);
  const close = tokenAt(para, quote.close);
  const first = para.sentences[sentenceIndex(para, open)]?.firstToken ?? 0;
  let before = -1;
  for (let k = open - 1; k >= first; k--) if (reports(view, k) && !quoted[k]) { before = k; break; }
  let after = -1;
  for (let k = close; k < Math.min(para.tokens.length, close + 14); k++) {
    if (quoted[k] && k > close) break;
    if (reports(view, k)) { after = k; break; }
  }
  return { before, after };
}

// "par-1", "par+0": named once per offset (a quote reads a few paragraphs around it), not once per mention and quote.
const OFFSET_KEYS = new Map<number, string>();
function paragraphOffsetKey(offset: number): string {
  let key = OFFSET_KEYS.get(offset);
  if (key === undefined) OFFSET_KEYS.set(offset, (key = `par${offset >= 0 ? "+" : ""}${offset}`));
  return key;
}

/** Where a mention stands relative to the quotation: paragraphs apart, before/after, words apart, same sentence. */
export function placement(views: readonly ParagraphView[], quote: QuoteSpan, m: MentionSite): { features: Features; distance: number } {
  const f: Features = {};
  const offset = m.paragraph - quote.paragraph;
  f[paragraphOffsetKey(offset)] = 1;
  const view = views[quote.paragraph];
  let distance: number;
  if (offset === 0) {
    const open = tokenAt(view.para, quote.open);
    const close = tokenAt(view.para, quote.close);
    const before = m.lastToken < open;
    distance = before ? open - m.lastToken : m.firstToken - close;
    f[before ? "before" : "after"] = 1;
    f.logDistance = Math.log1p(Math.max(0, distance));
    const s = sentenceIndex(view.para, m.firstToken);
    if (s === sentenceIndex(view.para, open) || s === sentenceIndex(view.para, Math.max(open, close - 1))) f.sameSentence = 1;
  } else {
    // Across paragraphs, the nearer end counts: the last words of the paragraph before, the first of the next.
    distance = 1000 * Math.abs(offset) + (offset < 0 ? views[m.paragraph].para.tokens.length - m.lastToken : m.firstToken);
  }
  return { features: f, distance };
}
