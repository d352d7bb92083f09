import { createHash } from "node:crypto";
import type { ArticleDraft } from "../../src/extract/types.js";

/** An extracted article as the pipeline would hand it to the store; the fields not given are empty. */
export function articleDraft(fields: Partial<ArticleDraft> & { headline: string; body: string }): ArticleDraft {
  return {
    file: `${fields.headline}.txt`,
    contentHash: createHash("sha256").update(fields.headline + fields.body).digest("hex"),
    outlet: null,
    publishedOn: null,
    url: null,
    byline: [],
    dateline: null,
    standfirst: null,
    people: [],
    quotes: [],
    topics: [],
    ...fields,
  };
}

const HALVORSEN = { name: "Ingrid Halvorsen", aliases: ["Halvorsen", "Ms Halvorsen"], mentions: 3 };
const GRITSENKO = { name: "Oleksandr Hrytsenko", aliases: ["Hrytsenko"], mentions: 2 };
const GRITSENKO_RU = { name: "Aleksandr Gritsenko", aliases: ["Gritsenko"], mentions: 2 };
const TOPIC = (slug: string, name = slug.replace(/-/g, " ")) => ({ slug, name, score: 0.8 });

/**
 * A small invented archive: three outlets, a minister quoted in several of them, a name
 * spelled two ways, and dates spread over a year. Tests of the API read it.
 */
export const SMALL_ARCHIVE: ArticleDraft[] = [
  articleDraft({
    headline: "Minister Halvorsen backs new Arctic shipping rules",
    body: 'Fisheries minister Ingrid Halvorsen said on Monday that "the Arctic is not a free-for-all."\n\nHalvorsen added that rare earths would be mined only under strict licences.',
    outlet: "The Harbour Ledger",
    publishedOn: "2025-01-10",
    url: "https://harbourledger.example/arctic-rules",
    people: [HALVORSEN],
    quotes: [{ text: "the Arctic is not a free-for-all.", speaker: "Ingrid Halvorsen", position: 55 }],
    topics: [TOPIC("arctic", "Arctic"), TOPIC("rare-earth-metals", "rare earth metals")],
  }),
  articleDraft({
    headline: "Arctic shipping rules draw industry fire",
    body: 'Shipowners criticised the rules. "We were not consulted," a spokesperson for the shipowners\' association said.\n\nMs Halvorsen said the rules were "fair and overdue."',
    outlet: "Northwind Wire",
    publishedOn: "2025-01-11",
    people: [HALVORSEN],
    quotes: [
      { text: "We were not consulted,", speaker: null, position: 35 },
      { text: "fair and overdue.", speaker: "Ingrid Halvorsen", position: 130 },
    ],
    topics: [TOPIC("arctic", "Arctic"), TOPIC("shipping")],
  }),
  articleDraft({
    headline: "Kyiv reopens talks on civilian flights",
    body: 'Oleksandr Hrytsenko, the transport minister, said flights could resume "within months."\n\n"We are ready," Hrytsenko said.',
    outlet: "Northwind Wire",
    publishedOn: "2025-03-02",
    people: [GRITSENKO],
    quotes: [
      { text: "within months.", speaker: "Oleksandr Hrytsenko", position: 75 },
      { text: "We are ready,", speaker: "Oleksandr Hrytsenko", position: 93 },
    ],
    topics: [TOPIC("air-travel", "air travel")],
  }),
  articleDraft({
    headline: "Ukraine eyes summer return of passenger flights",
    body: 'Transport minister Aleksandr Gritsenko told reporters the airports were "nearly ready."\n\nRare earth deposits were not discussed.',
    outlet: "Meridian Post",
    publishedOn: "2025-03-03",
    people: [GRITSENKO_RU],
    quotes: [{ text: "nearly ready.", speaker: "Aleksandr Gritsenko", position: 66 }],
    topics: [TOPIC("air-travel", "air travel")],
  }),
  articleDraft({
    headline: "Harbour fees rise for the first time in a decade",
    body: "The port authority raised harbour fees by 4 percent, citing higher dredging costs.",
    outlet: "The Harbour Ledger",
    publishedOn: "2024-06-30",
    topics: [TOPIC("shipping")],
  }),
  articleDraft({
    headline: "An undated note on polar research",
    body: "Researchers published a survey of sea ice without giving a date.",
    outlet: "Meridian Post",
    publishedOn: null,
    topics: [TOPIC("arctic", "Arctic")],
  }),
];

const halvorsen = { name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 3 };
const nordmann = { name: "Ola Nordmann", aliases: [], mentions: 1 };

// Remarks with no words in common, so that each is a statement of its own.
const REMARKS = new Map([
  [1, "Nobody leaves this room before the boats have a number."],
  [3, "Our inspectors counted fewer young cod than any spring before."],
  [6, "Bodø will host the next round, and I expect an agreement there."],
  [20, "Trawlers from the south must respect the closed zones."],
]);

/**
 * One event's coverage on day `day` of March 2025 (1, 3, 6 or 20): the same people and places
 * every day, a different remark each day. Days 1 and 6 are too far apart to be one story; day 3
 * is near both and joins them; day 20 is a story of its own.
 */
export const storyReport = (day: number, headline = `Halvorsen presses on with Arctic fisheries quota talks in Tromsø (day ${day})`, more = "") => {
  const remark = REMARKS.get(day)!;
  const body = `Fisheries minister Ingrid Halvorsen met fishermen in Tromsø and Bodø about the Arctic cod quota. Halvorsen said "${remark}" Ola Nordmann of the fishermen's union said Bodø would host the next round.${more}`;
  return articleDraft({
    headline,
    body,
    outlet: day % 2 ? "Northwind Wire" : "The Harbour Ledger",
    publishedOn: `2025-03-${String(day).padStart(2, "0")}`,
    people: [halvorsen, nordmann],
    quotes: [{ text: remark, speaker: halvorsen.name, position: body.indexOf(remark) - 1 }],
  });
};
