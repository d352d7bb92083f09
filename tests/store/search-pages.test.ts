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
import { articleDraft } from "../support/article-drafts.js";
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

/** The ids of every page of a list from its end, each page asked before the first row's key, in the list's order. */
async function everyPageBackward<T extends { id: number }>(page: (before: KeyValue[] | null) => Promise<{ rows: T[]; hasPreviousPage: boolean }>, key: (row: T) => KeyValue[]): Promise<number[]> {
  const pages: number[][] = [];
  let before: KeyValue[] | null = null;
  for (;;) {
    const { rows, hasPreviousPage } = await page(before);
    pages.unshift(rows.map((row) => row.id));
    if (!hasPreviousPage || !rows.length) return pages.flat();
    before = key(rows[0]);
  }
}

/**
 * Checks each search of `texts`, with each of `more` added to its filter, read walked
 * (manyMatches 1) against read through its matches, and (`denseToo`) walked with each row
 * looked up in the full-text index (denseShare 0); returns how many rows the walks found.
 */
async function sameEitherWay<F>(
  texts: string[],
  more: object[],
  pages: (filter: F, manyMatches: number, denseShare?: number) => Promise<number[]>,
  denseToo = false,
): Promise<number> {
  let found = 0;
  for (const text of texts) {
    const parsed = parseSearch(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    for (const extra of more) {
      const filter = { fullText: parsed.search, ...extra } as F;
      const walked = await pages(filter, 1);
      expect(walked, `${text} ${JSON.stringify(extra)}`).toEqual(await pages(filter, Number.MAX_SAFE_INTEGER));
      if (denseToo) expect(await pages(filter, 1, 0), `${text} ${JSON.stringify(extra)}, each row looked up`).toEqual(walked);
      found += walked.length;
    }
  }
  return found;
}

const CORPUS = ["extraction", "linking"].map((dir) => join(projectRoot, "tests", "fixtures", dir));
const SEARCHES = ["said", "minister", "power link", "harbo*", "\"said on\"", "nothingmatchesthis"];

describeOnEachStore("a search's page of articles, quotes, statements or stories, through its matches or along an index", (engine) => {
  let archive: TestStore;
  beforeAll(async () => {
    archive = await createStoreOn(engine);
    await ingestFiles(archive.store, CORPUS);
    // Undated articles come first oldest first, last newest first.
    for (const n of [1, 2]) {
      await archive.store.saveArticle(articleDraft({ headline: `Undated note ${n}`, body: `The minister said the harbour power link would wait (note ${n}).`, publishedOn: null, people: [] }));
    }
  }, 60_000);
  afterAll(() => archive?.close());

  /**
   * Every page of `filter`'s articles, 3 at a time, read one way (manyMatches 1: every search
   * walks; denseShare 0: each row walked is looked up in the full-text index, Infinity: in the
   * match list) or the other. `inIndexOrder` false: never from a full-text index numbered in
   * date order (SQLite's), so that its pages are checked against the other ways.
   */
  async function pages(filter: ArticleFilter, order: ArticleOrder, manyMatches: number, denseShare = Infinity, inIndexOrder = true): Promise<number[]> {
    const store = (archive.store as SqlStore).sql;
    const sql = inIndexOrder ? store : { ...store, dialect: { ...store.dialect, articleSearchInDateOrder: null } };
    return everyPage((after) => findArticles(sql, filter, order, { first: 3, after }, manyMatches, denseShare), (a) => [a.publishedOn, a.id]);
  }

  it.each<ArticleOrder>(["PUBLISHED_ON_DESC", "PUBLISHED_ON_ASC"])("gives the same articles in the same order every way (%s)", async (order) => {
    // Ranges ending on days articles were published: their ends are inclusive.
    const days = (await (archive.store as SqlStore).sql.reads.all<{ day: string }>(`SELECT DISTINCT "publishedOn" AS day FROM articles WHERE "publishedOn" IS NOT NULL ORDER BY 1`)).map((r) => r.day);
    const [from, to] = [days[Math.floor(days.length / 3)], days[Math.floor((2 * days.length) / 3)]];
    const ranges = [{}, { publishedAfter: from }, { publishedBefore: to }, { publishedAfter: from, publishedBefore: to }];
    const found = await sameEitherWay<ArticleFilter>(SEARCHES, ranges, (filter, many, dense) => pages(filter, order, many, dense, false), true);
    // On PostgreSQL a walk gives up on a year after so many rows a match, and reads the rest
    // of it, and the next years, sorted: given up on after each row, the pages are the same.
    for (const text of SEARCHES) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      for (const range of ranges) {
        const filter = { fullText: parsed.search, ...range };
        const givingUp = await everyPage((after) => findArticles((archive.store as SqlStore).sql, filter, order, { first: 3, after }, 1, Infinity, 1), (a) => [a.publishedOn, a.id]);
        expect(givingUp, `${text} ${JSON.stringify(range)}, walks given up on`).toEqual(await pages(filter, order, Number.MAX_SAFE_INTEGER, Infinity, false));
      }
    }
    expect(found, "the searches find articles").toBeGreaterThan(10);
    for (const text of SEARCHES) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      for (const range of ranges) {
        const filter = { fullText: parsed.search, ...range };
        expect(await pages(filter, order, Number.MAX_SAFE_INTEGER), `${text} ${JSON.stringify(range)}, in the index's order`).toEqual(await pages(filter, order, 1, Infinity, false));
      }
    }
    // Backward (`last` before a cursor), walked (on PostgreSQL a year's partition at a time) as through the matches.
    const store = (archive.store as SqlStore).sql;
    const backward = (filter: ArticleFilter, manyMatches: number) =>
      everyPageBackward((before) => findArticles(store, filter, order, { last: 3, before }, manyMatches), (a) => [a.publishedOn, a.id]);
    for (const text of SEARCHES) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      const filter = { fullText: parsed.search };
      const walked = await backward(filter, 1);
      expect(walked, `${text}, backward`).toEqual(await backward(filter, Number.MAX_SAFE_INTEGER));
      expect(walked, `${text}, backward as forward`).toEqual(await pages(filter, order, 1, Infinity, false));
    }
    const [{ undated }] = await (archive.store as SqlStore).sql.reads.all<{ undated: number }>(`SELECT count(*) AS undated FROM articles WHERE "publishedOn" IS NULL`);
    expect(Number(undated), "undated articles are among those searched").toBeGreaterThan(0);
  });

  it("gives the same quotes in the same order either way", async () => {
    const sql = (archive.store as SqlStore).sql;
    const quotePages = (filter: ArticleFilter, manyMatches: number, denseShare = Infinity, walkRowsPerMatch?: number) =>
      everyPage((after) => findQuotes(sql, filter, { first: 3, after }, manyMatches, denseShare, walkRowsPerMatch), (q) => [q.publishedOn, q.id]);
    const backward = (filter: ArticleFilter, manyMatches: number) =>
      everyPageBackward((before) => findQuotes(sql, filter, { last: 3, before }, manyMatches), (q) => [q.publishedOn, q.id]);
    const searches = ["said", "power", "we will*", "nothingmatchesthis"];
    const ranges = [{}, { publishedAfter: "2024-01-01" }];
    const found = await sameEitherWay(searches, ranges, quotePages, true);
    expect(found, "the searches find quotes").toBeGreaterThan(5);
    // Walks given up on after each row (PostgreSQL), and pages read backward, give the same quotes.
    for (const text of searches) {
      const parsed = parseSearch(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      for (const range of ranges) {
        const filter = { fullText: parsed.search, ...range };
        const sorted = await quotePages(filter, Number.MAX_SAFE_INTEGER);
        expect(await quotePages(filter, 1, Infinity, 1), `${text} ${JSON.stringify(range)}, walks given up on`).toEqual(sorted);
        expect(await backward(filter, 1), `${text} ${JSON.stringify(range)}, walked backward`).toEqual(sorted);
        expect(await backward(filter, Number.MAX_SAFE_INTEGER), `${text} ${JSON.stringify(range)}, backward`).toEqual(sorted);
      }
    }
  });

  it.each<StatementOrder>(["FIRST_REPORTED_DESC", "MOST_OUTLETS"])("gives the same statements in the same order either way (%s)", async (order) => {
    const sql = (archive.store as SqlStore).sql;
    const statementPages = (filter: StatementFilter, manyMatches: number) =>
      everyPage((after) => findStatements(sql, filter, order, { first: 3, after }, manyMatches), (st) => statementKey(order, st));
    const [speaker] = await sql.reads.all<{ slug: string }>(`SELECT p.slug FROM people p JOIN statements s ON s."speakerId" = p.id GROUP BY p.slug ORDER BY count(*) DESC, p.slug LIMIT 1`);
    const found = await sameEitherWay(["said", "power", "we will*", "nothingmatchesthis"], [{}, { publishedAfter: "2024-01-01" }, { speakers: [speaker.slug] }], statementPages);
    expect(found, "the searches find statements").toBeGreaterThan(5);
  });

  it("gives the same stories in the same order either way", async () => {
    const sql = (archive.store as SqlStore).sql;
    const storyPages = (filter: { fullText: SearchExpression; publishedAfter?: string }, manyMatches: number) =>
      everyPage((after) => findStories(sql, filter, { first: 2, after }, manyMatches), storyKey);
    const found = await sameEitherWay(["said", "minister", "harbo*", "nothingmatchesthis"], [{}, { publishedAfter: "2025-06-01" }], storyPages);
    expect(found, "the searches find stories").toBeGreaterThan(3);
  });

  it("finds a statement or a story by a quote or an article in any of its years, undated ones too", async () => {
    // A remark reported on 31 December with "season" and on 2 January with "year": one
    // statement, and one story, across two years' partitions (PostgreSQL); undated, with
    // "decade", a statement of its own in the undated partition.
    const spanning = await createStoreOn(engine);
    try {
      const remark = (ending: string) => `We will finish the new harbour wall before the winter storms arrive this ${ending}`;
      const report = (n: number, publishedOn: string | null, ending: string) =>
        articleDraft({
          headline: `Harbour wall to be finished before the storms (${n})`,
          body: `Mayor Anneli Strand said: "${remark(ending)}." The harbour wall has been delayed twice by storms.`,
          outlet: `Outlet ${n}`,
          publishedOn,
          people: [{ name: "Anneli Strand", aliases: ["Strand"], mentions: 2 }],
          quotes: [{ text: `${remark(ending)}.`, speaker: "Anneli Strand", position: 20 }],
        });
      for (const [n, day, ending] of [[1, "2024-12-31", "season"], [2, "2025-01-02", "year"], [3, null, "decade"]] as const) await spanning.store.saveArticle(report(n, day, ending));
      const sql = (spanning.store as SqlStore).sql;
      const statements = await sql.reads.all<{ first: string | null; last: string | null }>(`SELECT "firstReportedOn" AS first, "lastReportedOn" AS last FROM statements ORDER BY id`);
      expect(statements, "one statement over both years, and the undated one").toEqual([{ first: "2024-12-31", last: "2025-01-02" }, { first: null, last: null }]);
      const stories = await sql.reads.all<{ first: string; last: string }>(`SELECT "startedOn" AS first, "lastUpdatedOn" AS last FROM stories WHERE "articleCount" > 1`);
      expect(stories, "one story over both years").toEqual([{ first: "2024-12-31", last: "2025-01-02" }]);
      for (const word of ["season", "year", "decade"]) {
        const parsed = parseSearch(word);
        if (!parsed.ok) throw new Error(parsed.reason);
        const walked = await findStatements(sql, { fullText: parsed.search }, "FIRST_REPORTED_DESC", { first: 5 }, 1);
        expect(walked.rows.length, `statements with "${word}", walked`).toBe(1);
        if (word === "decade") continue; // an undated article is in no story
        const found = await findStories(sql, { fullText: parsed.search }, { first: 5 }, 1);
        expect(found.rows.length, `stories with "${word}", walked`).toBe(1);
      }
    } finally {
      await spanning.close();
    }
  });
});
