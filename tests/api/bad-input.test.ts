import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixtureOn, type ApiFixture } from "../support/api-fixture.js";
import { describeOnEachStore, type TestStore } from "../support/test-stores.js";

describeOnEachStore("bad input", (engine) => {
  let api: ApiFixture<TestStore>;
  beforeAll(async () => {
    api = await startApiFixtureOn(engine, SMALL_ARCHIVE);
  });
  afterAll(() => api?.close());

  const expectBadInput = (res: { errors?: any[] }, argument: string) => {
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(res.errors?.[0]?.message).toContain(argument);
  };

  describe("bad arguments answer BAD_USER_INPUT naming the argument", () => {
    it("refuses a page size over 100", async () => {
      expectBadInput(await api.query(`{ articles(first: 101) { totalCount } }`), "first");
    });

    it("refuses a negative page size", async () => {
      expectBadInput(await api.query(`{ articles(last: -1) { totalCount } }`), "last");
      expectBadInput(await api.query(`query($n: Int) { quotes(first: $n) { totalCount } }`, { n: -5 }), "first");
    });

    it("refuses a malformed date, written in the query or sent as a variable", async () => {
      expectBadInput(await api.query(`{ articles(filter: { publishedAfter: "2025-13-01" }) { totalCount } }`), "filter.publishedAfter");
      const viaVariable = await api.query(`query($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: { publishedBefore: "yesterday" } });
      expect(viaVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(viaVariable.errors?.[0]?.message).toContain("publishedBefore");
    });

    it("refuses a day outside 1800-01-01…2199-12-31 or not in the calendar, saying how to write one", async () => {
      for (const day of ["1799-12-31", "2200-01-01", "9999-12-31", "2025-02-30"]) {
        const res = await api.query(`query($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: { publishedAfter: day } });
        expect(res.errors?.[0]?.extensions?.code, day).toBe("BAD_USER_INPUT");
        expect(res.errors?.[0]?.message, day).toContain(`"${day}" is not a date: write a calendar day between 1800-01-01 and 2199-12-31 as YYYY-MM-DD, e.g. "2025-04-03".`);
      }
      const literal = await api.query(`{ articles(filter: { publishedBefore: "1799-12-31" }) { totalCount } }`);
      expect(literal.errors?.[0]?.message).toContain(`"1799-12-31" is not a date`);
      expect(literal.errors?.[0]?.extensions?.argument).toBe("filter.publishedBefore");
      const leapDay = await api.query(`{ articles(filter: { publishedAfter: "2024-02-29", publishedBefore: "2199-12-31" }) { totalCount } }`);
      expect(leapDay.errors).toBeUndefined();
    });

    it("refuses a cursor that is not ours", async () => {
      expectBadInput(await api.query(`{ articles(after: "bm90IGEgY3Vyc29y") { totalCount } }`), "after");
      expectBadInput(await api.query(`{ articles(before: "%%%") { totalCount } }`), "before");
    });

    it("refuses a cursor from another list", async () => {
      const quotes = await api.query(`{ quotes(first: 1) { pageInfo { endCursor } } }`);
      expectBadInput(await api.query(`query($c: String) { articles(after: $c) { totalCount } }`, { c: quotes.data!.quotes.pageInfo.endCursor }), "after");
    });

    it("refuses an unknown orderBy", async () => {
      expectBadInput(await api.query(`{ articles(orderBy: NEWEST) { totalCount } }`), "orderBy");
    });

    it("refuses a date range that ends before it starts", async () => {
      expectBadInput(await api.query(`{ articles(filter: { publishedAfter: "2025-03-01", publishedBefore: "2025-01-01" }) { totalCount } }`), "filter.publishedAfter");
    });
  });

  describe("hostile search strings give results or BAD_USER_INPUT, never an internal error", () => {
    const hostile = [
      '"unbalanced',
      "rare\" earth'",
      "AND OR NOT",
      "NEAR(arctic shipping, 5)",
      "*",
      "arctic*",
      "^arctic",
      "headline:arctic",
      "body : minister",
      "{headline body}: x",
      "\u0000\u0001\u001b[31m",
      "a".repeat(10_000),
      "'; DROP TABLE articles; --",
      "1=1) OR (1=1",
      "OR",
      "-arctic",
      "arctic -shipping",
      "Ærøskøbing Zelenskýy 北极",
      "\\",
      "\"\"\"\"",
      "( ( (",
    ];
    for (const search of hostile) {
      it(`survives ${JSON.stringify(search.length > 40 ? `${search.slice(0, 20)}…(${search.length} chars)` : search)}`, async () => {
        for (const q of [
          `query($s: String) { articles(filter: { search: $s }) { totalCount edges { node { headline } } } }`,
          `query($s: String) { quotes(filter: { search: $s }) { totalCount edges { node { text } } } }`,
          `query($s: String) { people(filter: { search: $s }) { totalCount } }`,
        ]) {
          const res = await api.query(q, { s: search });
          expect(res.status).toBeLessThan(500);
          for (const error of res.errors ?? []) expect(error.extensions?.code).toBe("BAD_USER_INPUT");
          if (!res.errors) expect(res.data).toBeTruthy();
        }
      });
    }

    it("still stores everything after the hostile searches", async () => {
      const res = await api.query(`{ articles { totalCount } }`);
      expect(res.data!.articles.totalCount).toBe(SMALL_ARCHIVE.length);
    });
  });

  describe("malformed requests", () => {
    it("answers a body that is not JSON with 400 and no stack trace", async () => {
      const res = await fetch(`${api.server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(/at .*\.js:\d+/);
    });

    it("answers a syntax error with GRAPHQL_PARSE_FAILED", async () => {
      const res = await api.query(`{ articles( }`);
      expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    });
  });
});
