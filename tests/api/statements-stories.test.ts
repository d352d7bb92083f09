import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import type { SqliteStore as Store } from "../../src/store/sqlite/sqlite-store.js";
import { graphql } from "../support/graphql-client.js";
import { projectRoot } from "../support/run-script.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

const fixtures = join(projectRoot, "tests", "fixtures", "extraction");

/** Statements as sets of "file@position" and stories as sets of files: what linking decided, free of ids. */
async function linkage(store: Store) {
  const quotes = await store.db.prisma.quote.findMany({ where: { statementId: { not: null } }, include: { article: true } });
  const statements = new Map<number, string[]>();
  for (const q of quotes) statements.set(q.statementId!, [...(statements.get(q.statementId!) ?? []), `${basename(q.article.sourceFile)}@${q.position}`]);
  const articles = await store.db.prisma.article.findMany();
  const stories = new Map<number, string[]>();
  for (const a of articles) stories.set(a.storyId!, [...(stories.get(a.storyId!) ?? []), basename(a.sourceFile)]);
  const canon = (groups: Map<number, string[]>) => [...groups.values()].map((g) => g.sort().join(" ")).sort();
  return { statements: canon(statements), stories: canon(stories) };
}

describe("linking across articles", () => {
  it("gives the same statements and stories whether articles arrive one by one, in any order, or all at once", { timeout: 120_000 }, async () => {
    const together = await createTestArchive();
    const oneByOne = await createTestArchive();
    try {
      await ingestFiles(together.store, [fixtures]);
      const files = readdirSync(fixtures).filter((f) => f.endsWith(".txt")).reverse();
      for (const file of files) await ingestFiles(oneByOne.store, [join(fixtures, file)]);
      const a = await linkage(together.store);
      const b = await linkage(oneByOne.store);
      expect(b).toEqual(a);
      // The fixtures do link: several statements span articles, and stories group articles.
      expect(a.statements.filter((s) => s.split(" ").map((q) => q.split("@")[0]).some((f, _, all) => f !== all[0])).length).toBeGreaterThan(3);
      expect(a.stories.filter((s) => s.includes(" ")).length).toBeGreaterThanOrEqual(2);
      // The counts and dates kept on each statement are those of its quotes, however it grew.
      for (const archive of [together, oneByOne]) {
        const stale = await archive.store.sql.reads.all(
          `SELECT s.id FROM statements s JOIN (
             SELECT "statementId" AS id, count(*) AS reports, count(DISTINCT "outletId") AS outlets, min("publishedOn") AS first, max("publishedOn") AS last,
                    max(length(text)) AS longest
             FROM quotes WHERE "statementId" IS NOT NULL GROUP BY "statementId") q ON q.id = s.id
           WHERE s."reportCount" <> q.reports OR s."outletCount" <> q.outlets OR s."firstReportedOn" IS NOT q.first
              OR s."lastReportedOn" IS NOT q.last OR length(s.text) <> q.longest`,
        );
        expect(stale).toEqual([]);
        expect(await archive.store.sql.reads.all(`SELECT id FROM statements WHERE id NOT IN (SELECT "statementId" FROM quotes WHERE "statementId" IS NOT NULL)`)).toEqual([]);
      }
    } finally {
      await together.close();
      await oneByOne.close();
    }
  });
});

