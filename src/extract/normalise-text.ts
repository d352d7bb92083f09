// Text → text with one spelling of whitespace and of quotation marks, so later
// stages match one form. Curly and straight marks stay as they are: a curly ’
// between letters is an apostrophe, a straight ' may open a quote, and the quote
// finder needs that difference. Only marks that mean the same as a curly one are
// mapped to it (guillemets, low-9 and reversed marks, TeX-style `` '').

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

function normaliseQuoteMarks(text: string): string {
  return text
    .replace(/« ?/g, "“")
    .replace(/ ?»/g, "”")
    .replace(/[„‟]/g, "“")
    .replace(/[‚‛]/g, "‘")
    .replace(/``/g, "“")
    .replace(/''/g, "”")
    .replace(/″/g, '"')
    .replace(/′/g, "'");
}

/** Unifies line endings, spaces and quotation marks; paragraphs stay separated by blank lines. */
export function normaliseText(text: string): string {
  // Runs of spaces are collapsed before the quote marks are mapped, so every pattern
  // below sees at most one space in a row and stays linear on pathological input.
  const spaced = text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(ODD_SPACES, " ")
    .replace(/ {2,}/g, " ");
  return normaliseQuoteMarks(spaced)
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
