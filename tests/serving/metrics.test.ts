import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

const metricLine = (text: string, name: string, labels: Record<string, string> = {}) =>
  text.split("\n").find((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `) ? Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)) : false);
const valueOf = (line: string | undefined) => (line === undefined ? undefined : Number(line.split(" ").at(-1)));

describe("GET /metrics", () => {
  it("counts requests by route, operation and status, with latency, query cost, export rows, read threads and archive size", async () => {
    for (let i = 0; i < 3; i++) await api.query(`query ArticlesOfTheWeek { articles(first: 5) { nodes { headline } } }`);
    await api.query(`query ${"Q".repeat(500)} { __typename }`);
    await fetch(`${api.server.url}/export/quotes.ndjson`).then((r) => r.text());
    await fetch(`${api.server.url}/nowhere`).then((r) => r.text());

    const res = await fetch(`${api.server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(valueOf(metricLine(text, "news_archive_http_requests_total", { route: "/graphql", operation: "ArticlesOfTheWeek", status: "200" }))).toBe(3);
    // A name no one could graph (500 characters) does not become a label of its own.
    expect(text).not.toContain("Q".repeat(100));
    expect(valueOf(metricLine(text, "news_archive_http_requests_total", { route: "/graphql", operation: "other" }))).toBe(1);
    expect(valueOf(metricLine(text, "news_archive_http_requests_total", { route: "other", status: "404" }))).toBe(1);
    expect(valueOf(metricLine(text, "news_archive_http_request_duration_seconds_count", { route: "/graphql" }))).toBe(4);
    expect(valueOf(metricLine(text, "news_archive_graphql_query_cost_nodes_sum"))).toBe(3 * 5 + 0);
    const quotes = SMALL_ARCHIVE.reduce((n, a) => n + a.quotes.length, 0);
    expect(valueOf(metricLine(text, "news_archive_export_rows_total", { route: "/export/quotes.ndjson" }))).toBe(quotes);
    expect(valueOf(metricLine(text, "news_archive_articles"))).toBe(SMALL_ARCHIVE.length);
    expect(valueOf(metricLine(text, "news_archive_database_bytes"))).toBeGreaterThan(0);
    expect(valueOf(metricLine(text, "news_archive_read_threads"))).toBeGreaterThan(0);
    expect(metricLine(text, "news_archive_read_wait_seconds_total")).toBeDefined();
    expect(metricLine(text, "process_resident_memory_bytes")).toBeDefined();
  });
});
