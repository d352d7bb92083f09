// Not every pair of quotation marks holds a remark. Writers also quote to distance
// themselves from a word (a so-called “peace plan”, the word “undesirable”) and to
// set off titles and names (the book “Long Road Home”, a plan dubbed “Operation Dawn”).
// Those spans are not quotations of anyone.
import type { QuoteSpan } from "./quote-spans.js";
import { isSpeechVerbLemma } from "./speech-verbs.js";

const DISTANCING = /(?:\bso[- ]called|\bthe (?:words?|terms?|phrases?|labels?|slogans?|hashtags?|headlines?|titles?|names?|expressions?))\s*$/i;
const TITLE_INTRODUCERS =
  /\b(?:called|named|titled|entitled|dubbed|nicknamed|codenamed|code-named|known as|book|novel|film|movie|documentary|song|single|album|series|show|programme|program|play|musical|report|article|essay|column|podcast|exhibition|campaign|operation|festival|the)\s*$/i;
const SMALL_WORDS = new Set(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "vs", "de", "la"]);

const NAMING = /\b(?:called|named|titled|entitled|dubbed|nicknamed|codenamed|code-named|known as)\s*$/i;

/** Whether every word of the text is capitalised as in a title ("The Long Road Home", "Rise & Shine"). */
function isTitleCase(words: string[]): boolean {
  if (words.length < 2 || words.length > 12) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || !/\p{L}/u.test(w) || (i > 0 && SMALL_WORDS.has(w.toLowerCase())));
}

/** Whether a name-like span is a proper name: "NORDLYS-2", "Sea Sentinel", "Day Zero". */
function isNameLike(words: string[]): boolean {
  return words.length > 0 && words.length <= 6 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || SMALL_WORDS.has(w.toLowerCase()));
}

// "marketed as a “neutral port”", "part of a “shadow fleet”": a short phrase after an
// indefinite article outside the marks is the writer's label, unless a verb of saying
// frames it ("described the crisis as a “stress test”") or follows it.
const LABEL_ARTICLE = /\b(?:a|an)\s*$/i;
const LONGEST_LABEL = 3;

function hasSpeechVerb(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => /^(?:said|told|wrote|spoke)$/.test(w) || [/ed$/, /d$/, /es$/, /s$/, /ing$/].some((end) => isSpeechVerbLemma(w.replace(end, ""))) || isSpeechVerbLemma(w.replace(/ing$/, "e")) || isSpeechVerbLemma(w.replace(/ied$/, "y")));
}

/** Whether a span is a short label introduced by "a"/"an" with no verb of saying around it. */
function isArticleLabel(span: QuoteSpan, paragraph: string, words: string[]): boolean {
  if (words.length > LONGEST_LABEL || /[,;:!?]$/.test(span.text)) return false;
  const before = paragraph.slice(Math.max(0, span.open - 80), span.open);
  if (!LABEL_ARTICLE.test(before)) return false;
  const clause = before.split(/[.;:!?,—–]/).pop() ?? "";
  const after = paragraph.slice(span.close + 1, span.close + 40).split(/[.;:!?]/)[0];
  return !hasSpeechVerb(clause) && !hasSpeechVerb(after);
}

/** Whether a quotation span holds someone's words rather than a scare-quoted word or a title. */
export function isRemark(span: QuoteSpan, paragraph: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(span.text)) return false;
  const before = paragraph.slice(Math.max(0, span.open - 40), span.open);
  if (DISTANCING.test(before)) return false;
  // Punctuation inside the closing mark is the writer's, not part of the title ("known as “Sea Sentinel.”").
  const words = span.text.replace(/[.,!?;:]+$/, "").split(/\s+/).filter(Boolean);
  if (NAMING.test(before) && isNameLike(words)) return false;
  const endsSentence = /[.!?,]$/.test(span.text);
  if (isTitleCase(words) && (TITLE_INTRODUCERS.test(before) || !endsSentence)) return false;
  return !isArticleLabel(span, paragraph, words);
}
