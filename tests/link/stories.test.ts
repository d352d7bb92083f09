import { describe, expect, it } from "vitest";
import { groupStories, isSameStory, storyEvidence, storyFeatures, STORY_MAX_SPAN_DAYS, STORY_WINDOW_DAYS, type StoryArticle } from "../../src/link/stories.js";

// Invented articles: a harbour reopening covered by two outlets, the same minister's
// visit months later, her pensions speech on the day of the reopening, and a flood
// reported by two outlets that quote different residents.
const VASILESCU = { name: "Teodora Vasilescu", mentions: 4 };
const DOROFTEI = { name: "Emil Doroftei", mentions: 2 };

const harbourWire: StoryArticle = {
  id: "harbour-wire",
  publishedOn: "2025-05-06",
  headline: "Grain ships return to Constanta as harbour reopens",
  body: [
    "CONSTANTA – The first grain ships in three weeks sailed into Constanta on Tuesday after the harbour reopened, transport minister Teodora Vasilescu said.",
    "Vasilescu watched the first freighter dock at the grain terminal with the harbourmaster, Emil Doroftei. Doroftei said the dredging of the channel was finished ahead of time.",
    "The closure had left farmers across Dobrogea with full silos. Vasilescu said the corridor through the Black Sea would stay open for grain exports.",
    "Shipping agents in Constanta expect forty freighters at the terminal this week.",
  ].join("\n\n"),
  people: [VASILESCU, DOROFTEI],
};

const harbourDaily: StoryArticle = {
  id: "harbour-daily",
  publishedOn: "2025-05-07",
  headline: "Constanta harbour back in business, grain freighters queue",
  body: [
    "Freighters queued outside Constanta on Wednesday as the harbour reopened to grain traffic after the dredging of its main channel.",
    "Minister Teodora Vasilescu, who visited the grain terminal, praised the harbourmaster Emil Doroftei and his crews. Vasilescu promised farmers in Dobrogea that the Black Sea corridor would stay open.",
    "Doroftei said the terminal could load twelve freighters a day. Vasilescu added that silos across the region were still full.",
  ].join("\n\n"),
  people: [VASILESCU, { name: "Emil Doroftei", mentions: 2 }],
};

const harbourLater: StoryArticle = {
  ...harbourWire,
  id: "harbour-november",
  publishedOn: "2025-11-20",
  headline: "Vasilescu back in Constanta to inspect the grain terminal",
};

const pensionsSpeech: StoryArticle = {
  id: "pensions-speech",
  publishedOn: "2025-05-06",
  headline: "Vasilescu backs pension reform in Bucharest speech",
  body: [
    "BUCHAREST – Teodora Vasilescu told a conference of trade unions in Bucharest that pension reform could not wait another year.",
    "Vasilescu said contributions from younger workers no longer covered the payments owed to retirees, and that parliament should vote on the reform before the summer recess.",
    "Union leaders said Vasilescu had offered no guarantees for workers close to retirement. Vasilescu said pensions already being paid would not fall.",
  ].join("\n\n"),
  people: [VASILESCU],
};

const floodWire: StoryArticle = {
  id: "flood-wire",
  publishedOn: "2025-04-14",
  headline: "Danube flood forces evacuation of Galati suburbs",
  body: [
    "GALATI – Rescue crews evacuated hundreds of families from suburbs of Galati on Monday as the Danube flood broke through a levee after a week of heavy rain.",
    "Flood water reached the roofs of houses in two suburbs, and rescue boats carried families to schools on higher ground. The river was expected to crest on Tuesday.",
    "\"The water came in the night,\" said resident Marin Ghica, whose family was evacuated by boat.",
    "Engineers were reinforcing the levee with sandbags while the rain continued over the Danube basin.",
  ].join("\n\n"),
  people: [{ name: "Marin Ghica", mentions: 1 }],
};

const floodDaily: StoryArticle = {
  id: "flood-daily",
  publishedOn: "2025-04-15",
  headline: "Galati families flee as Danube flood breaches levee",
  body: [
    "Hundreds of families fled suburbs of Galati as the Danube flood poured through a broken levee, with rescue boats working through the night.",
    "The rain has not stopped for a week, and flood water covered houses up to their roofs. Rescue crews moved families to schools.",
    "\"We lost everything on the ground floor,\" said Ana Lungu, a resident evacuated with her family.",
    "The river is expected to crest on Tuesday, and engineers are piling sandbags on the levee.",
  ].join("\n\n"),
  people: [{ name: "Ana Lungu", mentions: 1 }],
};

const candidate = (a: StoryArticle) => ({ publishedOn: a.publishedOn, features: storyFeatures(a) });

