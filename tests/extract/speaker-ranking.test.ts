// Attribution as the learned ranker does it, on short invented articles: who said each
// quote, for speakers no list knows, organisations, titles glued to names and quotes
// that name nobody. The weights come from scripts/train-attribution.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPeople } from "../../src/extract/people.js";
import { extractArticle } from "../../src/extract/pipeline.js";
import { findQuotes } from "../../src/extract/quotes.js";
import { analyseParagraph } from "../../src/extract/text-analysis.js";
import { projectRoot } from "../support/run-script.js";

function quotes(body: string): Array<[string, string | null, string | null | undefined]> {
  const result = extractArticle({ file: "story.txt", bytes: new TextEncoder().encode(`Quay works resume\n\n${body}`) });
  if (!result.ok) throw new Error(result.message);
  return result.draft.quotes.map((q) => [q.text, q.speaker, q.speakerKind]);
}

/** The names of every candidate speaker of each quote in a one-paragraph text, "nobody" left out. */
function candidateNames(text: string): string[][] {
  const paragraphs = [analyseParagraph(text)];
  const people = findPeople(paragraphs);
  let names: string[][] = [];
  findQuotes(paragraphs, [0], people, (candidates) => {
    names = candidates.map((list) => list.flatMap((c) => (c.speaker === null ? [] : [c.speaker.kind === "person" ? people.people[c.speaker.person].name : c.speaker.name])));
  });
  return names;
}

