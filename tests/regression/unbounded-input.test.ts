// Issue 13: a list filter of 16,384 values answered INTERNAL_SERVER_ERROR (too many SQL
// variables), and /export took names every object inherits as its own parameters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

const LIST_FILTERS: Array<[query: string, filterType: string, field: string]> = [
  ["articles", "ArticleFilter", "outlets"],
  ["articles", "ArticleFilter", "people"],
  ["articles", "ArticleFilter", "topics"],
  ["articles", "ArticleFilter", "stories"],
  ["people", "PersonFilter", "outlets"],
  ["quotes", "QuoteFilter", "speakers"],
  ["quotes", "QuoteFilter", "organisations"],
  ["quotes", "QuoteFilter", "outlets"],
  ["quotes", "QuoteFilter", "topics"],
  ["statements", "StatementFilter", "speakers"],
  ["statements", "StatementFilter", "outlets"],
  ["statements", "StatementFilter", "topics"],
  ["statements", "StatementFilter", "stories"],
  ["stories", "StoryFilter", "people"],
  ["stories", "StoryFilter", "outlets"],
  ["stories", "StoryFilter", "topics"],
];

describe("list filters are bounded", () => {
  it.each(LIST_FILTERS)("refuses 16,384 values in %s(filter: { %s.%s }) with BAD_USER_INPUT stating the maximum", async (query, filterType, field) => {
    const res = await api.query(`query($f: ${filterType}) { ${query}(filter: $f) { totalCount } }`, { f: { [field]: Array.from({ length: 16_384 }, () => "a") } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: `filter.${field}` });
    expect(res.errors?.[0]?.message).toContain("holds 16384 values; the most it takes is 100");
  });

  it("takes 100 values and refuses 101", async () => {
    const ask = (n: number) => api.query(`query($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: { outlets: Array.from({ length: n }, (_, i) => `outlet-${i}`) } });
    expect((await ask(100)).data?.articles.totalCount).toBe(0);
    expect((await ask(101)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("export parameters are our own names only", () => {
  it.each(["__proto__=1", "constructor=x", "toString=x", "hasOwnProperty=x"])("refuses ?%s as an unknown parameter", async (query) => {
    const res = await fetch(`${api.server.url}/export/articles.ndjson?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string; parameter: string } }[] };
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", parameter: query.split("=")[0] });
    expect(body.errors[0].message).toMatch(/^Unknown parameter/);
  });
});
