import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/server/request-log.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

let archive: TestArchive;
let server: ServerProcess;
beforeAll(async () => {
  archive = await createTestArchive();
  for (const draft of SMALL_ARCHIVE) await archive.store.saveArticle(draft);
  server = await startServerProcess(archive.url, { LOG_LEVEL: "info" });
});
afterAll(async () => {
  await server?.stop();
  await archive?.close();
});

const SECRET = "a-variable-value-that-must-not-be-logged";

const post = (body: object) =>
  fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.text());

async function logLines(count: number) {
  for (let i = 0; i < 50 && server.stdout.trim().split("\n").length < count; i++) await new Promise((r) => setTimeout(r, 20));
  return server.stdout.trim().split("\n").map((line) => JSON.parse(line));
}

describe("request log", () => {
  it("writes one JSON line per request to stdout: operation, duration, cost, status, error codes", { timeout: 30_000 }, async () => {
    await post({ query: `query ArticlesBySearch($s: String) { articles(first: 5, filter: { search: $s }) { edges { node { headline body } } } }`, variables: { s: "arctic" } });
    await post({ query: `query BadCursor($c: String) { articles(after: $c) { totalCount } }`, variables: { c: SECRET } });
    await post({ query: `query TooCostly { articles(first: 100) { edges { node { quotes(first: 100) { edges { node { speaker { quotes(first: 100) { totalCount } } } } } } } } }` });
    await fetch(`${server.url}/graphql?query=${encodeURIComponent(`{ __typename }`)}&variables=${SECRET}`);
    await fetch(`${server.url}/export/articles.ndjson?q=arctic`).then((r) => r.text());

    const lines = await logLines(5);
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatchObject({ level: 30, msg: "request", time: expect.any(String), durationMs: expect.any(Number) });
    expect(lines[0]).toMatchObject({ method: "POST", path: "/graphql", status: 200, operationName: "ArticlesBySearch", cost: 5 });
    expect(lines[0].errorCodes).toBeUndefined();
    // Nothing beside its own fields: not the request's URL or headers, not the response's.
    expect(Object.keys(lines[0]).sort()).toEqual(["cost", "durationMs", "level", "method", "msg", "operationName", "path", "status", "time"]);
    expect(lines[1]).toMatchObject({ operationName: "BadCursor", status: 200, errorCodes: ["BAD_USER_INPUT"] });
    expect(lines[2]).toMatchObject({ operationName: "TooCostly", status: 400, cost: 1_010_100, errorCodes: ["BAD_USER_INPUT"] });
    expect(lines[3]).toMatchObject({ method: "GET", path: "/graphql", status: 400, errorCodes: ["BAD_REQUEST"] });
    expect(lines[4]).toMatchObject({ method: "GET", path: "/export/articles.ndjson", status: 200, exported: 2 });
  });

  it("never logs query text, variables, query strings or article text", async () => {
    const log = server.stdout;
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain("arctic");
    expect(log).not.toContain("headline");
    expect(log).not.toContain("free-for-all");
  });

  it("cuts a 90,000-character operation name or path to a bounded log line", async () => {
    const before = server.stdout.trim().split("\n").length;
    const name = `Op${"x".repeat(89_998)}`;
    await post({ query: `query ${name} { __typename }` });
    await fetch(`${server.url}/${"p".repeat(5_000)}`).then((r) => r.text());
    const lines = (await logLines(before + 2)).slice(before);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(JSON.stringify(line).length).toBeLessThan(1_000);
    expect(lines[0].operationName).toBe(`${name.slice(0, 200)}… (90000 characters)`);
    expect(lines[1].path).toBe(`/${"p".repeat(199)}… (5001 characters)`);
  });

  it("is silenced by LOG_LEVEL=silent and refuses a level it does not know", () => {
    expect(createLogger({ LOG_LEVEL: "silent" }).isLevelEnabled("info")).toBe(false);
    expect(createLogger({}).isLevelEnabled("info")).toBe(true);
    expect(() => createLogger({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
  });
});