describe("isSameStory", () => {
  it("links two outlets' reports of one event with the same main people and places", () => {
    expect(isSameStory(candidate(harbourWire), candidate(harbourDaily))).toBe(true);
  });

  it("keeps a visit months later in its own story", () => {
    expect(isSameStory(candidate(harbourWire), candidate(harbourLater))).toBe(false);
  });

  it("keeps another event of the same day apart when only the main person is shared", () => {
    const evidence = storyEvidence(candidate(harbourWire), candidate(pensionsSpeech));
    expect(evidence.sharedMainPerson).toBe(true);
    expect(isSameStory(candidate(harbourWire), candidate(pensionsSpeech))).toBe(false);
  });

  it("links reports of one event that quote different people when key terms and places agree", () => {
    expect(isSameStory(candidate(floodWire), candidate(floodDaily))).toBe(true);
  });

  it(`keeps reports more than ${STORY_WINDOW_DAYS} days apart in different stories`, () => {
    expect(isSameStory(candidate(floodWire), { ...candidate(floodDaily), publishedOn: "2025-04-19" })).toBe(false);
  });

  it("counts a person named by a short form of the given name as the same person", () => {
    const shortForm: StoryArticle = { ...harbourDaily, id: "harbour-short-form", people: [{ name: "Teo Vasilescu", mentions: 4 }, DOROFTEI] };
    const evidence = storyEvidence(candidate(harbourWire), candidate(shortForm));
    expect(evidence.sharedMainPerson).toBe(true);
    expect(evidence.sharedPeople).toBe(2);
  });

  it("keeps the same person's unrelated event of the same day apart even when it names the same cities", () => {
    const speechInConstanta: StoryArticle = { ...pensionsSpeech, body: `${pensionsSpeech.body}\n\nVasilescu travelled on to Constanta and Dobrogea later in the day.` };
    expect(isSameStory(candidate(harbourWire), candidate(speechInConstanta))).toBe(false);
  });

  it("never links an undated article", () => {
    expect(isSameStory(candidate(harbourWire), { ...candidate(harbourDaily), publishedOn: null })).toBe(false);
  });
});

describe("storyFeatures", () => {
  it("keeps a small JSON value that compares the same after a round trip", () => {
    const features = storyFeatures(harbourWire);
    const stored = JSON.parse(JSON.stringify(features));
    expect(stored).toEqual(features);
    expect(JSON.stringify(features).length).toBeLessThan(1500);
    expect(isSameStory({ publishedOn: harbourWire.publishedOn, features: stored }, candidate(harbourDaily))).toBe(true);
  });

  it("lists the main people first, the places named and the key terms", () => {
    const features = storyFeatures(harbourWire);
    expect(features.people.map((p) => p.key)).toEqual(["teodora vasilescu", "emil doroftei"]);
    expect(features.places).toEqual(expect.arrayContaining(["constanta", "dobrogea"]));
    expect(features.places).not.toContain("vasilescu");
    expect(features.terms.map((t) => t.term)).toEqual(expect.arrayContaining(["grain", "harbour", "terminal"]));
  });
});

describe("groupStories", () => {
  const articles = [harbourWire, pensionsSpeech, floodDaily, harbourLater, harbourDaily, floodWire];

  it("groups the articles about each event and leaves the rest alone", () => {
    expect(groupStories(articles)).toEqual([
      ["flood-daily", "flood-wire"],
      ["harbour-daily", "harbour-wire"],
      ["harbour-november"],
      ["pensions-speech"],
    ]);
  });

  it("gives the same groups in any input order", () => {
    expect(groupStories([...articles].reverse())).toEqual(groupStories(articles));
  });
});

describe("the bound on a story's span", () => {
  const daily = (day: number) => ({
    id: `day-${String(day).padStart(2, "0")}`,
    publishedOn: `2025-03-${String(day).padStart(2, "0")}`,
    headline: `Halvorsen presses on with Arctic fisheries quota talks in Tromsø`,
    body: "Fisheries minister Ingrid Halvorsen met fishermen in Tromsø and Bodø about the Arctic cod quota. Halvorsen said the quota talks in Tromsø would go on. Ola Nordmann of the fishermen's union said Bodø would host the next round.",
    people: [
      { name: "Ingrid Halvorsen", mentions: 3 },
      { name: "Ola Nordmann", mentions: 1 },
    ],
  });

  it("keeps day-by-day coverage of one subject from chaining into a story longer than two weeks", () => {
    const articles = Array.from({ length: 15 }, (_, i) => daily(1 + 2 * i)); // every other day, March 1 to 29
    const groups = groupStories(articles);
    const day = (id: string) => Number(id.slice(4));
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) expect(day(group.at(-1)!) - day(group[0])).toBeLessThanOrEqual(STORY_MAX_SPAN_DAYS);
    // Within the bound the chain still holds: the first week is one story.
    expect(groups[0]).toEqual(expect.arrayContaining(["day-01", "day-03", "day-05", "day-07"]));
  });
});
