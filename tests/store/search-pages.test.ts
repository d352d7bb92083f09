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
import type { KeyValue } from "../../src/store/keyset.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { projectRoot } from "../support/run-script.js";
import { createStoreOn, describeOnEachStore, type TestStore } from "../support/test-stores.js";

/** The ids of every page of a list, each page asked after the last row's key. */
async function everyPage<T extends { id: number }>(page: (after: KeyValue[] | null) => Promise<{ rows: T[]; hasNextPage: boolean }>, key: (row: T) => KeyValue[]): Promise<number[]> {
  const ids: number[] = [];
  let after: KeyValue[] | null = null;
  for (;;) {
    const { rows, hasNextPage } = await page(after);
    ids.push(...rows.map((row) => row.id));
    if (!hasNextPage) return ids;
    after = key(rows[rows.length - 1]);
  }
}

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
    return everyPage((after) => findArticles(sql, filter, order, { first: 3, after }, manyMatches, denseShare), (a) => [a.publishedOn, a.id]);
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
    const quotePages = (filter: ArticleFilter, manyMatches: number, denseShare = Infinity) =>
      everyPage((after) => findQuotes(sql, filter, { first: 3, after }, manyMatches, denseShare), (q) => [q.publishedOn, q.id]);
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
    const statementPages = (filter: StatementFilter, manyMatches: number) =>
      everyPage((after) => findStatements(sql, filter, order, { first: 3, after }, manyMatches), (st) => statementKey(order, st));
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
    const storyPages = (filter: { fullText: SearchExpression; publishedAfter?: string }, manyMatches: number) =>
      everyPage((after) => findStories(sql, filter, { first: 2, after }, manyMatches), storyKey);
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
