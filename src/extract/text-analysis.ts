// Paragraph text → tokens (with character offsets, part of speech and lemma) and
// sentences, from wink-nlp's English model. A paragraph's analysis depends on its text
// alone, never on what was read before it (see pristine-language.ts); it is linear in
// the paragraph's length.
// Words joined by hyphens ("so-called", "Putin-Trump", "al-Assad") are merged into
// one token, because names and rules treat them as one word.
import { pristineLanguage } from "./pristine-language.js";

export interface Token {
  text: string;
  start: number; // character offset in the paragraph
  end: number;
  pos: string; // universal part of speech: PROPN, VERB, PRON, ...
  lemma: string;
}

export interface Sentence {
  start: number; // character offsets in the paragraph
  end: number;
  firstToken: number; // token indexes, inclusive
  lastToken: number;
}

export interface AnalysedParagraph {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

const WORDISH = /[\p{L}\p{N}]/u;

// wink's tokenizer splits words at letters outside ASCII ("Rozentāle" → "Rozent", "ā",
// "le"; "Łukasz" → "Ł", "ukasz"), which breaks names from most European languages. The
// model reads a copy with each such letter replaced by its base letter, one UTF-16 unit
// for one, so every offset it reports is an offset into the original text too.
const BASE_LETTER: Record<string, string> = { Ł: "L", ł: "l", Ø: "O", ø: "o", Đ: "D", đ: "d", ß: "s", Æ: "A", æ: "a", Œ: "O", œ: "o", Þ: "T", þ: "t", ı: "i", Ħ: "H", ħ: "h" };
const NON_ASCII_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/g;

function foldForModel(text: string): string {
  return text.replace(NON_ASCII_LATIN, (ch) => {
    const base = BASE_LETTER[ch] ?? ch.normalize("NFD")[0];
    return base.length === 1 && base.charCodeAt(0) < 0x80 ? base : ch;
  });
}

// Titles written abbreviated before a name that the model does not know for abbreviations.
const TITLE_ABBREVIATIONS = new Set(["Rev", "Msgr", "Fr", "Adm", "Maj", "Cmdr", "Supt", "Insp", "Det", "Atty", "Sens", "Pres", "Sec", "Cpl", "Pvt", "Spc", "Amb", "Gens", "Govs"]);

/** Merges word-hyphen-word runs into one token; mergedIndex maps each wink token to its merged token. */
function mergeHyphenated(tokens: Token[]): { tokens: Token[]; mergedIndex: number[] } {
  const merged: Token[] = [];
  const mergedIndex: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const previous = merged[merged.length - 1];
    const next = tokens[i + 1];
    const joins =
      t.text === "-" && previous !== undefined && next !== undefined &&
      previous.end === t.start && t.end === next.start &&
      WORDISH.test(previous.text) && WORDISH.test(next.text);
    if (joins) {
      previous.text += `-${next.text}`;
      previous.end = next.end;
      previous.pos = previous.pos === "PROPN" || next.pos === "PROPN" ? "PROPN" : next.pos;
      previous.lemma = previous.text.toLowerCase();
      mergedIndex.push(merged.length - 1, merged.length - 1);
      i++;
      continue;
    }
    // "Rev.", "Adm.", "Sens.": a title's full stop, which the model splits off (and ends a
    // sentence at), stays with its word, as "Dr." and "Sen." do.
    if (t.text === "." && previous !== undefined && previous.end === t.start && TITLE_ABBREVIATIONS.has(previous.text)) {
      previous.text += ".";
      previous.end = t.end;
      previous.pos = "PROPN";
      previous.lemma = previous.text.toLowerCase();
      mergedIndex.push(merged.length - 1);
      continue;
    }
    merged.push(t); // raw tokens are made for this call alone: merging may change them in place
    mergedIndex.push(merged.length - 1);
  }
  return { tokens: merged, mergedIndex };
}

// The model ends sentences at abbreviations it does not know ("Sen. Ana Ruiz, D-N.M.,
// told …" splits after "D-N."): a "sentence" that starts in lower case, with a comma
// or with an initial ("M.,", "Y.)"), or that follows an abbreviated title ("Rev. Ana Ruiz"),
// continues the one before.
function continuesAfterAbbreviation(tokens: Token[], first: number): boolean {
  const next = tokens[first];
  const after = tokens[first + 1];
  if (!next) return false;
  const before = tokens[first - 1];
  if (before !== undefined && before.text.endsWith(".") && TITLE_ABBREVIATIONS.has(before.text.slice(0, -1))) return true;
  return /^[a-z,;]/.test(next.text) || (/^[A-Z]\.$/.test(next.text) && after !== undefined && /^[,;)]$/.test(after.text));
}

/** Tokens and sentences of one paragraph. */
export function analyseParagraph(text: string): AnalysedParagraph {
  const nlp = pristineLanguage();
  const its = nlp.its;
  const doc = nlp.readDoc(foldForModel(text));
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings declare its.lemma with an extra argument that out() supplies itself.
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const raw: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    // wink keeps the original text of every token; locate it defensively in case a
    // token's value differs from the source (it never should for normalised text).
    const start = text.startsWith(values[i], offset) ? offset : text.indexOf(values[i], offset);
    const at = start < 0 ? offset : start;
    raw.push({ text: text.slice(at, at + values[i].length), start: at, end: at + values[i].length, pos: pos[i], lemma: lemmas[i] });
    offset = at + values[i].length;
  }
  const { tokens, mergedIndex } = mergeHyphenated(raw);
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const sentences: Sentence[] = [];
  for (const [first, last] of spans) {
    const firstToken = mergedIndex[first];
    const lastToken = mergedIndex[last];
    if (firstToken === undefined || lastToken === undefined) continue;
    const previous = sentences[sentences.length - 1];
    if (previous && (firstToken <= previous.lastToken || continuesAfterAbbreviation(tokens, firstToken))) {
      previous.lastToken = Math.max(previous.lastToken, lastToken);
      previous.end = tokens[previous.lastToken].end;
      continue;
    }
    sentences.push({ start: tokens[firstToken].start, end: tokens[lastToken].end, firstToken, lastToken });
  }
  return { text, tokens, sentences };
}

/** Index of the first token at or after a character offset. */
export function tokenAt(para: AnalysedParagraph, offset: number): number {
  let lo = 0, hi = para.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (para.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
