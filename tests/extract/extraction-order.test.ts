// Ingest hands batches of articles to whichever worker thread is free, so an article's
// draft must not depend on what the same thread extracted before it. It did: wink-nlp's
// tokenizer keeps as one token any word its lexicon cache holds, and the cache kept every
// unknown word of every article read before ("Trump's," left "Trump's" whole in later
// articles, so "Donald Trump's plan" no longer named Donald Trump).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/pipeline.js";
import type { RawArticle } from "../../src/extract/types.js";
import { projectRoot } from "../support/run-script.js";

const article = (file: string, text: string): RawArticle => ({ file, bytes: new TextEncoder().encode(text) });
const draftOf = (raw: RawArticle) => extractArticle(raw);

const harbourVote = article(
  "harbour-vote.txt",
  `Harbour plan goes to a vote\n\nPORT ELLIS – Mayor Tamsin Vellacourt's plan for the old harbour goes to the council on Tuesday.\n\n"The harbour has waited long enough," Vellacourt said.`,
);
// A possessive before a comma is the form wink's tokenizer leaves whole, and caches.
const budgetDelay = article(
  "budget-delay.txt",
  `Council delays budget\n\nPORT ELLIS – The budget, like the harbour plan of Tamsin Vellacourt's, was delayed again on Monday.\n\n"We need more time," said Ruth Hallam, the council's treasurer.`,
);

const polnear = join(projectRoot, "..", "shared", "corpus", "polnear");

describe("extracting an article does not depend on the articles extracted before it", () => {
  it("names the speaker in full after another article wrote her surname as a possessive before a comma", () => {
    const alone = draftOf(harbourVote);
    draftOf(budgetDelay);
    const after = draftOf(harbourVote);
    expect(after).toEqual(alone);
    expect(alone.ok && alone.draft.quotes.map((q) => q.speaker)).toEqual(["Tamsin Vellacourt"]);
  });

  it.skipIf(!existsSync(join(polnear, "train")))(
    "gives a PolNeAR article the same speakers after the articles that write \"Trump's,\" (needs ../shared/corpus/polnear/train)",
    () => {
      const dir = join(polnear, "train");
      const read = (file: string): RawArticle => ({ file, bytes: readFileSync(join(dir, file)) });
      // The report that found the bug: "Donald Trump" lost two quotes to "Trump" depending on the thread.
      const pence = read("politico_2016-08-11_pence-blames-media-for-trump-s-o.txt");
      const others = readdirSync(dir)
        .filter((f) => f.endsWith(".txt") && /Trump['’]s[,.]/.test(readFileSync(join(dir, f), "utf8")))
        .sort()
        .map(read);
      expect(others.length).toBeGreaterThan(0);
      const alone = draftOf(pence);
      others.forEach(draftOf);
      expect(draftOf(pence)).toEqual(alone);
    },
  );
});