const seeds = join(projectRoot, "..", "shared", "corpus", "seeds");
describe.skipIf(!existsSync(seeds))("statements and stories over the seed corpus", () => {
  let archive: TestArchive;
  let server: RunningServer;
  beforeAll(async () => {
    archive = await createTestArchive();
    await ingestFiles(archive.store, [seeds]);
    server = await startServer(archive.store, 0);
  });
  afterAll(async () => {
    await server?.close();
    await archive?.close();
  });

  it("answers what Kirill Dmitriev said about rare earth metals, and which outlets carried each remark", async () => {
    const res = await graphql(server.url, `{ statements(filter: { speakers: ["kirill-dmitriev"], search: "rare earth" }) {
      edges { node { text speaker { name } outlets { name } reportCount firstReportedOn quotes { edges { node { text article { outlet { name } } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const [remark] = res.data!.statements.edges.map((e: any) => e.node);
    console.log("Dmitriev on rare earth metals:", JSON.stringify(res.data!.statements.edges.map((e: any) => ({ text: e.node.text, outlets: e.node.outlets.map((o: any) => o.name) }))));
    expect(remark.speaker.name).toBe("Kirill Dmitriev");
    expect(remark.text).toMatch(/rare earth metals/);
    expect(remark.outlets.map((o: any) => o.name)).toEqual(["The Moscow Times", "The Straits Times"]);
    expect(remark.firstReportedOn).toBe("2025-04-03");
  });

  it("links the same remark across outlets however it was rendered", async () => {
    const res = await graphql(server.url, `{ statements(orderBy: MOST_OUTLETS, filter: { minOutlets: 2 }) { totalCount edges { node { text outletCount } } } }`);
    expect(res.data!.statements.totalCount).toBeGreaterThanOrEqual(4);
    const texts = res.data!.statements.edges.map((e: any) => e.node.text).join(" | ");
    expect(texts).toMatch(/positive dynamic/);
  });

  it("groups the three April reports into one story, and the October visit into another", async () => {
    const res = await graphql(server.url, `{ stories { totalCount edges { node { title startedOn articleCount outlets { name } people { slug } } } } }`);
    const stories = res.data!.stories.edges.map((e: any) => e.node);
    expect(stories.map((s: any) => [s.startedOn, s.articleCount])).toEqual([
      ["2025-10-24", 1],
      ["2025-04-03", 3],
    ]);
    expect(stories[1].outlets.map((o: any) => o.name).sort()).toEqual(["Caliber.Az", "The Moscow Times", "The Straits Times"]);
    expect(stories[1].people[0].slug).toBe("kirill-dmitriev");
  });

  it("lists a story's articles, and filters articles by story", async () => {
    const list = await graphql(server.url, `{ stories(filter: { publishedBefore: "2025-05-01" }) { edges { node { id articles { totalCount edges { node { outlet { name } story { title } } } } statements(first: 3) { edges { node { text outlets { name } } } } } } } }`);
    const story = list.data!.stories.edges[0].node;
    expect(story.articles.totalCount).toBe(3);
    expect(story.statements.edges[0].node.outlets.length).toBe(2);
    const byStory = await graphql(server.url, `query($s: [ID!]) { articles(filter: { stories: $s }) { totalCount } }`, { s: [story.id] });
    expect(byStory.data!.articles.totalCount).toBe(3);
  });

  it("pages a story's statements as the statements filtered by that story, with the same count", async () => {
    const list = await graphql(server.url, `{ stories { edges { node { id } } } }`);
    for (const { node: story } of list.data!.stories.edges) {
      const filtered = await graphql(server.url, `query($s: [ID!]) { statements(orderBy: MOST_OUTLETS, first: 100, filter: { stories: $s }) { totalCount edges { node { id } } } }`, { s: [story.id] });
      const want = filtered.data!.statements.edges.map((e: any) => e.node.id);
      expect(want.length, "the story has statements").toBeGreaterThan(0);
      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await graphql(server.url, `query($id: ID!, $after: String) { node(id: $id) { ... on Story { statements(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`, { id: story.id, after });
        const page: any = res.data!.node.statements;
        expect(page.totalCount).toBe(filtered.data!.statements.totalCount);
        paged.push(...page.edges.map((e: any) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(want);
    }
  });

  it("refuses a story filter that holds another kind of ID", async () => {
    const res = await graphql(server.url, `{ articles(filter: { stories: ["not-a-story"] }) { totalCount } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.stories" });
  });
});
