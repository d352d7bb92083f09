// Where the quotations are. Double marks (curly “…” or straight "…") are found first;
// a mark is read by where it stands, not only by its shape: papers that print two
// apostrophes (''…'', which normalising turns into ”) or set the wrong curly mark open
// a quote with ” at a word's start and close one with “ after a word.
// single marks (‘…’ or '…') are then quotations only outside them, and only where a
// single mark stands at a word's edge (an apostrophe stands inside a word: it’s,
// Putin’s). A single-quoted span inside a double-quoted one is a quote within the
// quote, part of its text. A quotation left open at the end of a paragraph whose
// successor opens with a quotation mark continues there — the convention for a
// remark that runs over several paragraphs.
//
// Every loop below visits each character once, so spans are found in linear time.

export interface QuoteSpan {
  paragraph: number;
  /** Offset of the opening mark in the paragraph. */
  open: number;
  /** Offset of the closing mark, or the paragraph's length when the quote runs on. */
  close: number;
  text: string;
  mark: "double" | "single";
  /** The remark continues in the next paragraph. */
  continues: boolean;
  /** This span continues a remark opened in the previous paragraph. */
  continued: boolean;
}

const OPENS_DOUBLE = /^[“"”]/;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function doubleSpans(text: string, paragraph: number, nextOpensQuote: boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const lastMark = text.trimEnd().length - 1;
  let open = -1;
  // Where the last straight mark stands: inside a quotation opened by one, a curly pair
  // before it is a quotation within the quotation ("PENCE: … an episode of “Shark Tank.” But …").
  // A lone curly mark there still closes it: some papers open with one style and close with the other.
  const lastStraight = text.lastIndexOf('"');
  // For each position, the next ” and the next straight mark after it: read in one backward
  // sweep, so that a paragraph of unmatched marks stays linear.
  const mixed = lastStraight >= 0 && text.includes("“");
  const nextCurlyClose = new Int32Array(mixed ? text.length + 1 : 0).fill(-1);
  const nextStraight = new Int32Array(mixed ? text.length + 1 : 0).fill(-1);
  if (mixed) {
    for (let k = text.length - 1; k >= 0; k--) {
      nextCurlyClose[k] = text[k + 1] === "”" ? k + 1 : nextCurlyClose[k + 1];
      nextStraight[k] = text[k + 1] === '"' ? k + 1 : nextStraight[k + 1];
    }
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // Only a double mark opens or closes; the neighbours of other characters need no reading.
    if (c !== "“" && c !== "”" && c !== '"') continue;
    if (c === "“" && open >= 0 && text[open] === '"' && i < lastStraight) {
      const inner = nextCurlyClose[i];
      if (inner > i + 1 && inner < lastStraight && nextStraight[i] > inner) {
        i = inner;
        continue;
      }
    }
    const opensWord = !isWordChar(text[i - 1]) && isWordChar(text[i + 1]);
    // A mark after a word, or the last mark of the paragraph, closes ("that. “" at a line's end).
    const closesWord = !isWordChar(text[i + 1]) && i > 0 && (text[i - 1] !== " " || i === lastMark);
    if (c === "“" && open < 0) open = i;
    else if ((c === "”" || c === '"' || (c === "“" && closesWord && !opensWord)) && open >= 0) {
      if (i > open + 1) spans.push(span(text, paragraph, open, i, "double"));
      open = -1;
    } else if ((c === '"' || (c === "”" && opensWord)) && open < 0) open = i;
  }
  // Left open: the remark runs on into the next paragraph, or (opening the paragraph
  // with no close) lost its closing mark. A stray mark mid-paragraph is ignored.
  if (open >= 0 && (nextOpensQuote || open === 0)) {
    const runOn = span(text, paragraph, open, text.length, "double");
    runOn.continues = nextOpensQuote;
    spans.push(runOn);
  }
  return spans;
}

function singleSpans(text: string, paragraph: number, outside: QuoteSpan[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let blocked = 0; // index into `outside`
  for (let i = 0; i < text.length; i++) {
    while (blocked < outside.length && outside[blocked].close < i) blocked++;
    const inDouble = blocked < outside.length && outside[blocked].open <= i;
    if (inDouble) {
      open = -1;
      continue;
    }
    const c = text[i];
    if (c !== "‘" && c !== "’" && c !== "'") continue;
    const before = text[i - 1];
    const after = text[i + 1];
    const atWordStart = !isWordChar(before) && isWordChar(after);
    const atWordEnd = !isWordChar(after) && before !== undefined && before !== " ";
    if (open >= 0 && (c === "’" || c === "'") && atWordEnd && text[open] !== (c === "’" ? "'" : "‘")) {
      spans.push(span(text, paragraph, open, i, "single"));
      open = -1;
    } else if (open < 0 && (c === "‘" || c === "'") && atWordStart) {
      open = i;
    }
  }
  return spans;
}

function span(text: string, paragraph: number, open: number, close: number, mark: "double" | "single"): QuoteSpan {
  return { paragraph, open, close, text: text.slice(open + 1, close).trim(), mark, continues: false, continued: false };
}

/** Finds the quotation spans of each paragraph, in order. */
export function findQuoteSpans(paragraphs: readonly string[]): QuoteSpan[] {
  const all: QuoteSpan[] = [];
  let previousContinues = false;
  paragraphs.forEach((text, paragraph) => {
    const nextOpensQuote = OPENS_DOUBLE.test(paragraphs[paragraph + 1] ?? "");
    const doubles = doubleSpans(text, paragraph, nextOpensQuote);
    if (previousContinues && doubles[0]?.open === 0) doubles[0].continued = true;
    previousContinues = doubles.some((s) => s.continues);
    const singles = singleSpans(text, paragraph, doubles).filter((s) => s.text.length > 0);
    // Both lists are in text order; merge them (a spread push would overflow the stack on huge inputs).
    let d = 0, s = 0;
    while (d < doubles.length || s < singles.length) {
      if (s >= singles.length || (d < doubles.length && doubles[d].open < singles[s].open)) all.push(doubles[d++]);
      else all.push(singles[s++]);
    }
  });
  return all;
}
