// What an outlet's or a topic's page draws: its articles per week or month, and the people
// most quoted in its articles, counted by the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodStart } from "../../src/store/time-periods.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

describe("articles over time", () => {
  it("counts an outlet's articles per month by default, and per week from the Monday, a Saturday's and a Sunday's in the week before", async () => {
    const res = await api.query(`{ outlet(slug: "northwind-wire") { months: articleVolume { start count } weeks: articleVolume(interval: WEEK) { start count } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.outlet.months).toEqual([
      { start: "2025-01-01", count: 1 },
      { start: "2025-03-01", count: 1 },
    ]);
    // 2025-01-11 is a Saturday, 2025-03-02 a Sunday.
    expect(res.data!.outlet.weeks).toEqual([
      { start: "2025-01-06", count: 1 },
      { start: "2025-02-24", count: 1 },
    ]);
  });

  it("leaves undated articles out of the periods, though they count among the outlet's articles", async () => {
    const res = await api.query(`{ outlet(slug: "meridian-post") { articleCount articleVolume { start count } } }`);
    expect(res.data!.outlet).toEqual({ articleCount: 2, articleVolume: [{ start: "2025-03-01", count: 1 }] });
  });

  it("sums a topic's articles of one week from several outlets", async () => {
    const res = await api.query(`{ topic(slug: "arctic") { articleVolume(interval: WEEK) { start count } } }`);
    expect(res.data!.topic.articleVolume).toEqual([{ start: "2025-01-06", count: 2 }]);
  });

  it("starts weeks on Monday across a year's end", () => {
    expect(periodStart("2025-01-01", "WEEK")).toBe("2024-12-30");
    expect(periodStart("2024-12-30", "WEEK")).toBe("2024-12-30");
    expect(periodStart("2024-02-29", "MONTH")).toBe("2024-02-01");
  });
});

describe("most quoted people", () => {
  it("ranks the people an outlet quoted most, leaving out quotes without a speaker", async () => {
    const res = await api.query(`{ outlet(slug: "northwind-wire") { mostQuoted { count person { name } } } }`);
    expect(res.data!.outlet.mostQuoted).toEqual([
      { count: 2, person: { name: "Oleksandr Hrytsenko" } },
      { count: 1, person: { name: "Ingrid Halvorsen" } },
    ]);
  });

  it("ranks the people most quoted in a topic's articles, every outlet together, and stops at `first`", async () => {
    const res = await api.query(`{ topic(slug: "air-travel") { mostQuoted { count person { name } } } arctic: topic(slug: "arctic") { mostQuoted(first: 1) { count person { name } } } }`);
    expect(res.data!.topic.mostQuoted).toEqual([{ count: 3, person: { name: "Oleksandr Hrytsenko" } }]);
    expect(res.data!.arctic.mostQuoted).toEqual([{ count: 2, person: { name: "Ingrid Halvorsen" } }]);
  });

  it("refuses a `first` outside 1 to 100, naming the argument", async () => {
    const res = await api.query(`{ outlet(slug: "northwind-wire") { mostQuoted(first: 101) { count } } }`);
    expect(res.errors?.[0]).toMatchObject({ message: "`first` must be between 1 and 100, got 101.", extensions: { code: "BAD_USER_INPUT", argument: "first" } });
  });

  it("reads every outlet's aggregates in one SQL statement each", async () => {
    const counter = api.archive.store.sqlStatements;
    let before = counter.count;
    await api.query(`{ outlets { name } }`);
    const listOnly = counter.count - before;
    before = counter.count;
    const res = await api.query(`{ outlets { articleVolume { count } mostQuoted { count person { name } } } }`);
    expect(res.errors).toBeUndefined();
    // The list, one statement per aggregate, and the people they name.
    expect(counter.count - before).toBeLessThanOrEqual(listOnly + 3);
  });
});
