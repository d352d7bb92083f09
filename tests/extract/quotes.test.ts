import { describe, expect, it } from "vitest";
import { findPeople } from "../../src/extract/people.js";
import { findQuotes } from "../../src/extract/quotes.js";
import { analyseParagraph } from "../../src/extract/text-analysis.js";

/** The quotes of an invented body (paragraphs separated by blank lines) as [text, speaker] pairs. */
function quotesIn(body: string): Array<[string, string | null]> {
  const paragraphs = body.split("\n\n");
  const offsets = paragraphs.map((_, i) => paragraphs.slice(0, i).reduce((n, p) => n + p.length + 2, 0));
  const analysed = paragraphs.map(analyseParagraph);
  return findQuotes(analysed, offsets, findPeople(analysed)).map((q) => [q.text, q.speaker]);
}

const speakerOf = (body: string, text: string) => quotesIn(body).find(([t]) => t.includes(text))?.[1];

describe("finding quotes and their speakers", () => {
  it('attributes a quote to the speaker named after "said"', () => {
    expect(quotesIn("Port chief Ana Costa met crews.\n\n“We will reopen in May,” Costa said.")).toEqual([["We will reopen in May,", "Ana Costa"]]);
  });

  it('attributes a quote to the speaker named after an inverted "said"', () => {
    expect(quotesIn("“The pier is safe,” said Tom Lake, the harbour engineer.")).toEqual([["The pier is safe,", "Tom Lake"]]);
  });

  it("attributes a quote to the speaker introduced before the verb and a colon", () => {
    expect(quotesIn("Mayor Ana Costa said: “Nobody will lose their job.”")).toEqual([["Nobody will lose their job.", "Ana Costa"]]);
  });

  it("attributes a partial quote inside reported speech to the subject of the reporting verb", () => {
    expect(quotesIn("Ana Costa said the new ferry was “a fresh start” for the island.")).toEqual([["a fresh start", "Ana Costa"]]);
  });

  it("attributes a quote to the subject, not to a person named in an appositive", () => {
    expect(speakerOf("Ana Costa, who succeeded Tom Lake as harbour master, said the pier was “sound”.", "sound")).toBe("Ana Costa");
  });

  it("attributes a quote to a name set off by commas after a role", () => {
    expect(speakerOf("The head of the ferry union, Iker Salas, said crews were “bracing for cuts”.", "bracing")).toBe("Iker Salas");
  });

  it("attributes a pronoun to the last person named, across paragraphs", () => {
    expect(speakerOf("Harbour master Tom Lake toured the pier on Monday.\n\n“It will hold,” he said.", "It will hold")).toBe("Tom Lake");
  });

  it("skips a person of the other gender when resolving a pronoun", () => {
    const body = "Tom Lake, the engineer, inspected the pillars.\n\nMs Costa, the mayor, has promised a tender by summer.\n\nAsked about the cracks, he was calm. “We repair what breaks.”";
    expect(speakerOf(body, "We repair")).toBe("Tom Lake");
  });

  it('attributes a role noun ("the minister") to the last person with that role', () => {
    const body = "Transport Minister Ana Costa met union leader Iker Salas.\n\n“The timetable stays,” the minister said.";
    expect(speakerOf(body, "timetable")).toBe("Ana Costa");
  });

  it("tells two holders of a role apart by how they were described", () => {
    const body = "The Minister of Transport of Portugal, Ana Costa, and the Minister of Transport of Spain, Iker Salas, signed the deal.\n\n“A good day,” declared the Portuguese minister.";
    expect(speakerOf(body, "A good day")).toBe("Ana Costa");
  });

  it("gives an institution's statement speaker null", () => {
    expect(quotesIn("Ana Costa left early.\n\nThe ministry said in a statement that the closure was “temporary”.")).toEqual([["temporary", null]]);
  });

  it("gives an unnamed spokesperson's words speaker null", () => {
    expect(quotesIn("Ana Costa left early.\n\nA spokesperson said: “We do not comment on staff.”")).toEqual([["We do not comment on staff.", null]]);
  });

  it("does not take scare quotes or titles for remarks", () => {
    const body = "Ana Costa wrote “The Long Harbour”, a history of the port, and backs the so-called “green corridor” plan, known as “Blue Line.”";
    expect(quotesIn(body)).toEqual([]);
  });

  it("gives each paragraph of a multi-paragraph quote the speaker of the first", () => {
    const body = "Ana Costa, a retired pilot, argues that the port was built for another age.\n\n“The channel is too narrow.\n\n“The ships are too big,” she said.";
    expect(quotesIn(body)).toEqual([
      ["The channel is too narrow.", "Ana Costa"],
      ["The ships are too big,", "Ana Costa"],
    ]);
  });

  it("continues a remark from the paragraph before when nobody new is named", () => {
    const body = "“We were ready,” Tom Lake said.\n\n“The storm came early.”";
    expect(quotesIn(body).map(([, s]) => s)).toEqual(["Tom Lake", "Tom Lake"]);
  });

  it("keeps a nested quotation inside the outer quote", () => {
    expect(quotesIn("“My son asked, ‘Where is the ferry?’ and I could not say,” said Ana Costa.")).toEqual([
      ["My son asked, ‘Where is the ferry?’ and I could not say,", "Ana Costa"],
    ]);
  });

  it('attributes a quote "according to" a person', () => {
    expect(speakerOf("The pier will reopen in May, according to Tom Lake, who said repairs were “on schedule”.", "on schedule")).toBe("Tom Lake");
  });

  it("attributes a quote to a person who told an outlet", () => {
    expect(speakerOf("Fan Iker Salas, 52, who has held a season ticket for years, told the Post: “They must do better.”", "They must")).toBe("Iker Salas");
  });

  it("attributes a quote to a person who wrote on a platform", () => {
    expect(speakerOf("Union leader Iker Salas wrote on Telegram: “We will strike.”", "strike")).toBe("Iker Salas");
  });

  it('attributes a quote to the person an agency "quoted him as telling"', () => {
    const body = "Harbour master Tom Lake visited Lisbon.\n\n“Repairs are going well,” state media quoted him as telling reporters.";
    expect(speakerOf(body, "Repairs")).toBe("Tom Lake");
  });

  it("carries a subject over to a coordinated reporting verb", () => {
    const body = "Mayor Ana Costa said on Monday the works had started but acknowledged that “delays” were likely.";
    expect(speakerOf(body, "delays")).toBe("Ana Costa");
  });

  it("gives a participle the subject of the main verb", () => {
    expect(speakerOf("Mayor Ana Costa backed the crews, writing on Instagram: “Proud of you all.”", "Proud")).toBe("Ana Costa");
  });

  it("attributes a question to the speaker named in the next sentence", () => {
    const body = "Senator Ana Costa questioned Tom Lake.\n\n“Is that a yes or a no?” Costa asked. “It is a yes,” Lake replied.";
    expect(quotesIn(body).map(([, s]) => s)).toEqual(["Ana Costa", "Tom Lake"]);
  });

  it("attributes a description in the lede to the person named next", () => {
    const body = "The most senior harbour official to visit the island said on Monday that “progress” had been made.\n\nTom Lake, head of the port authority, toured the pier.";
    expect(speakerOf(body, "progress")).toBe("Tom Lake");
  });

  it("resolves singular they for a person who uses they/them", () => {
    const body = "Councillor Sam Ordaz, who uses they/them pronouns, backed the motion.\n\n“It is the right call,” they said.";
    expect(speakerOf(body, "right call")).toBe("Sam Ordaz");
  });

  it("attributes a quote to the speaker after an inverted verb and an abbreviated title (\"said Rev. …\")", () => {
    expect(quotesIn("“The roof leaks,” said Rev. Iker Salas, a pastor in Leith.")).toEqual([["The roof leaks,", "Iker Salas"]]);
  });

  it("gives the words after \"by calling X …\" to the subject of the verb the phrase hangs on, not to X", () => {
    const body = "Ana Costa called Tom Lake “a reckless builder” on Monday.\n\nLake responded by calling Costa “sloppy” and accusing her of hiding the costs.";
    expect(speakerOf(body, "sloppy")).toBe("Tom Lake");
  });

  it("does not take the one told after a quote (\"“…,” telling Channel 9\") for the speaker", () => {
    const body = "The Costa Foundation declined to discuss “the rumours,” telling Channel 9 that the group cares about “cleaner harbours.”";
    expect(quotesIn(body)).toEqual([
      ["the rumours,", "Costa Foundation"],
      ["cleaner harbours.", "Costa Foundation"],
    ]);
  });

  it("gives a quote after \"X shot back\" to X, not to the subject of an earlier verb of saying", () => {
    const body = "After Tom Lake criticized Ben Holm during a debate, Ana Costa shot back, “I built this pier with my own hands.”";
    expect(speakerOf(body, "hands")).toBe("Ana Costa");
  });

  it("gives the words after \"X referred to Y as\" to X, not to Y", () => {
    const body = "Ana Costa and Tom Lake met.\n\nSpeaking on a podcast Friday in Leith, Lake referred to Costa as “a patient negotiator” but described her budget as “wishful thinking.”";
    expect(quotesIn(body).map(([, s]) => s)).toEqual(["Tom Lake", "Tom Lake"]);
  });

  it("reads curly and straight marks alike", () => {
    expect(quotesIn("\"Straight,\" said Ana Costa. “Curly,” said Tom Lake.")).toEqual([
      ["Straight,", "Ana Costa"],
      ["Curly,", "Tom Lake"],
    ]);
  });

  it("points each quote's position at its opening mark in the body", () => {
    const paragraphs = ["Intro line.", "Ana Costa said “yes”."];
    const analysed = paragraphs.map(analyseParagraph);
    const [quote] = findQuotes(analysed, [0, 13], findPeople(analysed));
    expect(paragraphs.join("\n\n")[quote.position]).toBe("“");
  });
});
