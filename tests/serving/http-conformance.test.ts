import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

// The SHOULD audits the server fails, each with the reason we keep it (README, "GraphQL over HTTP").
// Apollo Server answers a request that cannot run at all with 400 whatever the Accept header;
// the spec suggests 200 for legacy `application/json` clients. A 4xx tells every client,
// load balancer and log that the request was at fault, and is what the spec requires for
// `application/graphql-response+json`, which our own clients send.
const KNOWN_SHOULD_FAILURES: Record<string, string> = {
  "572B": "SHOULD use 200 status code on document parsing failure when accepting application/json: Apollo answers 400",
  FDE2: "SHOULD use 200 status code on document validation failure when accepting application/json: Apollo answers 400",
  "7B9B": "SHOULD use a status code of 200 on variable coercion failure when accepting application/json: Apollo answers 400",
};

describe("GraphQL over HTTP", () => {
  it("passes every MUST of graphql-http's audit of the spec, and only known SHOULDs fail", async () => {
    const results = [];
    for (const audit of serverAudits({ url: `${api.server.url}/graphql`, fetchFn: fetch })) results.push(await audit.fn());
    const failed = results.filter((r) => r.status !== "ok");
    const report = await Promise.all(
      failed.map(async (r) => `${r.status.toUpperCase()} ${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`),
    );
    const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
    for (const r of results) counts[r.status]++;
    console.log(`graphql-http audit: ${results.length} audits, ${JSON.stringify(counts)}\n${report.join("\n")}`);
    expect(failed.filter((r) => r.name.startsWith("MUST"))).toEqual([]);
    expect(failed.filter((r) => r.name.startsWith("SHOULD")).map((r) => r.id).sort()).toEqual(Object.keys(KNOWN_SHOULD_FAILURES).sort());
  });
});
