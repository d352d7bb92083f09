// Interviews and broadcast transcripts name the speaker of each paragraph in a label:
// "TAPPER: Do you think …", "MR. OKAFOR: We will …", "Q: And the budget?". Words quoted
// in such a paragraph are the labelled speaker's as surely as after "said": the label
// settles the speaker without the ranker. A label names a person of the article by
// surname or full name; "Q:" is the interviewer, whom the text does not name.
import { nameKey, nameWordKey } from "./names.js";
import type { PeopleInText } from "./people.js";
import type { Speaker } from "./speaker-candidates.js";
import type { AnalysedParagraph } from "./text-analysis.js";

// One to three capitalised words in capitals, an optional honorific, then a colon: "JAKE TAPPER:", "MS. LEE:".
// A transcript quoted whole opens each of its paragraphs with a quotation mark ("“PENCE: Well, …"),
// as a quotation running over several paragraphs does.
const QUOTATION_MARK = `["“”'‘]\\s*`;
const OPENING_QUOTE = `(?:${QUOTATION_MARK})?`;
const OPENS_QUOTED = new RegExp(`^${QUOTATION_MARK}`);
const LABEL = new RegExp(`^${OPENING_QUOTE}(?:(?:MR|MRS|MS|DR)\\.\\s+)?(\\p{Lu}[\\p{Lu}'’-]+(?:\\s+\\p{Lu}[\\p{Lu}'’.-]*){0,2}):\\s`, "u");
const INTERVIEWER = new RegExp(`^${OPENING_QUOTE}(?:Q|QUESTION|INTERVIEWER)\\s*:\\s`);

/**
 * Per paragraph: the speaker its label names, null for an interviewer's question, or
 * undefined when the paragraph has no label (or one that names nobody in the article:
 * "UPDATE:", "EXCLUSIVE:").
 */
export function transcriptSpeakers(paragraphs: readonly AnalysedParagraph[], people: PeopleInText): (Speaker | null | undefined)[] {
  const labelled = paragraphs.map((para) => labelSpeaker(para, people));
  // A transcript quoted whole opens every paragraph with a quotation mark, and a speaker's
  // answer that runs over several paragraphs is labelled in its first only.
  for (let i = 1; i < paragraphs.length; i++) {
    if (labelled[i] === undefined && labelled[i - 1] && OPENS_QUOTED.test(paragraphs[i].text) && OPENS_QUOTED.test(paragraphs[i - 1].text) && !LABEL.test(paragraphs[i].text)) {
      labelled[i] = labelled[i - 1];
    }
  }
  return labelled;
}

function labelSpeaker(para: AnalysedParagraph, people: PeopleInText): Speaker | null | undefined {
  if (INTERVIEWER.test(para.text)) return null;
  const label = LABEL.exec(para.text)?.[1];
  if (!label) return undefined;
  const words = label.split(/\s+/);
  const key = nameKey(words.map((w) => w[0] + w.slice(1).toLowerCase()).join(" "));
  const surname = nameWordKey(words[words.length - 1].toLowerCase());
  const full = people.people.findIndex((p) => p.key === key);
  if (full >= 0) return { kind: "person", person: full };
  const bySurname = people.people.flatMap((p, i) => (p.surnameKey === surname ? [i] : []));
  return bySurname.length === 1 && words.length === 1 ? { kind: "person", person: bySurname[0] } : undefined;
}
