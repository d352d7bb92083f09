import { describe, expect, it } from "vitest";
import { groupStatements, isSameRemark, STATEMENT_WINDOW_DAYS, type RemarkQuote } from "../../src/link/statements.js";

// Invented speakers and remarks; the default date is one day in May.
let next = 0;
const quote = (speaker: string | null, text: string, publishedOn: string | null = "2025-05-06"): RemarkQuote => ({
  id: `q${++next}`,
  speaker,
  text,
  publishedOn,
});

const MINISTER = "Teodora Vasilescu";
const FULL = "We see steady progress in the talks with our neighbours, and we expect a treaty before the winter.";

describe("isSameRemark", () => {
  it("links the same words in two outlets", () => {
    expect(isSameRemark(quote(MINISTER, FULL), quote(MINISTER, `${FULL.slice(0, -1)},`, "2025-05-07"))).toBe(true);
  });

  it("links a two-word fragment to the longer quote that contains it", () => {
    expect(isSameRemark(quote(MINISTER, "steady progress"), quote(MINISTER, FULL))).toBe(true);
  });

  it("links a fragment whose words are inflected differently", () => {
    expect(isSameRemark(quote(MINISTER, "steady progresses"), quote(MINISTER, FULL))).toBe(true);
    expect(isSameRemark(quote(MINISTER, "expecting a treaty"), quote(MINISTER, FULL))).toBe(true);
  });

  it("links two translations of one sentence", () => {
    const english = "Every shipment of grain that leaves this harbour is bread on a table in Africa.";
    const retranslated = "Each shipment of grain which departs from this harbour means bread on the table of Africa";
    expect(isSameRemark(quote(MINISTER, english), quote(MINISTER, retranslated, "2025-05-07"))).toBe(true);
  });

  it("links a long re-translation that keeps five of its content words but changes the rest", () => {
    const wire = "I have coached for fifteen seasons and never seen a captain abandon his team-mates in a final like that. It will be dealt with, quietly and quickly";
    const retranslated = "In fifteen seasons as trainer I never observed a captain abandon the team in this manner. The club will resolve it in private and with speed";
    expect(isSameRemark(quote(MINISTER, wire), quote(MINISTER, retranslated, "2025-05-07"))).toBe(true);
  });

  it("links a rendering with the words in another order and other punctuation", () => {
    const said = "Our farmers need fair prices, open roads and an honest customs service.";
    const reported = "an honest customs service, open roads and fair prices for our farmers";
    expect(isSameRemark(quote(MINISTER, said), quote(MINISTER, reported))).toBe(true);
  });

  it("keeps two different remarks by one speaker on the same day apart", () => {
    const first = quote(MINISTER, "The harbour will reopen to grain ships on Monday.");
    const second = quote(MINISTER, "Our farmers deserve better prices for their grain, and they will get them.");
    expect(isSameRemark(first, second)).toBe(false);
  });

  it("keeps the same words by two people apart", () => {
    expect(isSameRemark(quote(MINISTER, "This is a proud day for both our nations"), quote("Ilkka Rautavaara", "This is a proud day for both our nations"))).toBe(false);
  });

  it("does not link a generic one-word quote, not even to the same word elsewhere", () => {
    const word = quote(MINISTER, "unacceptable");
    expect(isSameRemark(word, quote(MINISTER, "What happened at the border crossing was unacceptable, and we said so."))).toBe(false);
    expect(isSameRemark(word, quote(MINISTER, "unacceptable", "2025-05-07"))).toBe(false);
  });

  it("does not link quotes that share two words of their subject but no phrase", () => {
    const first = quote(MINISTER, "The grain corridor is the lifeline of our economy.");
    const second = quote(MINISTER, "Nobody in this government will trade the grain lifeline of our farmers for a photo opportunity.");
    expect(isSameRemark(first, second)).toBe(false);
  });

  it("keeps apart two remarks whose only words side by side are inside a place name", () => {
    const route = quote(MINISTER, "By 2030, ice-class convoys will sail the Great Amber Canal every week of the year.");
    const blockade = quote(MINISTER, "Not one convoy on the Great Amber Canal has been turned back by the blockade, and none will be this year.", "2025-05-07");
    expect(isSameRemark(route, blockade)).toBe(false);
  });

  it("links a re-translation that keeps two places the speaker named together", () => {
    const wire = quote(MINISTER, "For twelve months, barges that unload at Varnholm and Sekka will pay no harbour dues.");
    const translated = quote(MINISTER, "Harbour dues at Varnholm and Sekka will be dropped for a whole year for barges", "2025-05-07");
    expect(isSameRemark(wire, translated)).toBe(true);
  });

  it("counts a place name of several words as one shared word", () => {
    const schedule = quote(MINISTER, "Ships will cross the Great Salt Basin canal every week from June.");
    const cost = quote(MINISTER, "The Great Salt Basin canal has cost our treasury dearly.");
    expect(isSameRemark(schedule, cost)).toBe(false);
  });

  it("links a quote of three words or fewer only when its words are found verbatim in the other", () => {
    const full = quote(MINISTER, "The grain ships were never stopped at the border.");
    expect(isSameRemark(quote(MINISTER, "grain ships stopped"), full)).toBe(false);
    expect(isSameRemark(quote(MINISTER, "never stopped"), full)).toBe(true);
  });

  it("matches spellings of one speaker's name", () => {
    expect(isSameRemark(quote("Yuriy Bondarenko", "steady progress"), quote("Yuri Bondarenko", FULL))).toBe(true);
  });

  it("never links quotes that no person said", () => {
    expect(isSameRemark(quote(null, FULL), quote(null, FULL))).toBe(false);
  });

  it(`keeps a fragment reported more than ${STATEMENT_WINDOW_DAYS} days later apart`, () => {
    expect(isSameRemark(quote(MINISTER, "steady progress", "2025-05-20"), quote(MINISTER, FULL, "2025-05-06"))).toBe(false);
  });

  it("links a sentence re-quoted word for word months later, or in an undated article", () => {
    expect(isSameRemark(quote(MINISTER, "and we expect a treaty before the winter", "2025-11-02"), quote(MINISTER, FULL))).toBe(true);
    // Seven words are too few to tell a re-quote from a stock phrase the speaker uses again.
    expect(isSameRemark(quote(MINISTER, "we expect a treaty before the winter", "2025-11-02"), quote(MINISTER, FULL))).toBe(false);
    expect(isSameRemark(quote(MINISTER, FULL, null), quote(MINISTER, FULL))).toBe(true);
  });
});

