// Attribution rules for quotes whose speaker stands apart from the quote.
import { describe, expect, it } from "vitest";
import { findPeople } from "../../src/ingest/people.js";
import { findQuotes } from "../../src/ingest/quotes.js";
import { analyseParagraph } from "../../src/ingest/text-analysis.js";

function quotesIn(body: string): Array<[string, string | null]> {
  const paragraphs = body.split("\n\n");
  const offsets = paragraphs.map((_, i) => paragraphs.slice(0, i).reduce((n, p) => n + p.length + 2, 0));
  const analysed = paragraphs.map(analyseParagraph);
  return findQuotes(analysed, offsets, findPeople(analysed)).map((q) => [q.text, q.speaker]);
}

describe("attribution across an appositive, a participle and a paragraph break", () => {
  it("attributes a quote to the speaker whose appositive stands between the name and the verb", () => {
    expect(quotesIn('"Orders doubled in a month," Tomasz Wierzba, head of Vistula Freight, told the Evening Courier.')).toEqual([
      ["Orders doubled in a month,", "Tomasz Wierzba"],
    ]);
  });

  it("gives a participle's quote to the subject of the main verb, past a verb inside the object", () => {
    const body = "Port director Anna Berg met the press.\n\nShe declined to name the firms involved, saying only that talks were at \"a first stage\".";
    expect(quotesIn(body)).toEqual([["a first stage", "Anna Berg"]]);
  });

  it("gives a quote left open at the end of a paragraph the speaker of its continuation", () => {
    const body = [
      "Grain traders were nervous on Monday.",
      '"Buyers are not against the port. They are against delays.',
      '"Give us a berth and a date, and ships will come," said Dr. Ruth Okonjo, who runs the Lagos Cargo Board.',
    ].join("\n\n");
    expect(quotesIn(body)).toEqual([
      ["Buyers are not against the port. They are against delays.", "Ruth Okonjo"],
      ["Give us a berth and a date, and ships will come,", "Ruth Okonjo"],
    ]);
  });
});

describe("labels that are not remarks", () => {
  it("does not take a short label after an indefinite article as a remark", () => {
    expect(quotesIn("The town has long sold itself as a “quiet harbour” for yachts.")).toEqual([]);
  });

  it("keeps a short phrase after an article when a verb of saying frames it", () => {
    const body = "Airline boss Tom Reddy spoke to staff.\n\nMr Reddy described the outage as a “bad week” for the firm.";
    expect(quotesIn(body)).toEqual([["bad week", "Tom Reddy"]]);
  });
});
