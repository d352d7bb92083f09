// Headlines and crossheads are written in title case ("Senator Okafor Warns Of Shutdown"),
// where every word is capitalised and capitals stop telling names from verbs. A name
// run inside such a line keeps only the words the rest of the article also writes as
// names; the others ("Warns") are the headline's own words.
import type { AnalysedParagraph } from "./text-analysis.js";

const SMALL = new Set(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "vs", "is", "are"]);

/** Whether a paragraph is a title-case line: three or more words, every word but the small ones capitalised. */
export function isTitleCaseLine(para: AnalysedParagraph): boolean {
  const words = para.tokens.filter((t) => /^\p{L}{2}/u.test(t.text) && !SMALL.has(t.text.toLowerCase()));
  if (words.length < 3 || para.text.length > 200) return false;
  return words.every((t) => /^\p{Lu}/u.test(t.text));
}
