// The aggregates a person's page draws (the explorer's timeline, outlets and topics), counted
// by the database rather than paged through quote by quote.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleDraft, SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  // One more article, naming someone it never quotes.
  const silent = articleDraft({
    headline: "Harbour board meets in private",
    body: "Harbour master Odile Varnier chaired the board, which took no questions.",
    outlet: "The Harbour Ledger",
    publishedOn: "2025-04-01",
    people: [{ name: "Odile Varnier", aliases: ["Varnier"], mentions: 1 }],
  });
  api = await startApiFixture([...SMALL_ARCHIVE, silent]);
});
afterAll(() => api?.close());

describe("a person's aggregates", () => {
  it("counts the quotes per day and outlet, oldest day first, with the first stored quote as the example, across both spellings", async () => {
    const res = await api.query(`{ person(slug: "aleksandr-gritsenko") { quoteTimeline { interval points { start outlet { name } count example { text } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.person.quoteTimeline).toEqual({
      interval: "DAY",
      points: [
        { start: "2025-03-02", outlet: { name: "Northwind Wire" }, count: 2, example: { text: "within months." } },
        { start: "2025-03-03", outlet: { name: "Meridian Post" }, count: 1, example: { text: "nearly ready." } },
      ],
    });
  });

  it("counts per week, then per month, when days would make more points than maxPoints, and per month however many they make", async () => {
    const res = await api.query(`{ person(slug: "oleksandr-hrytsenko") { quoteTimeline(maxPoints: 1) { interval points { start outlet { name } count example { text } } } } }`);
    // Per week there are still two points: 2025-03-02 is a Sunday, 2025-03-03 the next Monday.
    expect(res.data!.person.quoteTimeline).toEqual({
      interval: "MONTH",
      // Within a period, outlets in the order the archive first stored them.
      points: [
        { start: "2025-03-01", outlet: { name: "Northwind Wire" }, count: 2, example: { text: "within months." } },
        { start: "2025-03-01", outlet: { name: "Meridian Post" }, count: 1, example: { text: "nearly ready." } },
      ],
    });
  });

  it("refuses a maxPoints outside 1 to 5,000, naming the argument", async () => {
    const res = await api.query(`{ person(slug: "oleksandr-hrytsenko") { quoteTimeline(maxPoints: 0) { interval } } }`);
    expect(res.errors?.[0]).toMatchObject({ message: "`maxPoints` must be between 1 and 5000, got 0.", extensions: { code: "BAD_USER_INPUT", argument: "maxPoints" } });
  });

  it("counts the quotes each outlet carried, most first, adding up to the person's quote count", async () => {
    const res = await api.query(`{ person(slug: "oleksandr-hrytsenko") { quoteCount quotesByOutlet { outlet { name } count } } }`);
    const person = res.data!.person;
    expect(person.quotesByOutlet).toEqual([
      { outlet: { name: "Northwind Wire" }, count: 2 },
      { outlet: { name: "Meridian Post" }, count: 1 },
    ]);
    expect(person.quotesByOutlet.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(person.quoteCount);
  });

  it("lists the topics of the articles quoting the person, with how many articles each", async () => {
    const res = await api.query(`{ person(slug: "oleksandr-hrytsenko") { topics { topic { slug } articleCount } } }`);
    expect(res.data!.person.topics).toEqual([{ topic: { slug: "air-travel" }, articleCount: 2 }]);
  });

  it("answers empty lists for a person who was named but never quoted", async () => {
    const res = await api.query(`{ person(slug: "odile-varnier") { articleCount quoteTimeline { interval points { count } } quotesByOutlet { count } topics { articleCount } } }`);
    expect(res.data!.person).toEqual({ articleCount: 1, quoteTimeline: { interval: "DAY", points: [] }, quotesByOutlet: [], topics: [] });
  });

  it("reads the aggregates of a whole page of people in one SQL statement each", async () => {
    const counter = api.archive.store.sqlStatements;
    const list = `people(first: 100) { nodes { slug } }`;
    let before = counter.count;
    await api.query(`{ ${list} }`);
    const listOnly = counter.count - before;
    before = counter.count;
    const res = await api.query(`{ people(first: 100) { nodes { quoteTimeline { points { count outlet { name } example { text } } } quotesByOutlet { count outlet { name } } topics { articleCount topic { name } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.people.nodes.length).toBeGreaterThan(2);
    // The list, then one statement per aggregate, then the outlets, topics and example quotes they name (one each).
    expect(counter.count - before).toBeLessThanOrEqual(listOnly + 3 + 3);
  });
});
