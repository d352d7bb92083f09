import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

const ask = async (method: string, path: string) => {
  const res = await fetch(`${api.server.url}${path}`, { method });
  return { status: res.status, allow: res.headers.get("allow"), type: res.headers.get("content-type"), body: await res.text() };
};

describe("routes nobody serves", () => {
  it("answers an unknown path with a JSON 404, not Express's HTML page", async () => {
    for (const path of ["/nope", "/graphql/extra", "/export/people.ndjson", "/ide/nothing"]) {
      const res = await ask("GET", path);
      expect(res.status, path).toBe(404);
      expect(res.type).toMatch(/^application\/json/);
      expect(JSON.parse(res.body).errors[0]).toMatchObject({ extensions: { code: "NOT_FOUND" }, message: expect.stringContaining(path) });
    }
  });

  it("answers a known path asked with the wrong method with 405 and the methods it takes in Allow", async () => {
    for (const [method, path, allow] of [
      ["DELETE", "/healthz", "GET, HEAD"],
      ["POST", "/export/articles.ndjson", "GET, HEAD, OPTIONS"],
      ["PUT", "/schema.graphql", "GET, HEAD, OPTIONS"],
      ["PUT", "/graphql", "GET, HEAD, POST, OPTIONS"],
    ]) {
      const res = await ask(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.allow, `${method} ${path}`).toBe(allow);
      expect(JSON.parse(res.body).errors[0].extensions.code).toBe("METHOD_NOT_ALLOWED");
    }
  });
});
