import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { writeArticleFiles } from "../support/article-files.js";
import { graphql } from "../support/graphql-client.js";
import { startScript } from "../support/script-process.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

const FILES = 100;
const OUTLET_SLUGS = ["the-fjord-gazette", "coastal-times", "northwind-wire", "the-harbour-ledger", "meridian-post"];

// Every count in one answer against the rows of the same answer: the outlets' pages against
// their totals, each article's quotes against its quote count, everything against the totals.
const SNAPSHOT_QUERY = `{
  all: articles(first: 0) { totalCount }
  quotes(first: 0) { totalCount }
  outlets { slug articleCount }
  ${OUTLET_SLUGS.map(
    (slug, i) => `o${i}: articles(first: 100, filter: { outlets: ["${slug}"] }) {
      totalCount edges { node { id quotes(first: 10) { totalCount edges { node { id } } } } } }`,
  ).join("\n")}
}`;

let archive: TestArchive;
let server: RunningServer;
let dir: string;
beforeAll(async () => {
  archive = await createTestArchive();
  server = await startServer(archive.store, 0);
  dir = mkdtempSync(join(tmpdir(), "news-archive-ingest-"));
  writeArticleFiles(dir, FILES);
});
afterAll(async () => {
  await server?.close();
  await archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("serving while an ingest writes", () => {
  it("answers every query from one consistent snapshot while another process ingests", { timeout: 120_000 }, async () => {
    const ingest = startScript("ingest.ts", ["--commit-every", "20", dir], { DATABASE_URL: archive.url });
    let finished = false;
    void ingest.exited.then(() => (finished = true));

    const totals: number[] = [];
    const inconsistencies: string[] = [];
    // Keep asking until the ingest is done, and once more after.
    for (let last = false; !last; ) {
      last = finished;
      const res = await graphql(server.url, SNAPSHOT_QUERY);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      const data = res.data!;
      const pages = OUTLET_SLUGS.map((_, i) => data[`o${i}`]);
      const articles = pages.flatMap((p) => p.edges.map((e: any) => e.node));
      const check = (what: string, a: number, b: number) => a !== b && inconsistencies.push(`${what}: ${a} ≠ ${b} (at ${data.all.totalCount} articles)`);
      pages.forEach((p, i) => check(`${OUTLET_SLUGS[i]} totalCount vs edges`, p.totalCount, p.edges.length));
      check("sum of outlet totals vs all articles", pages.reduce((n, p) => n + p.totalCount, 0), data.all.totalCount);
      check("sum of outlets' articleCount vs all articles", data.outlets.reduce((n: number, o: any) => n + o.articleCount, 0), data.all.totalCount);
      for (const a of articles) check(`quotes of ${a.id}: totalCount vs edges`, a.quotes.totalCount, a.quotes.edges.length);
      check("sum of article quote counts vs all quotes", articles.reduce((n, a) => n + a.quotes.totalCount, 0), data.quotes.totalCount);
      totals.push(data.all.totalCount);
    }

    const run = await ingest.exited;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${FILES} files: ${FILES} stored, 0 already in the archive, 0 failed`);
    const seen = [...new Set(totals)];
    console.log(`${totals.length} answers during the ingest, ${seen.length} distinct article counts from ${seen[0]} to ${seen.at(-1)}`);
    expect(inconsistencies).toEqual([]);
    // The answers came while the ingest was under way, and never went back in time.
    expect(seen.filter((n) => n > 0 && n < FILES).length).toBeGreaterThan(2);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(totals.at(-1)).toBe(FILES);
  });
});
