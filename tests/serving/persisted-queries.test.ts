import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function post(body: object) {
  const res = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: any[] }) };
}

describe("automatic persisted queries", () => {
  const query = `query OutletNames($first: Int) { articles(first: $first) { totalCount edges { node { outlet { name } } } } }`;
  const hash = sha256(query);

  it("asks for the query text the first time a hash is sent, then answers from the hash alone", async () => {
    const unknown = await post({ extensions: persisted(hash), variables: { first: 2 } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await post({ query, extensions: persisted(hash), variables: { first: 2 } });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.articles.edges).toHaveLength(2);

    const byHash = await post({ extensions: persisted(hash), variables: { first: 3 } });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data.articles.totalCount).toBe(SMALL_ARCHIVE.length);
    expect(byHash.data.articles.edges).toHaveLength(3);
  });

  it("answers a persisted query over GET, the form a CDN can cache", async () => {
    const params = new URLSearchParams({ extensions: JSON.stringify(persisted(hash)), variables: JSON.stringify({ first: 1 }) });
    const res = await fetch(`${api.server.url}/graphql?${params}`, { headers: { "apollo-require-preflight": "true", accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.articles.edges).toHaveLength(1);
  });

  it("refuses a hash that does not match the query sent with it", async () => {
    const res = await post({ query: "{ outlets { name } }", extensions: persisted(hash) });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } });
  });

  it("does not persist a query the cost limit refused", async () => {
    const costly = `{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { speaker { quotes(first: 100) { totalCount } } } } } } } } }`;
    const refused = await post({ query: costly, extensions: persisted(sha256(costly)) });
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const again = await post({ extensions: persisted(sha256(costly)) });
    expect(again.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
