import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { READ_CONNECTIONS } from "../../src/store/sqlite/sqlite-store.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

const endpoint = () => `${api.server.url}/graphql`;
const postJson = (body: string, headers: Record<string, string> = {}) =>
  fetch(endpoint(), { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const getQuery = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${endpoint()}?${new URLSearchParams({ query })}`, { headers: { accept: "application/json", ...headers } });

describe("request size", () => {
  it("answers a body over 100 kB with 413 and a JSON error", async () => {
    const res = await postJson(JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(101 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as any;
    expect(body.errors[0]).toEqual({ message: "The request body is larger than the limit of 102400 bytes.", extensions: { code: "BAD_REQUEST" } });
  });
});

describe("writes never go through the public endpoint", () => {
  it("has no mutation or subscription type", async () => {
    const res = await api.query(`{ __schema { mutationType { name } subscriptionType { name } } }`);
    expect(res.data!.__schema).toEqual({ mutationType: null, subscriptionType: null });
  });

  it("refuses a mutation sent by POST", async () => {
    const res = await api.query(`mutation { deleteArticle(id: "1") { id } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/^This API answers queries only: it has no mutation type/);
    expect((await api.query(`{ articles { totalCount } }`)).data!.articles.totalCount).toBe(SMALL_ARCHIVE.length);
  });

  it("runs only queries over GET, refusing a mutation or a subscription as a client error", async () => {
    const query = await getQuery("{ articles { totalCount } }", { "apollo-require-preflight": "true" });
    expect(query.status).toBe(200);
    for (const operation of ["mutation { __typename }", "subscription { __typename }"]) {
      const res = await getQuery(operation, { "apollo-require-preflight": "true" });
      expect(res.status, operation).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions.code, operation).toBe("GRAPHQL_VALIDATION_FAILED");
    }
  });
});

describe("caching", () => {
  it("tells every cache not to keep an answer, which is of one moment of a growing archive", async () => {
    const answers = [await getQuery("{ articles { totalCount } }", { "apollo-require-preflight": "true" }), await postJson(JSON.stringify({ query: "{ articles { totalCount } }" }))];
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("CSRF prevention", () => {
  it("refuses a GET a browser could send cross-site without a preflight", async () => {
    const res = await getQuery("{ articles { totalCount } }");
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it("refuses a form POST, and a text/plain one", async () => {
    for (const type of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const res = await fetch(endpoint(), { method: "POST", headers: { "content-type": type }, body: `{"query":"{ __typename }"}` });
      expect(res.status, type).toBe(400);
      expect(((await res.json()) as any).errors[0].message, type).toMatch(/Cross-Site Request Forgery/);
    }
  });
});

describe("CORS", () => {
  it("answers a preflight from any origin for GET and POST, without credentials", async () => {
    const res = await fetch(endpoint(), {
      method: "OPTIONS",
      headers: { origin: "https://analysis.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toContain("content-type");
    expect(res.headers.get("access-control-allow-headers")).toContain("apollo-require-preflight");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("access-control-max-age")).toBe("600");
  });

  it("answers a preflight for exports with GET only", async () => {
    const res = await fetch(`${api.server.url}/export/articles.ndjson`, {
      method: "OPTIONS",
      headers: { origin: "https://analysis.example", "access-control-request-method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
    expect(await res.text()).toBe("");
  });

  it("lets any origin read query results and exports", async () => {
    const graphql = await postJson(JSON.stringify({ query: "{ __typename }" }), { origin: "https://analysis.example" });
    expect(graphql.headers.get("access-control-allow-origin")).toBe("*");
    const exported = await fetch(`${api.server.url}/export/quotes.ndjson`, { headers: { origin: "https://analysis.example" } });
    expect(exported.headers.get("access-control-allow-origin")).toBe("*");
    await exported.text();
  });
});

describe("slow queries", () => {
  let slow: ApiFixture;
  beforeAll(async () => {
    process.env.QUERY_TIMEOUT_MS = "200";
    try {
      slow = await startApiFixture(SMALL_ARCHIVE);
    } finally {
      delete process.env.QUERY_TIMEOUT_MS;
    }
  });
  afterAll(() => slow?.close());

  it("answers 503 with QUERY_TIMEOUT when the answer takes longer than the timeout, and keeps serving", async () => {
    // Every read connection held by snapshots elsewhere makes the request wait its turn well past the timeout.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = Promise.all(Array.from({ length: READ_CONNECTIONS }, () => slow.archive.store.snapshot(() => released)));
    const started = performance.now();
    const res = await slow.query(`{ articles { totalCount } }`);
    const waited = performance.now() - started;
    release();
    await held;
    expect(res.status).toBe(503);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TIMEOUT");
    expect(res.errors?.[0]?.message).toContain("0.2 s");
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(2_000);
    // The late answer is dropped without harm, and the next request is served.
    await new Promise((r) => setTimeout(r, 50));
    const next = await slow.query(`{ articles { totalCount } }`);
    expect(next.status).toBe(200);
    expect(next.data!.articles.totalCount).toBe(SMALL_ARCHIVE.length);
  });
});
