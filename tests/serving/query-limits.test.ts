import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "../../src/server/query-limits.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

const expectRefused = (res: { status: number; data?: unknown; errors?: any[] }, limit: string, measured: number) => {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  const error = res.errors?.[0];
  expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit, measured, maximum: QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS] });
  expect(error?.message).toContain(measured.toLocaleString("en-US"));
  expect(error?.message).toContain(QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS].toLocaleString("en-US"));
};

// 100 articles × 100 quotes × (1 + 100 quotes of each speaker) = 1,010,100 nodes.
const NESTED_PAGES = `{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { speaker {
  quotes(first: 100) { edges { node { text } } } } } } } } } } }`;

describe("query cost", () => {
  it("refuses nested pages whose worst case is over the node limit, saying the cost and the limit", async () => {
    expectRefused(await api.query(NESTED_PAGES), "cost", 100 + 100 * 100 + 100 * 100 * 100);
  });

  it("takes page sizes from variables, and the default of 20 when none is given", async () => {
    const q = `query($n: Int, $m: Int = 100) { articles(first: $n) { edges { node { quotes(first: $m) { edges { node {
      speaker { quotes { edges { node { text } } } articles(first: $m) { totalCount } } } } } } } } }`;
    // 50 articles × 100 quotes × (20 quotes + 100 articles) of each speaker
    expectRefused(await api.query(q, { n: 50 }), "cost", 50 + 50 * 100 + 50 * 100 * 120);
    const small = await api.query(q, { n: 2, m: 5 });
    expect(small.errors).toBeUndefined();
  });

  it("counts lists without page arguments as 20 nodes each", async () => {
    // 100 articles × 20 people × (20 quotes + 20 outlets) × 20 people of each quote's article
    const q = `{ articles(first: 100) { edges { node { people { quotes { edges { node { article { people { name } } } } } outlets { name } } } } } }`;
    expectRefused(await api.query(q), "cost", 100 + 100 * 20 + 100 * 20 * 20 + 100 * 20 * 20 * 20 + 100 * 20 * 20);
  });

  it("answers a sizeable everyday query", async () => {
    const res = await api.query(`{ articles(first: 100) { totalCount edges { node { headline outlet { name } people { name aliases }
      topics { name } quotes { edges { node { text speaker { name } } } } } } } }`);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it("counts a fragment spread many times once per spread, without exponential work", async () => {
    // Each fragment spreads the next twice under a new connection: 2^k work if walked naively.
    const fragments = Array.from({ length: 25 }, (_, i) =>
      `fragment F${i} on Person { a${i}: quotes(first: 1) { edges { node { speaker { ...F${i + 1} } } } } b${i}: quotes(first: 1) { edges { node { speaker { ...F${i + 1} } } } } }`,
    ).join("\n");
    // Walked naively, this would not finish within the test's timeout.
    const res = await api.query(`{ person(slug: "x") { ...F0 } }\n${fragments}\nfragment F25 on Person { name }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("query depth, aliases and tokens", () => {
  it("refuses a query nested deeper than the depth limit", async () => {
    // person > quotes > edges > node > article > people > quotes > edges > node > article > outlet > name: 12
    const twelve = `{ person(slug: "x") { quotes(first: 1) { edges { node { article { people { quotes(first: 1) { edges { node { article { outlet { name } } } } } } } } } } } }`;
    expect((await api.query(twelve)).errors).toBeUndefined();
    // ... > article > people > quotes > totalCount: 13
    const thirteen = twelve.replace("outlet { name }", "outlet { name } people { quotes(first: 1) { totalCount } }");
    expectRefused(await api.query(thirteen), "depth", 13);
  });

  it("refuses a document with more aliases than the limit", async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: outlets { name }`).join(" ")} }`;
    expect((await api.query(aliased(30))).errors).toBeUndefined();
    expectRefused(await api.query(aliased(31)), "aliases", 31);
  });

  it("refuses a document with more tokens than the limit before parsing it", async () => {
    // `__typename` repeated: 3 tokens for the braces and name, then one per repetition.
    const long = `{ ${"__typename ".repeat(QUERY_LIMITS.tokens)} }`;
    expectRefused(await api.query(long), "tokens", QUERY_LIMITS.tokens + 2);
  });

  it("passes the IDE's introspection query, nine levels of ofType and all", async () => {
    for (const query of [
      getIntrospectionQuery(),
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }),
    ]) {
      const res = await api.query(query);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data!.__schema.types.length).toBeGreaterThan(10);
    }
  });

  it("still refuses an introspection query that multiplies lists inside lists", async () => {
    // graphql-js's own rule refuses `fields` nested more than three deep; lists of arguments multiply all the same.
    const res = await api.query(`{ __schema { types { fields { args { type { fields { args { name } } } } } } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "cost" });
  });
});

describe("the cost told to the client", () => {
  it("reports every answered query's measured nodes, depth and aliases beside their limits in extensions.cost", async () => {
    const res = await fetch(`${api.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ articles(first: 10) { nodes { headline quotes(first: 5) { nodes { text } } } } a: outlets { name } }` }),
    });
    const body = (await res.json()) as { data: unknown; extensions: Record<string, unknown> };
    expect(body.data).toBeTruthy();
    expect(body.extensions.cost).toEqual({ nodes: 10 + 10 * 5 + 20, nodeLimit: 50_000, depth: 5, depthLimit: 12, aliases: 1, aliasLimit: 30 });
  });

  it("reports it on a refused query too, so the client sees how far over it went", async () => {
    const res = await api.query(`{ articles(first: 100) { nodes { quotes(first: 100) { nodes { speaker { quotes(first: 100) { totalCount } } } } } } }`);
    expect(res.status).toBe(400);
    expect((res as any).extensions?.cost).toMatchObject({ nodes: 1_010_100, nodeLimit: 50_000 });
  });
});
