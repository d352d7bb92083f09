// Statements and stories for a batch of drafts that are not in a store (npm run extract):
// the same rules the store applies one article at a time, applied to all at once.
import { fullNamesBySurname, withFullName } from "../extract/batch-full-names.js";
import { surnameKey } from "../extract/names.js";
import { groupStatements } from "./statements.js";
import { groupStories } from "./stories.js";
import type { ArticleDraft, QuoteDraft } from "../extract/types.js";

export interface CrossArticleLinks {
  /** statement id of quote `q` of draft `d`, keyed `${d}#${q}`; only attributed quotes have one. */
  statementOf: Map<string, string>;
  /** story id of each draft, by index. */
  storyOf: string[];
  /** A person's name completed from the batch: "Okafor" → "Ana Okafor" (see batch-full-names.ts). */
  fullName: (name: string) => string;
  /** A quote's speaker as the batch reads it (see speakerInBatch). */
  speakerOf: (quote: QuoteDraft) => { speaker: string | null; kind: QuoteDraft["speakerKind"] };
}

/**
 * A quote's speaker, completed from the batch. One capitalised word that speaks ("Okafor
 * said") is an organisation to an article that never names a person of that surname, but
 * a batch that names "Ana Okafor" in full, decisively, tells it is her ("Reuters said"
 * stays an organisation: nobody is named Reuters).
 */
export function speakerInBatch(quote: Pick<QuoteDraft, "speaker" | "speakerKind">, fullNames: ReadonlyMap<string, string>): { speaker: string | null; kind: QuoteDraft["speakerKind"] } {
  if (quote.speaker === null) return { speaker: null, kind: quote.speakerKind ?? null };
  if (quote.speakerKind !== "organisation") return { speaker: withFullName(quote.speaker, fullNames), kind: quote.speakerKind ?? "person" };
  const word = quote.speaker.replace(/['’]s?$/, "");
  const person = /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(word) ? fullNames.get(surnameKey(word)) : undefined;
  return person ? { speaker: person, kind: "person" } : { speaker: quote.speaker, kind: "organisation" };
}

export function linkAcrossArticles(drafts: ArticleDraft[]): CrossArticleLinks {
  const fullNames = fullNamesBySurname(drafts);
  const fullName = (name: string) => withFullName(name, fullNames);
  const speakerOf = (quote: QuoteDraft) => speakerInBatch(quote, fullNames);
  const quotes = drafts.flatMap((draft, d) =>
    draft.quotes.map((quote, q) => ({
      id: `${d}#${q}`,
      speaker: speakerOf(quote).speaker,
      text: quote.text,
      publishedOn: draft.publishedOn,
    })),
  );
  const statementOf = new Map<string, string>();
  groupStatements(quotes.filter((q) => q.speaker != null)).forEach((group, i) => {
    for (const id of group) statementOf.set(id, `statement-${i + 1}`);
  });

  const storyOf: string[] = [];
  const stories = groupStories(
    drafts.map((draft, d) => ({ id: String(d), publishedOn: draft.publishedOn, headline: draft.headline, body: draft.body, people: draft.people, outlet: draft.outlet })),
  );
  stories.forEach((group, i) => {
    for (const id of group) storyOf[Number(id)] = `story-${i + 1}`;
  });
  return { statementOf, storyOf, fullName, speakerOf };
}
