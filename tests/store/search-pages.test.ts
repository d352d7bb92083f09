// A search's page is read one of two ways (src/store/articles.ts): through its matches, sorted,
// or along the date index, each article checked, when it matches many articles (statements:
// and stories: along their own order, each checked for a matching quote or article). Either
// way gives the same articles, quotes, statements and stories in the same order, page after
// page, on both stores. The archives
// here are small, so each search is read both ways by moving the line between them.
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { findArticles, type ArticleOrder, type ArticleFilter } from "../../src/store/articles.js";
import { findQuotes } from "../../src/store/quotes.js";
import { findStatements, statementKey, type StatementFilter, type StatementOrder } from "../../src/store/statements.js";
import { findStories, storyKey } from "../../src/store/stories.js";
import { parseSearch, type SearchExpression } from "../../src/store/search-syntax.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { projectRoot } from "../support/run-script.js";
import { createStoreOn, describeOnEachStore, type TestStore } from "../support/test-stores.js";

const CORPUS = ["extraction", "linking"].map((dir) => join(projectRoot, "tests", "fixtures", dir));
const SEARCHES = ["said", "minister", "power link", "harbo*", "\"said on\"", "nothingmatchesthis"];

describeOnEachStore("a search's page of articles, quotes, statements or stories, through its matches or along an index", (engine) => {
  let archive: TestStore;
  beforeAll(async () => {
    archive = await createStoreOn(engine);
    await ingestFiles(archive.store, CORPUS);
  }, 60_000);
  afterAll(() => archive?.close());

  /**
   * Every page of `filter`'s articles, 3 at a time, read one way (manyMatches 1: every search
   * walks; denseShare 0: each row walked is looked up in the full-text index, Infinity: in the
   * match list) or the other.
   */
  async function pages(filter: ArticleFilter, order: ArticleOrder, manyMatches: number, denseShare = Infinity): Promise<number[]> {
    const sql = (archive.store as SqlStore).sql;
    const ids: number[] = [];
    let after: (string | number | null)[] | null = null;
    for (;;) {
      const page = await findArticles(sql, filter, order, { first: 3, after }, manyMatches, denseShare);
      ids.push(...page.rows.map((a) => a.id));
      if (!page.hasNextPage) return ids;
      const last = page.rows[page.rows.length - 1];
      after = [last.publishedOn, last.id];
    }
  }

  it.each<ArticleOrder>(["PUBLISHED_ON_DESC", "PUBLISHED_ON_ASC"])("gives the same articles in the same order either way (%s)", async (order) => {
    let found = 0;
    for (const text of SEARCHES) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      for (const range of [{}, { publishedAfter: "2024-01-01" }]) {
        const filter = { fullText: parsed.search, ...range };
        const walked = await pages(filter, order, 1);
        expect(walked, `${text} ${JSON.stringify(range)}`).toEqual(await pages(filter, order, Number.MAX_SAFE_INTEGER));
        expect(await pages(filter, order, 1, 0), `${text} ${JSON.stringify(range)}, each row looked up`).toEqual(walked);
        found += walked.length;
      }
    }
    expect(found, "the searches find articles").toBeGreaterThan(10);
  });

  it("gives the same quotes in the same order either way", async () => {
    const sql = (archive.store as SqlStore).sql;
    const quotePages = async (filter: ArticleFilter, manyMatches: number, denseShare = Infinity) => {
      const ids: number[] = [];
      let after: (string | number | null)[] | null = null;
      for (;;) {
        const page = await findQuotes(sql, filter, { first: 3, after }, manyMatches, denseShare);
        ids.push(...page.rows.map((q) => q.id));
        if (!page.hasNextPage) return ids;
        const last = page.rows[page.rows.length - 1];
        after = [last.publishedOn, last.id];
      }
    };
    let found = 0;
    for (const text of ["said", "power", "we will*", "nothingmatchesthis"]) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      for (const range of [{}, { publishedAfter: "2024-01-01" }]) {
        const filter = { fullText: parsed.search, ...range };
        const walked = await quotePages(filter, 1);
        expect(walked, `${text} ${JSON.stringify(range)}`).toEqual(await quotePages(filter, Number.MAX_SAFE_INTEGER));
        expect(await quotePages(filter, 1, 0), `${text} ${JSON.stringify(range)}, each row looked up`).toEqual(walked);
        found += walked.length;
      }
    }
    expect(found, "the searches find quotes").toBeGreaterThan(5);
  });

  it.each<StatementOrder>(["FIRST_REPORTED_DESC", "MOST_OUTLETS"])("gives the same statements in the same order either way (%s)", async (order) => {
    const sql = (archive.store as SqlStore).sql;
    const statementPages = async (filter: StatementFilter, manyMatches: number) => {
      const ids: number[] = [];
      let after: (string | number | null)[] | null = null;
      for (;;) {
        const page = await findStatements(sql, filter, order, { first: 3, after }, manyMatches);
        ids.push(...page.rows.map((s) => s.id));
        if (!page.hasNextPage) return ids;
        after = statementKey(order, page.rows[page.rows.length - 1]);
      }
    };
    const [speaker] = await sql.reads.all<{ slug: string }>(`SELECT p.slug FROM people p JOIN statements s ON s."speakerId" = p.id GROUP BY p.slug ORDER BY count(*) DESC, p.slug LIMIT 1`);
    let found = 0;
    for (const text of ["said", "power", "we will*", "nothingmatchesthis"]) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      for (const more of [{}, { publishedAfter: "2024-01-01" }, { speakers: [speaker.slug] }]) {
        const filter = { fullText: parsed.search, ...more };
        const walked = await statementPages(filter, 1);
        expect(walked, `${text} ${JSON.stringify(more)}`).toEqual(await statementPages(filter, Number.MAX_SAFE_INTEGER));
        found += walked.length;
      }
    }
    expect(found, "the searches find statements").toBeGreaterThan(5);
  });

  it("gives the same stories in the same order either way", async () => {
    const sql = (archive.store as SqlStore).sql;
    const storyPages = async (filter: { fullText: SearchExpression; publishedAfter?: string }, manyMatches: number) => {
      const ids: number[] = [];
      let after: (string | number | null)[] | null = null;
      for (;;) {
        const page = await findStories(sql, filter, { first: 2, after }, manyMatches);
        ids.push(...page.rows.map((s) => s.id));
        if (!page.hasNextPage) return ids;
        after = storyKey(page.rows[page.rows.length - 1]);
      }
    };
    let found = 0;
    for (const text of ["said", "minister", "harbo*", "nothingmatchesthis"]) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      for (const more of [{}, { publishedAfter: "2025-06-01" }]) {
        const filter = { fullText: parsed.search, ...more };
        const walked = await storyPages(filter, 1);
        expect(walked, `${text} ${JSON.stringify(more)}`).toEqual(await storyPages(filter, Number.MAX_SAFE_INTEGER));
        found += walked.length;
      }
    }
    expect(found, "the searches find stories").toBeGreaterThan(3);
  });
});