describe("speaker ranking", () => {
  it("does not take an organisation that only describes the speaker for a candidate", () => {
    expect(candidateNames("“The quay will reopen,” said Harbour Institute senior fellow Anna Vale.")).toEqual([["Anna Vale"]]);
  });


  it("attributes a quote to a person whose first name no list holds", () => {
    expect(quotes("Sigurd Vangen said the quay would reopen. “We are ready,” Vangen said.")).toEqual([["We are ready,", "Sigurd Vangen", "person"]]);
  });

  it("attributes a quote to a person whose unlisted first name comes with a surname holding a capital inside", () => {
    expect(quotes("If anything, Idun McAllister is more patient than ever. “The quay can wait,” McAllister explained.")).toEqual([["The quay can wait,", "Idun McAllister", "person"]]);
  });

  it("keeps lower-case particles inside speakers' names", () => {
    expect(quotes("“Nobody will lose a job,” said Hassan al-Amin, the yard's owner. Rui da Costa told reporters the plan was “a fantasy.”")).toEqual([
      ["Nobody will lose a job,", "Hassan al-Amin", "person"],
      ["a fantasy.", "Rui da Costa", "person"],
    ]);
  });

  it("separates a title chain from the name it runs into", () => {
    expect(quotes("Minister for Resources Naja Kristiansen visited the yard. “The yard stays open,” Kristiansen said.")).toEqual([
      ["The yard stays open,", "Naja Kristiansen", "person"],
    ]);
    expect(quotes("Central bank governor Ana M. Ruiz said rates would hold. “No change,” Ruiz said.")).toEqual([["No change,", "Ana M. Ruiz", "person"]]);
    expect(quotes("On Tuesday, Harbour Majority Leader Imre Okafor said the closure was “totally inappropriate.”")).toEqual([["totally inappropriate.", "Imre Okafor", "person"]]);
    expect(quotes("County Recorder Sigrun Vale said: “We made mistakes.”")).toEqual([["We made mistakes.", "Sigrun Vale", "person"]]);
  });

  it("gives an organisation's words to the organisation, not to nobody or a person nearby", () => {
    expect(quotes("Skipper Tom Hale docked early. The Coastal Fisheries Inspectorate said the quota was “final and binding.”")).toEqual([
      ["final and binding.", "Coastal Fisheries Inspectorate", "organisation"],
    ]);
  });

  it("finds a speaker named after the verb and described after a comma, or by honorific and a title's word", () => {
    expect(quotes("“The yard is sound,” said Edwin Vangen, a fellow at the Harbour Institute.")).toEqual([["The yard is sound,", "Edwin Vangen", "person"]]);
    expect(quotes("“The yard is sound,” Mr. King said.")).toEqual([["The yard is sound,", "King", "person"]]);
  });

  it("names an organisation by the fullest name the article gives it", () => {
    expect(quotes("On Monday The Harbour Times reported on the strike. “The quay is closed,” the Times said.")).toEqual([
      ["The quay is closed,", "The Harbour Times", "organisation"],
    ]);
  });

  it("cuts party labels and plural roles from speakers' names", () => {
    expect(quotes("Democrat Ines Vangen visited the yard. “We are ready,” Vangen said.")).toEqual([["We are ready,", "Ines Vangen", "person"]]);
    expect(quotes("Republicans Okafor and Hale toured the quay. “It must reopen,” Okafor said.")).toEqual([["It must reopen,", "Okafor", "person"]]);
  });

  it("attributes a partial quote after a verb of judging to the one who judged", () => {
    expect(quotes("Senator Imre Okafor dismissed the plan as “a fantasy” on Monday.")).toEqual([["a fantasy", "Imre Okafor", "person"]]);
  });

  it("gives a quote that names no speaker anywhere null, not a guess", () => {
    expect(quotes("The harbour smelled of diesel. A sign by the gate read “Closed until spring.”")).toEqual([["Closed until spring.", null, null]]);
  });

  it("reads guillemets and low-high marks as quotation marks", () => {
    expect(quotes("Harbour chief Lena Moor opened the gate.\n\nShe was blunt. «We will not wait,» she said. „Nor will they“, she added.")).toEqual([
      ["We will not wait,", "Lena Moor", "person"],
      ["Nor will they", "Lena Moor", "person"],
    ]);
  });

  it("gives words in a transcript paragraph to the person its label names, and an interviewer's question to nobody", () => {
    const body = "Anchor Jana Tapper spoke to Governor Ilse Fallon on Sunday.\n\nTAPPER: You told voters “this is a moment for healing across the country.” Why?\n\nFALLON: I think he is trying. He says “we must heal” often.\n\nQ: And the “budget gap”?";
    expect(quotes(body)).toEqual([
      ["this is a moment for healing across the country.", "Jana Tapper", "person"],
      ["we must heal", "Ilse Fallon", "person"],
      ["budget gap", null, null],
    ]);
  });

  it("reads the labels of a transcript quoted whole, each paragraph opening with a quotation mark, and an answer's next paragraphs", () => {
    const body =
      "Anchor Jana Tapper spoke to Governor Ilse Fallon on Sunday. A partial transcript follows.\n\n“TAPPER: Will the bridge close before the winter storms arrive on the coast?\n\n“FALLON: The bridge stays open until the engineers tell us otherwise, and they have not.\n\n“And the ferry runs every hour from the north pier as it always has.\n\n“Q: And the ferry?";
    expect(quotes(body)).toEqual([
      ["TAPPER: Will the bridge close before the winter storms arrive on the coast?", "Jana Tapper", "person"],
      ["FALLON: The bridge stays open until the engineers tell us otherwise, and they have not.", "Ilse Fallon", "person"],
      // Her answer goes on in the next paragraph, which has no label of its own.
      ["And the ferry runs every hour from the north pier as it always has.", "Ilse Fallon", "person"],
      ["Q: And the ferry?", null, null],
    ]);
  });

  it("gives sung words to the singer, not to whom they are sung", () => {
    const body =
      "In a preview clip for Mara Vold’s radio show The Harbour, Vold sings Ola Brekke’s “Lantern Song” to Governor Ilse Fallon.\n\n“Keep the lanterns lit until the boats come home,” Vold sings to Fallon before asking her, “Where do we go from here?”";
    expect(quotes(body).filter(([text]) => text !== "Lantern Song")).toEqual([
      ["Keep the lanterns lit until the boats come home,", "Mara Vold", "person"],
      ["Where do we go from here?", "Mara Vold", "person"],
    ]);
  });

  it("attributes a quote after a speaker label with an outlet", () => {
    expect(quotes("Tom Hale, Harbour Ledger: “We saw the crane fall.”")).toEqual([["We saw the crane fall.", "Tom Hale", "person"]]);
  });

  it("keeps its weights as numbers keyed by feature names, never by words of an article", () => {
    const weights = JSON.parse(readFileSync(join(projectRoot, "src", "extract", "speaker-weights.json"), "utf8")) as Record<string, unknown>;
    for (const [feature, weight] of Object.entries(weights)) {
      expect(feature).toMatch(/^[a-zA-Z0-9]+(?:[&@+-][a-zA-Z0-9-]+)*$/);
      expect(typeof weight).toBe("number");
    }
  });
});
