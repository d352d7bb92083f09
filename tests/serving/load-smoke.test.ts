import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertBulkArticles } from "../support/bulk-articles.js";
import { runScript } from "../support/run-script.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

let archive: TestArchive;
beforeAll(async () => {
  archive = await createTestArchive();
  insertBulkArticles(archive.path, { articles: 500, bodyLength: 1_500 });
});
afterAll(() => archive?.close());

describe("npm run load", () => {
  // A number of requests, not a number of seconds: on a busy machine a second is a handful of
  // requests, too few to reach every kind.
  it("serves 90 everyday and hostile queries from 4 clients with no 5xx and no failed everyday query", { timeout: 60_000 }, async () => {
    const run = await runScript("load.ts", ["--seconds", "60", "--max-requests", "90", "--clients", "4", "--database", archive.url]);
    console.log(run.stdout);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^load: 4 clients for 60 s against a copy of .* \(500 articles\) served at http:\/\/127\.0\.0\.1:\d+$/m);
    expect(run.stdout).toMatch(/^requests: 90 in [\d.]+ s, [\d.]+\/s; latency p50 [\d.]+ ms, p99 [\d.]+ ms/m);
    expect(run.stdout).toMatch(/^normal queries: [1-9]\d*, errors: 0$/m);
    expect(run.stdout).toMatch(/^hostile queries: [1-9]\d*, not refused as client errors: 0$/m);
    expect(run.stdout).toMatch(/^5xx responses: 0$/m);
  });

  it("refuses to load any address but this machine's", async () => {
    const run = await runScript("load.ts", ["--seconds", "1", "--url", "http://10.0.0.1:4000"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^--url must be http on this machine/);
  });
});