describe("groupStatements", () => {
  const reports = [
    quote(MINISTER, FULL, "2025-05-06"),
    quote(MINISTER, "steady progress", "2025-05-07"),
    quote(MINISTER, "We are seeing steady progress in the negotiations with the neighbours; we expect a treaty before winter", "2025-05-08"),
    quote(MINISTER, "The harbour will reopen to grain ships on Monday.", "2025-05-06"),
    quote("Ilkka Rautavaara", "steady progress", "2025-05-07"),
    quote(null, "steady progress", "2025-05-07"),
  ];

  it("groups every report of one remark and leaves the others alone", () => {
    const [full, fragment, paraphrase, other, otherSpeaker, nobody] = reports.map((q) => q.id);
    expect(groupStatements(reports)).toEqual(
      [[full, fragment, paraphrase].sort(), [other], [otherSpeaker], [nobody]].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
  });

  it("gives the same groups in any input order", () => {
    const groups = groupStatements(reports);
    expect(groupStatements([...reports].reverse())).toEqual(groups);
    expect(groupStatements([reports[2], reports[5], reports[0], reports[4], reports[1], reports[3]])).toEqual(groups);
  });

  it("groups a full quote, a fragment of it and a translation of it as one statement", () => {
    const wire = quote("Lorcan Whitby", "I have coached for fifteen seasons and never seen a captain abandon his team like that. We will deal with it quietly and quickly,");
    const tabloid = quote("Lorcan Whitby", "abandon his team");
    const translated = quote("Lorcan Whitby", "In fifteen seasons as trainer I never saw a captain abandon his team in such a way. It will be settled in private and fast", "2025-05-07");
    const groups = groupStatements([wire, tabloid, translated]);
    expect(groups).toEqual([[wire.id, tabloid.id, translated.id].sort()]);
  });
});

describe("groupStatements across spellings of a name", () => {
  it("links one remark reported under two spellings of the speaker's name", () => {
    const wire = quote("Oleksandr Lysenko", "Every kilowatt that crosses this border is a kilowatt Moscow cannot take from us");
    const translated = quote("Alexandr Lysenko", "Each kilowatt which passes over this frontier is a kilowatt which Moscow can no longer steal from us");
    expect(groupStatements([wire, translated])).toEqual([[wire.id, translated.id].sort()]);
  });
  it("links one remark reported under the full and the shortened Spanish name", () => {
    const wire = quote("Rodrigo Valdivieso", "We are not selling the salt flats; we are building an industry.");
    const translated = quote("Rodrigo Valdivieso Araya", "We do not sell the salt flats, we construct an industry", "2025-05-07");
    expect(groupStatements([wire, translated])).toEqual([[wire.id, translated.id].sort()]);
  });
});
