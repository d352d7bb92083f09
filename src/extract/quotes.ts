// The article's quotations and who said each: spans from quote-spans.ts, minus scare
// quotes and titles (scare-quotes.ts); the rules of attribution.ts propose a speaker,
// speaker-candidates.ts lists everyone who could have said it, and speaker-ranking.ts
// chooses. A person speaker is named by their canonical PersonDraft name; an
// organisation by its name as written.
import { attributeQuotesWithRules } from "./attribution.js";
import type { PeopleInText } from "./people.js";
import { findQuoteSpans, type QuoteSpan } from "./quote-spans.js";
import { isRemark } from "./scare-quotes.js";
import { speakerCandidates, type SpeakerCandidate } from "./speaker-candidates.js";
import { rankSpeakers } from "./speaker-ranking.js";
import type { AnalysedParagraph } from "./text-analysis.js";
import { transcriptSpeakers } from "./transcript-labels.js";
import type { QuoteDraft } from "./types.js";

/** What attribution saw, for training the ranker: each quote's candidates, in the order of the quotes. */
export type AttributionObserver = (candidates: SpeakerCandidate[][], quotes: QuoteSpan[], people: PeopleInText) => void;

/**
 * Finds every quotation in the body paragraphs with its speaker. `offsets` are the
 * paragraphs' character offsets in the body, so positions point into the body text.
 */
export function findQuotes(paragraphs: readonly AnalysedParagraph[], offsets: readonly number[], people: PeopleInText, observe?: AttributionObserver): QuoteDraft[] {
  const spans = findQuoteSpans(paragraphs.map((p) => p.text));
  const remarks = spans.filter((s) => isRemark(s, paragraphs[s.paragraph].text));
  const rulePicks = attributeQuotesWithRules(paragraphs, remarks, people, spans);
  const candidates = speakerCandidates(paragraphs, remarks, spans, people, rulePicks);
  observe?.(candidates, remarks, people);
  const ranked = rankSpeakers(candidates, remarks);
  // A transcript label ("TAPPER:") names the speaker of its paragraph outright, unless a
  // verb of saying in the paragraph gives the words to someone else.
  const labels = transcriptSpeakers(paragraphs, people);
  const speakers = remarks.map((span, i) => {
    const label = labels[span.paragraph];
    if (label === undefined || (rulePicks[i].rule === "explicit" && rulePicks[i].speaker !== null)) return ranked[i];
    return label;
  });
  return remarks.map((span, i) => {
    const speaker = speakers[i];
    return {
      text: span.text,
      speaker: speaker === null ? null : speaker.kind === "person" ? people.people[speaker.person].name : speaker.name,
      speakerKind: speaker?.kind ?? null,
      position: offsets[span.paragraph] + span.open,
    };
  });
}
