// The archive over the four real seed articles in ../shared (never copied into the repo).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { graphql } from "../support/graphql-client.js";
import { projectRoot } from "../support/run-script.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

const seeds = join(projectRoot, "..", "shared", "corpus", "seeds");
const haveSeeds = existsSync(join(seeds, "manifest.json"));
if (!haveSeeds) console.warn(`Skipping the seed corpus tests: ${seeds} is absent.`);

describe.skipIf(!haveSeeds)("the archive over the seed corpus", () => {
  let archive: TestArchive;
  let server: RunningServer;
  const query = (q: string) => graphql(server.url, q);

  beforeAll(async () => {
    archive = await createTestArchive();
    const totals = await ingestFiles(archive.store, [seeds]);
    expect(totals).toMatchObject({ stored: 4, failed: 0 });
    server = await startServer(archive.store, 0);
  });
  afterAll(async () => {
    await server?.close();
    await archive?.close();
  });

  it("finds the 2 Moscow Times articles", async () => {
    const res = await query(`{ articles(filter: { outlets: ["The Moscow Times"] }) { totalCount } }`);
    expect(res.data!.articles.totalCount).toBe(2);
  });

  it("finds 1 article published after 2025-10-01", async () => {
    const res = await query(`{ articles(filter: { publishedAfter: "2025-10-01" }) { totalCount } }`);
    expect(res.data!.articles.totalCount).toBe(1);
  });

  it('finds the 2 articles that say "rare earth", stemmed', async () => {
    const res = await query(`{ articles(filter: { search: "rare earth" }) { totalCount edges { node { outlet { name } snippet(search: "rare earth") } } } }`);
    expect(res.data!.articles.totalCount).toBe(2);
    for (const edge of res.data!.articles.edges) expect(edge.node.snippet).toMatch(/<mark>rare<\/mark> <mark>earths?<\/mark>/i);
  });

  it("pages 4 articles two at a time", async () => {
    const res = await query(`{ articles(first: 2) { totalCount pageInfo { hasNextPage } } }`);
    expect(res.data!.articles).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true } });
  });

  it("finds the 2 articles that name Zelensky under different spellings", async () => {
    const res = await query(`{ articles(filter: { people: ["volodymyr-zelensky"] }) { totalCount edges { node { outlet { name } } } } }`);
    expect(res.data!.articles.totalCount).toBe(2);
    expect(res.data!.articles.edges.map((e: any) => e.node.outlet.name).sort()).toEqual(["Caliber.Az", "The Moscow Times"]);
  });

  it("finds Kirill Dmitriev's quotes in both outlets that quoted him", async () => {
    const res = await query(`{ quotes(first: 100, filter: { speakers: ["kirill-dmitriev"] }) { totalCount edges { node { article { outlet { name } } } } } }`);
    const outlets = new Set(res.data!.quotes.edges.map((e: any) => e.node.article.outlet.name));
    expect([...outlets].sort()).toEqual(["The Moscow Times", "The Straits Times"]);
    expect(res.data!.quotes.totalCount).toBeGreaterThanOrEqual(20);
  });
});
