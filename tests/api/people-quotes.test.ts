import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

describe("people", () => {
  it("stores two outlets' transliterations of one name as one person", async () => {
    const res = await api.query(`{ person(slug: "aleksandr-gritsenko") { name slug aliases articleCount quoteCount outlets { name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.person).toMatchObject({ name: "Oleksandr Hrytsenko", slug: "oleksandr-hrytsenko", articleCount: 2, quoteCount: 3 });
    expect(res.data!.person.aliases).toEqual(expect.arrayContaining(["Oleksandr Hrytsenko", "Aleksandr Gritsenko", "Gritsenko"]));
    expect(res.data!.person.outlets.map((o: any) => o.name).sort()).toEqual(["Meridian Post", "Northwind Wire"]);
  });

  it("answers null for a person nobody knows", async () => {
    const res = await api.query(`{ person(slug: "nobody-at-all") { name } }`);
    expect(res.data!.person).toBeNull();
  });

  it("lists what a person said, newest first, with the article and outlet", async () => {
    const res = await api.query(`{ person(slug: "ingrid-halvorsen") { quotes { edges { node { text article { headline outlet { name } } } } } articles { totalCount } } }`);
    expect(res.data!.person.quotes.edges.map((e: any) => [e.node.text, e.node.article.outlet.name])).toEqual([
      ["fair and overdue.", "Northwind Wire"],
      ["the Arctic is not a free-for-all.", "The Harbour Ledger"],
    ]);
    expect(res.data!.person.articles.totalCount).toBe(2);
  });

  it("finds people by part of any spelling, and ranks the most quoted in a period", async () => {
    const search = await api.query(`{ people(filter: { search: "gritsen" }) { edges { node { name } } } }`);
    expect(search.data!.people.edges.map((e: any) => e.node.name)).toEqual(["Oleksandr Hrytsenko"]);
    const ranked = await api.query(`{ people(orderBy: MOST_QUOTED, filter: { publishedAfter: "2025-01-01", publishedBefore: "2025-02-01" }) { totalCount edges { count node { name } } } }`);
    expect(ranked.data!.people).toEqual({ totalCount: 1, edges: [{ count: 2, node: { name: "Ingrid Halvorsen" } }] });
  });
});

describe("quotes", () => {
  it("filters by speaker, outlet, dates and words of the quote", async () => {
    const q = async (filter: object) => {
      const res = await api.query(`query($f: QuoteFilter) { quotes(filter: $f) { totalCount edges { node { text speaker { slug } article { headline publishedOn outlet { name } } } } } }`, { f: filter });
      expect(res.errors).toBeUndefined();
      return res.data!.quotes;
    };
    expect((await q({ speakers: ["oleksandr-hrytsenko"] })).totalCount).toBe(3);
    expect((await q({ speakers: ["oleksandr-hrytsenko"], outlets: ["Meridian Post"] })).totalCount).toBe(1);
    expect((await q({ publishedBefore: "2025-01-10" })).totalCount).toBe(1);
    expect((await q({ search: "ready" })).edges.map((e: any) => e.node.text).sort()).toEqual(["We are ready,", "nearly ready."]);
    expect((await q({ topics: ["arctic"] })).totalCount).toBe(3);
  });
});

describe("outlets and topics", () => {
  it("lists outlets with article counts and date range", async () => {
    const res = await api.query(`{ outlets { name articleCount firstPublishedOn lastPublishedOn } outlet(slug: "Northwind Wire") { slug } }`);
    expect(res.data!.outlets).toContainEqual({ name: "The Harbour Ledger", articleCount: 2, firstPublishedOn: "2024-06-30", lastPublishedOn: "2025-01-10" });
    expect(res.data!.outlet.slug).toBe("northwind-wire");
  });

  it("lists topics with article counts, most used first", async () => {
    const res = await api.query(`{ topics { slug articleCount } topic(slug: "shipping") { name articleCount } }`);
    expect(res.data!.topics[0]).toEqual({ slug: "arctic", articleCount: 3 });
    expect(res.data!.topic).toEqual({ name: "shipping", articleCount: 2 });
  });
});
