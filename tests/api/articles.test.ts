import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixtureOn, type ApiFixture } from "../support/api-fixture.js";
import { describeOnEachStore, type TestStore } from "../support/test-stores.js";

describeOnEachStore("the articles API", (engine) => {
  let api: ApiFixture<TestStore>;
  beforeAll(async () => {
    api = await startApiFixtureOn(engine, SMALL_ARCHIVE);
  });
  afterAll(() => api?.close());

  const headlines = async (filter: object, extra = "") => {
    const res = await api.query(`query($filter: ArticleFilter) { articles(filter: $filter ${extra}) { totalCount edges { node { headline } } } }`, { filter });
    expect(res.errors).toBeUndefined();
    return { total: res.data!.articles.totalCount, headlines: res.data!.articles.edges.map((e: any) => e.node.headline) };
  };

  describe("articles", () => {
    it("lists every article newest first, undated ones last", async () => {
      const { total, headlines: h } = await headlines({});
      expect(total).toBe(6);
      expect(h[0]).toBe("Ukraine eyes summer return of passenger flights");
      expect(h.at(-1)).toBe("An undated note on polar research");
    });

    it("filters by outlet name or slug", async () => {
      expect((await headlines({ outlets: ["The Harbour Ledger"] })).total).toBe(2);
      expect((await headlines({ outlets: ["the-harbour-ledger"] })).total).toBe(2);
      expect((await headlines({ outlets: ["the-harbour-ledger", "Meridian Post"] })).total).toBe(4);
    });

    it("filters by an inclusive date range", async () => {
      const { headlines: h } = await headlines({ publishedAfter: "2025-01-11", publishedBefore: "2025-03-02" });
      expect(h).toEqual(["Kyiv reopens talks on civilian flights", "Arctic shipping rules draw industry fire"]);
    });

    it("filters by person slug, and by the slug of any spelling of the name", async () => {
      expect((await headlines({ people: ["ingrid-halvorsen"] })).total).toBe(2);
      expect((await headlines({ people: ["halvorsen"] })).total).toBe(2);
    });

    it("filters by topic slug or name", async () => {
      expect((await headlines({ topics: ["arctic"] })).total).toBe(3);
      expect((await headlines({ topics: ["air travel"] })).total).toBe(2);
    });

    it("finds words in headline and body with stemming", async () => {
      const { headlines: h } = await headlines({ search: "rare earth" });
      expect(h.sort()).toEqual(["Minister Halvorsen backs new Arctic shipping rules", "Ukraine eyes summer return of passenger flights"]);
    });

    it("combines filters with AND and list values with OR", async () => {
      const { headlines: h } = await headlines({ outlets: ["Northwind Wire", "Meridian Post"], topics: ["arctic"], publishedAfter: "2025-01-01" });
      expect(h).toEqual(["Arctic shipping rules draw industry fire"]);
    });

    it("returns the outlet, people, quotes in order and topics of an article", async () => {
      const res = await api.query(`{ articles(filter: { outlets: ["Northwind Wire"], topics: ["shipping"] }) { edges { node {
        headline publishedOn outlet { name slug } people { name slug }
        quotes { totalCount edges { node { text position speaker { name } } } } topics { slug name } } } } }`);
      expect(res.errors).toBeUndefined();
      const article = res.data!.articles.edges[0].node;
      expect(article.outlet).toEqual({ name: "Northwind Wire", slug: "northwind-wire" });
      expect(article.people).toEqual([{ name: "Ingrid Halvorsen", slug: "ingrid-halvorsen" }]);
      expect(article.quotes.totalCount).toBe(2);
      expect(article.quotes.edges.map((e: any) => [e.node.text, e.node.speaker?.name ?? null])).toEqual([
        ["We were not consulted,", null],
        ["fair and overdue.", "Ingrid Halvorsen"],
      ]);
      expect(article.topics.map((t: any) => t.slug).sort()).toEqual(["arctic", "shipping"]);
    });

    it("highlights the words of a search in a snippet", async () => {
      const res = await api.query(`{ articles(filter: { search: "licences" }) { edges { node { snippet(search: "licences") } } } }`);
      expect(res.data!.articles.edges[0].node.snippet).toContain("<mark>licences</mark>");
    });

    it("orders oldest first when asked", async () => {
      const { headlines: h } = await headlines({}, ", orderBy: PUBLISHED_ON_ASC");
      expect(h[0]).toBe("An undated note on polar research");
      expect(h[1]).toBe("Harbour fees rise for the first time in a decade");
    });
  });

  describe("article pagination", () => {
    const page = (args: string) =>
      api.query(`{ articles(${args}) { edges { cursor node { headline } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);

    it("walks every article forward with first/after and each article appears once", async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const res: any = await page(`first: 2${after ? `, after: "${after}"` : ""}`);
        seen.push(...res.data.articles.edges.map((e: any) => e.node.headline));
        if (!res.data.articles.pageInfo.hasNextPage) break;
        after = res.data.articles.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
    });

    it("walks backward with last/before to the same articles", async () => {
      const all: any = await page("first: 6");
      const last2: any = await page("last: 2");
      expect(last2.data.articles.edges.map((e: any) => e.node.headline)).toEqual(
        all.data.articles.edges.slice(4).map((e: any) => e.node.headline),
      );
      expect(last2.data.articles.pageInfo.hasPreviousPage).toBe(true);
      const before: any = await page(`last: 2, before: "${last2.data.articles.pageInfo.startCursor}"`);
      expect(before.data.articles.edges.map((e: any) => e.node.headline)).toEqual(
        all.data.articles.edges.slice(2, 4).map((e: any) => e.node.headline),
      );
    });

    it("keeps a cursor valid when newer articles arrive", async () => {
      const first: any = await page("first: 2");
      const cursor = first.data.articles.pageInfo.endCursor;
      const before: any = await page(`first: 2, after: "${cursor}"`);
      const { articleDraft } = await import("../support/article-drafts.js");
      await api.archive.store.saveArticle(articleDraft({ headline: "A late arrival", body: "News from tomorrow.", publishedOn: "2026-01-01" }));
      const after: any = await page(`first: 2, after: "${cursor}"`);
      expect(after.data.articles.edges).toEqual(before.data.articles.edges);
    });
  });

  describe("node", () => {
    it("fetches any object again by its global ID", async () => {
      const res = await api.query(`{ articles(first: 1, filter: { outlets: ["Northwind Wire"] }) { edges { node { id headline outlet { id } } } } }`);
      const article = res.data!.articles.edges[0].node;
      const again = await api.query(`query($a: ID!, $o: ID!) { a: node(id: $a) { ... on Article { headline } } o: node(id: $o) { __typename ... on Outlet { name } } }`, {
        a: article.id,
        o: article.outlet.id,
      });
      expect(again.data!.a.headline).toBe(article.headline);
      expect(again.data!.o.__typename).toBe("Outlet");
    });

    it("answers null for an ID that is not ours", async () => {
      const res = await api.query(`{ node(id: "not-an-id") { id } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toBeNull();
    });
  });
});
