// The article's quotations and who said each: spans from quote-spans.ts, minus scare
// quotes and titles (scare-quotes.ts), with speakers chosen by attribution.ts and
// named by their canonical PersonDraft name.
import { attributeQuotes } from "./attribution.js";
import type { PeopleInText } from "./people.js";
import { findQuoteSpans } from "./quote-spans.js";
import { isRemark } from "./scare-quotes.js";
import type { AnalysedParagraph } from "./text-analysis.js";
import type { QuoteDraft } from "./types.js";

/**
 * Finds every quotation in the body paragraphs with its speaker. `offsets` are the
 * paragraphs' character offsets in the body, so positions point into the body text.
 */
export function findQuotes(paragraphs: readonly AnalysedParagraph[], offsets: readonly number[], people: PeopleInText): QuoteDraft[] {
  const spans = findQuoteSpans(paragraphs.map((p) => p.text));
  const remarks = spans.filter((s) => isRemark(s, paragraphs[s.paragraph].text));
  const speakers = attributeQuotes(paragraphs, remarks, people, spans);
  return remarks.map((span, i) => ({
    text: span.text,
    speaker: speakers[i] === null ? null : people.people[speakers[i]!].name,
    position: offsets[span.paragraph] + span.open,
  }));
}
