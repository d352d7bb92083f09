// The explorer over plain HTTP: every URL under /explore gets the page, its bundle's files
// are served under /explore/assets, and its operations are persisted queries the server
// knows before any browser sends their text. explorer.test.ts covers what the pages do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExplorerManifest } from "../../src/server/explorer-manifest.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";

const manifest = readExplorerManifest();

let api: ApiFixture;
beforeAll(async () => {
  if (!manifest) throw new Error("The explorer is not built: run `npm run build:explorer` (npm install runs it) before these tests.");
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.server.url}${path}`, { headers });

describe("the explorer's page", () => {
  it("is served at /explore and at every view's URL under it, with the hashes of its operations", async () => {
    for (const path of ["/explore", "/explore/search?q=halvorsen&outlet=meridian-post", "/explore/person/ingrid-halvorsen", "/explore/statement/U3RhdGVtZW50OjE"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html, path).toContain(`<script type="module" src="/explore/${manifest!.script}"></script>`);
      // Observable Plot's chunk, loaded by the script only when a chart is drawn, is fetched at once.
      expect(manifest!.preload.length, "the build splits Plot into a chunk").toBeGreaterThan(0);
      for (const chunk of manifest!.preload) expect(html, path).toContain(`<link rel="modulepreload" href="/explore/${chunk}">`);
      const config = JSON.parse(/<script type="application\/json" id="explorer-config">(.*)<\/script>/.exec(html)![1]);
      expect(config.operations.ExplorerPerson).toBe(manifest!.operations.ExplorerPerson.sha256);
    }
  });

  it("forbids the browser to load or send anything to another host", async () => {
    const csp = (await get("/explore")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
  });

  it("serves the bundle's hashed files for a year, and a clear 404 for a file it does not have", async () => {
    const script = await get(`/explore/${manifest!.script}`);
    expect(script.status).toBe(200);
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const missing = await get("/explore/assets/explorer-OLDHASH.js");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("reload");
  });

  it("leaves the IDE at /", async () => {
    expect(await (await get("/")).text()).toContain("GraphQL IDE");
  });
});

describe("the explorer's operations as persisted queries", () => {
  it("are answered from their hash alone, over GET, on a server no client has sent their text to", async () => {
    const params = new URLSearchParams({
      operationName: "ExplorerPerson",
      variables: JSON.stringify({ slug: "ingrid-halvorsen", first: 8 }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: manifest!.operations.ExplorerPerson.sha256 } }),
    });
    const res = await get(`/graphql?${params}`, { "apollo-require-preflight": "true", accept: "application/json" });
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.person).toMatchObject({ name: "Ingrid Halvorsen", quoteCount: 2 });
  });

  it("still ask any other client for the text of a hash the server has not seen", async () => {
    const params = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } }) });
    const body = (await (await get(`/graphql?${params}`, { "apollo-require-preflight": "true", accept: "application/json" })).json()) as any;
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
