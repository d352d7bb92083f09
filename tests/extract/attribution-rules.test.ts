// Attribution rules for quotes whose speaker stands apart from the quote.
import { describe, expect, it } from "vitest";
import { findPeople } from "../../src/extract/people.js";
import { reportsAt } from "../../src/extract/attribution.js";
import { findQuotes } from "../../src/extract/quotes.js";
import { analyseParagraph } from "../../src/extract/text-analysis.js";

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

  it("gives a quote to the name before a relative clause, not to a name that ends the clause", () => {
    const body = "Sen. Ana Costa (D-Ore.), who has endorsed Tom Lake, said the plan was “sound.”";
    expect(quotesIn(body)).toEqual([["sound.", "Ana Costa"]]);
  });

  it("gives a quote to the name before an appositive that holds a place and a relative clause", () => {
    const body = "Ana Costa spoke in Leith.\n\nTom Lake, a welder from Bergen, Norway, who has worked at the yard for years and backs Ms. Costa, said the night shifts were “far too long.”";
    expect(quotesIn(body)).toEqual([["far too long.", "Tom Lake"]]);
  });

  it("gives a quote opened by \"…, telling a radio host, “…”\" to the subject of the main verb", () => {
    const body = "Ana Costa and Tom Lake met.\n\nLater that week, Lake offered his support to Costa, telling a radio host, “We need more people like her.”";
    expect(quotesIn(body)).toEqual([["We need more people like her.", "Tom Lake"]]);
  });

  it("gives a quote to the name a relative pronoun follows (\"Lake, who declared …\")", () => {
    const body = "The idea came from Tom Lake, who declared that the pier “cannot wait.”";
    expect(quotesIn(body)).toEqual([["cannot wait.", "Tom Lake"]]);
  });

  it("gives every quote of a sentence to the speaker of the inverted verb that closes it, however far back", () => {
    const body = [
      "Tom Lake and Ana Costa met.",
      "The audit went through the accounts of Lake and the yard and found “no payments of note,” apart from the two men sharing a boat “now and then” at the old marina, said the agency’s head, Ana Costa, on Friday.",
    ].join("\n\n");
    expect(quotesIn(body)).toEqual([
      ["no payments of note,", "Ana Costa"],
      ["now and then", "Ana Costa"],
    ]);
  });

  it("gives a later \"he said\" to the speaker named after an inverted verb, not to the name before the comma", () => {
    const body = [
      "Tomas Brenner won the primary in March.",
      "But the mayor would do well to begin building bridges to Mr. Brenner, said Oskar Lindqvist, a former adviser to the council.",
      '"It seems certain the race will run to the end," he said.',
    ].join("\n\n");
    expect(quotesIn(body)).toEqual([["It seems certain the race will run to the end,", "Oskar Lindqvist"]]);
  });

  it("gives a quote to the person whose employer stands between the name and the verb, not to the employer", () => {
    const body = 'Petra Varga leads the campaign against the mine.\n\n"It was the least bad outcome," Ms. Varga of the Larkspur Conservation Trust said.';
    expect(quotesIn(body)).toEqual([["It was the least bad outcome,", "Petra Varga"]]);
  });

  it("gives the words after \"went on to say\" to the subject of the verb the infinitive completes", () => {
    const body = 'Tomas Brenner spoke on Monday.\n\nHe went on to say the plan is "very different from what we were promised."';
    expect(quotesIn(body)).toEqual([["very different from what we were promised.", "Tomas Brenner"]]);
  });

  it("gives the words of a statement to whoever released it", () => {
    const body = 'Anna Quint won the vote.\n\nAt the time, she released a statement saying, "The company has been a trusted partner."';
    expect(quotesIn(body)).toEqual([["The company has been a trusted partner.", "Anna Quint"]]);
  });

  it("gives a quote to the person a description after \"said\" names, not to the name that qualifies it", () => {
    const modifier = 'Tom Lake leads the race.\n\n"It is simple," said Lake campaign manager Robby Vance in a statement.';
    expect(quotesIn(modifier)).toEqual([["It is simple,", "Robby Vance"]]);
    const apposed = "Tom Lake leads the race.\n\n\"It may have been his first attempt,\" said Lake's best friend at college, Bruce Tarrant.";
    expect(quotesIn(apposed)).toEqual([["It may have been his first attempt,", "Bruce Tarrant"]]);
  });

  it("keeps the subject before an appositive for a verb that takes a person for object", () => {
    const body = 'Tom Lake called on Ivan Holt to apologise to Sam Price.\n\nHolt, a former party chairman, mocked Price during the debate.\n\n"I do not think this is a strange idea," he said.';
    expect(quotesIn(body)).toEqual([["I do not think this is a strange idea,", "Ivan Holt"]]);
  });

  it("gives a quote opened by \"…, saying,\" to the subject of the main verb", () => {
    const body = [
      "Tom Lake called on Ivan Holt to apologise to Sam Price.",
      '"That was outrageous," Lake said in an interview with Rita Moss. "He should apologise."',
      "Holt, a former party chairman, mocked Price during the debate.",
      'He then defended the remark, saying, "I do not think this is a strange idea."',
    ].join("\n\n");
    expect(quotesIn(body).at(-1)).toEqual(["I do not think this is a strange idea.", "Ivan Holt"]);
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

describe("a bare first surname of a two-surname name", () => {
  it("attributes a quote to the one person whose full name holds the surname after the first word", () => {
    const body = 'Port minister Lucía Ferrando Oyarce opened the dock.\n\n"We are ready," Ferrando said.';
    expect(quotesIn(body)).toEqual([["We are ready,", "Lucía Ferrando Oyarce"]]);
  });

  it("attributes a quote to a particle surname written inside a longer name", () => {
    const body = 'Mayor Juan de la Vega Ortiz opened the pier.\n\nLater, de la Vega said it was "built to last".';
    expect(quotesIn(body)).toEqual([["built to last", "Juan de la Vega Ortiz"]]);
  });
});

describe("epithets: a definite nationality or age description points back to a person", () => {
  it("attributes a nationality epithet to the salient person it does not contradict", () => {
    const body = [
      "Omar Haddad left the pitch early on Saturday.",
      'The English coach of the club, Tom Lake, was furious. "It will be settled inside," said Lake.',
      '"I gave everything," wrote the Egyptian on Instagram.',
    ].join("\n\n");
    expect(quotesIn(body)).toEqual([
      ["It will be settled inside,", "Tom Lake"],
      ["I gave everything,", "Omar Haddad"],
    ]);
  });

  it("attributes a nationality epithet to the person the text gave that nationality", () => {
    const body = 'Chilean striker Omar Haddad and winger Tom Lake trained on Monday.\n\nLake spoke first.\n\n"We are ready," said the Chilean.';
    expect(quotesIn(body)).toEqual([["We are ready,", "Omar Haddad"]]);
  });

  it("attributes an age epithet to the person the text gave that age", () => {
    const body = 'Fan Gary Holt, 52, queued beside Ana Costa, 30.\n\nCosta waved.\n\n"It is a disgrace," said the 52-year-old.';
    expect(quotesIn(body)).toEqual([["It is a disgrace,", "Gary Holt"]]);
  });

  it("does not read a capitalised title such as The Australian as an epithet", () => {
    const body = 'Ana Costa met Tom Lake.\n\nLake spoke first.\n\n"We are ready," The Australian reported.';
    expect(quotesIn(body)).toEqual([["We are ready,", null]]);
  });

  it("gives no speaker to an indefinite nationality phrase", () => {
    const body = 'Omar Haddad left early.\n\n"Shameful," an Egyptian fan said.';
    expect(quotesIn(body)).toEqual([["Shameful,", null]]);
  });

  it("gives no speaker to an unnamed gendered epithet when nobody named has that age", () => {
    const body = 'Omar Haddad left early.\n\n"Shameful," said the 29-year-old woman.';
    expect(quotesIn(body)).toEqual([["Shameful,", null]]);
  });
});

describe("verbs of saying", () => {
  /** Whether the word `verb` of `sentence` reports speech there. */
  const reports = (sentence: string, verb: string) => {
    const { tokens } = analyseParagraph(sentence);
    return reportsAt(tokens, tokens.findIndex((t) => t.text === verb));
  };

  it("reads a verb followed by \"to\" and a noun as reporting (\"said to reporters\", \"said to cheers\")", () => {
    expect(reports("Costa said to reporters that the pier was safe.", "said")).toBe(true);
    expect(reports("“Here we go again,” Costa said to cheers.", "said")).toBe(true);
  });

  it("reads a retort with its particle as reporting (\"shot back\", \"fired back\")", () => {
    expect(reports("“Nobody asked the crews,” Lake shot back with a grin.", "shot")).toBe(true);
    expect(reports("Costa fired back: “Not on my watch.”", "fired")).toBe(true);
    expect(reports("The guard fired at the target.", "fired")).toBe(false);
  });

  it("does not read a verb followed by an infinitive as reporting (\"is said to be\")", () => {
    expect(reports("The pier is said to be safe.", "said")).toBe(false);
    expect(reports("Costa would continue to argue her case.", "continue")).toBe(false);
  });
});
