// Headlines and crossheads are written in title case ("Senator Okafor Warns Of Shutdown"),
// where every word is capitalised and capitals stop telling names from verbs. A name
// run inside such a line keeps only the words the rest of the article also writes as
// names; the others ("Warns") are the headline's own words.
import type { AnalysedParagraph, Token } from "./text-analysis.js";

const WORD = /^\p{L}{2}/u;
const SMALL = new Set(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "vs", "is", "are"]);

/**
 * Whether a paragraph is a title-case line: three to twenty-five words, at least three
 * in four capitalised (small words aside), and among them a word that the article
 * writes in lower case elsewhere (`lowerWords`): the proof that capitals here are style;
 * or five words or more, all capitalised.
 */
export function isTitleCaseLine(para: AnalysedParagraph, lowerWords: ReadonlySet<string>): boolean {
  const words: Token[] = [];
  for (const t of para.tokens) {
    if (!WORD.test(t.text) || SMALL.has(t.text.toLowerCase())) continue;
    words.push(t);
    // A paragraph of prose: no need to read on.
    if (words.length > 25) return false;
  }
  if (words.length < 3) return false;
  const capitalised = words.filter((t) => /^\p{Lu}\p{Ll}/u.test(t.text));
  if (capitalised.length / words.length < 0.75) return false;
  // Five words or more, every one capitalised, and no comma between them: a crosshead
  // ("Rand Paul Scores Direct Hit On Donald Trump"), not a sentence, whatever else the article writes.
  if (capitalised.length === words.length && words.length >= 5 && !para.tokens.some((t) => t.text === ",")) return true;
  return capitalised.some((t, i) => i > 0 && lowerWords.has(t.text.toLowerCase()));
}
