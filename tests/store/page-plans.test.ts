// A page of one person's articles or one speaker's quotes must read an index in order and
// stop after the page: the people at the top of a big archive have tens of thousands of
// rows, and sorting them all for every page cost 10+ ms at 100,000 articles
// (docs/PERFORMANCE.md). Checked on the plans SQLite makes, not on timings.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findArticles, type ArticleOrder } from "../../src/store/articles.js";
import type { PageRequest } from "../../src/store/keyset.js";
import type { SqlArchive } from "../../src/store/sql-archive.js";
import { findQuotes } from "../../src/store/quotes.js";
import { saveArticle } from "../../src/store/save-article.js";
import { findStatements } from "../../src/store/statements.js";
import { statementCountsOfStories } from "../../src/store/stories.js";
import type { SqlParam as SqlValue } from "../../src/store/sql-dialect.js";
import { MANY_MATCHES } from "../../src/store/filters.js";
import { parseSearch, type SearchExpression } from "../../src/store/search-syntax.js";
import { articleDraft } from "../support/article-drafts.js";
import { insertBulkArticles } from "../support/bulk-articles.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";

let archive: TestArchive;
const MINISTER = { name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 2 };
const OTHER = { name: "Ola Nordmann", aliases: ["Nordmann"], mentions: 1 };

// 40 articles: some on the same day, some undated, some not naming the minister.
const days = Array.from({ length: 40 }, (_, i) => (i % 7 === 6 ? null : `2025-0${1 + (i % 5)}-${String(10 + (i % 3)).padStart(2, "0")}`));

beforeAll(async () => {
  archive = await createTestArchive();
  for (const [i, publishedOn] of days.entries()) {
    const namesMinister = i % 4 !== 3;
    await archive.store.saveArticle(
      articleDraft({
        headline: `Harbour report ${i}`,
        body: namesMinister ? `Ingrid Halvorsen said "the harbour will open, report ${i}."` : `Ola Nordmann said "nothing, report ${i}."`,
        outlet: i % 2 ? "Northwind Wire" : "The Harbour Ledger",
        publishedOn,
        people: namesMinister ? [MINISTER, OTHER] : [OTHER],
        quotes: [{ text: `the harbour will open, report ${i}.`, speaker: namesMinister ? MINISTER.name : OTHER.name, position: 20 }],
      }),
    );
  }
});
afterAll(() => archive.close());

/** The store, with every read's SQL and parameters kept. */
function recording(store: SqlArchive): { store: SqlArchive; reads: { sql: string; params: readonly SqlValue[] }[] } {
  const reads: { sql: string; params: readonly SqlValue[] }[] = [];
  return {
    reads,
    store: {
      ...store,
      reads: {
        all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
          reads.push({ sql, params });
          return store.reads.all<T>(sql, params);
        },
      },
    },
  };
}

const plan = async (sql: string, params: readonly SqlValue[]) =>
  (await archive.store.sql.reads.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail).join("\n");

async function walk<T extends { id: number }>(page: (request: PageRequest) => Promise<{ rows: T[]; hasNextPage: boolean }>, key: (row: T) => (string | number | null)[]) {
  const ids: number[] = [];
  let after: (string | number | null)[] | null = null;
  for (;;) {
    const p = await page({ first: 6, after });
    ids.push(...p.rows.map((r) => r.id));
    if (!p.hasNextPage) return ids;
    after = key(p.rows[p.rows.length - 1]);
  }
}

describe("a person's articles", () => {
  it.each<ArticleOrder>(["PUBLISHED_ON_DESC", "PUBLISHED_ON_ASC"])("are paged %s through the mentions index without a sort", async (order) => {
    const { store, reads } = recording(archive.store.sql);
    await findArticles(store, { people: ["halvorsen"] }, order, { first: 6, after: ["2025-03-11", 20] });
    const page = reads.find((r) => /FROM mentions m/.test(r.sql))!;
    expect(page, "the page is read from the person's mentions").toBeDefined();
    const detail = await plan(page.sql, page.params);
    expect(detail).toMatch(/SEARCH m USING (COVERING )?INDEX mentions_personId_publishedOn/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it.each<ArticleOrder>(["PUBLISHED_ON_DESC", "PUBLISHED_ON_ASC"])("come page by page in the same order as in one read (%s), undated ones included", async (order) => {
    const all = await findArticles(archive.store.sql, { people: ["ingrid-halvorsen"] }, order, { first: 100 });
    expect(all.rows).toHaveLength(30);
    const paged = await walk((request) => findArticles(archive.store.sql, { people: ["ingrid-halvorsen"] }, order, request), (a) => [a.publishedOn, a.id]);
    expect(paged).toEqual(all.rows.map((a) => a.id));
    // …and that order is the one every article list has: by date, then id.
    const sorted = [...all.rows].sort((a, b) => (a.publishedOn ?? "").localeCompare(b.publishedOn ?? "") || a.id - b.id).map((a) => a.id);
    expect(all.rows.map((a) => a.id)).toEqual(order === "PUBLISHED_ON_ASC" ? sorted : sorted.reverse());
    // Backwards from the end gives the last page.
    const last = await findArticles(archive.store.sql, { people: ["ingrid-halvorsen"] }, order, { last: 4 });
    expect(last.rows.map((a) => a.id)).toEqual(all.rows.slice(-4).map((a) => a.id));
  });

  it("combine with other filters, and with two people", async () => {
    const ledger = await findArticles(archive.store.sql, { people: ["halvorsen"], outlets: ["The Harbour Ledger"], publishedAfter: "2025-02-01" }, "PUBLISHED_ON_DESC", { first: 100 });
    expect(ledger.rows.length).toBeGreaterThan(0);
    for (const a of ledger.rows) expect(a.publishedOn! >= "2025-02-01" && a.outletId).toBeTruthy();
    const either = await findArticles(archive.store.sql, { people: ["halvorsen", "nordmann"] }, "PUBLISHED_ON_DESC", { first: 100 });
    expect(either.rows).toHaveLength(40);
    expect(new Set(either.rows.map((a) => a.id)).size).toBe(40);
    const nobody = await findArticles(archive.store.sql, { people: ["no-such-person"] }, "PUBLISHED_ON_DESC", { first: 100 });
    expect(nobody.rows).toEqual([]);
  });
});

describe("a speaker's quotes", () => {
  it("are paged through the speaker index, sorting at most the quotes of one day", async () => {
    const { store, reads } = recording(archive.store.sql);
    await findQuotes(store, { speakers: ["halvorsen"] }, { first: 6 });
    const page = reads.find((r) => /FROM quotes q/.test(r.sql))!;
    const detail = await plan(page.sql, page.params);
    expect(detail).toMatch(/SEARCH q USING INDEX quotes_speakerId_publishedOn/);
    // Newest day first, then in stored order: the index gives the days in order, SQLite
    // sorts only within a day ("FOR LAST TERM OF ORDER BY"), never the speaker's whole list.
    expect(detail).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it("come page by page in the same order as in one read", async () => {
    const all = await findQuotes(archive.store.sql, { speakers: ["ingrid-halvorsen"] }, { first: 100 });
    expect(all.rows).toHaveLength(30);
    const paged = await walk((request) => findQuotes(archive.store.sql, { speakers: ["ingrid-halvorsen"] }, request), (q) => [q.publishedOn, q.id]);
    expect(paged).toEqual(all.rows.map((q) => q.id));
    expect((await findQuotes(archive.store.sql, { speakers: ["no-such-person"] }, { first: 10 })).rows).toEqual([]);
  });
});

describe("a later page of a list", () => {
  it.each<ArticleOrder>(["PUBLISHED_ON_DESC", "PUBLISHED_ON_ASC"])("seeks to its cursor in the date index instead of reading the index up to it (%s)", async (order) => {
    const { store, reads } = recording(archive.store.sql);
    await findArticles(store, {}, order, { first: 6, after: ["2025-03-11", 20] });
    const page = reads.find((r) => /FROM articles a/.test(r.sql))!;
    const detail = await plan(page.sql, page.params);
    // The row-value cursor ("publishedOn", id) < (?, ?) is one range of the index.
    expect(detail).toMatch(/SEARCH a USING COVERING INDEX articles_publishedOn_id_idx \(publishedOn[<>]/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});

describe("a search's page", () => {
  // An archive where one word is in every article and another in three.
  let bulk: TestArchive;
  const ARTICLES = MANY_MATCHES + 200;
  const RARE = [17, 600, 1_150];
  beforeAll(async () => {
    bulk = await createTestArchive();
    insertBulkArticles(bulk.path, { articles: ARTICLES, bodyLength: 400 });
    const db = new Database(bulk.path);
    const retitle = db.prepare(`UPDATE articles SET headline = ? WHERE url = ?`);
    for (const n of RARE) retitle.run(`Bulk article ${n} on Zanzibar`, `https://bulk.example/${n}`);
    db.close();
  });
  afterAll(() => bulk?.close());

  const search = (text: string): SearchExpression => {
    const parsed = parseSearch(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.search;
  };
  /** The matching ids in the order every article list has, found without the store's page reads. */
  async function expected(word: string, order: ArticleOrder): Promise<number[]> {
    const rows = await bulk.store.sql.reads.all<{ id: number; publishedOn: string }>(
      `SELECT id, "publishedOn" FROM articles WHERE id IN (SELECT rowid % 4294967296 FROM article_search WHERE article_search MATCH ?)`,
      [word],
    );
    const sorted = rows.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.id - b.id).map((r) => r.id);
    return order === "PUBLISHED_ON_ASC" ? sorted : sorted.reverse();
  }
  const pagePlan = async (word: string, order: ArticleOrder) => {
    const { store, reads } = recording(bulk.store.sql);
    await findArticles(store, { fullText: search(word) }, order, { first: 20 });
    const page = reads.find((r) => /FROM article_search/.test(r.sql))!;
    expect(page, "the page is read from the full-text index").toBeDefined();
    return plan(page.sql, page.params);
  };

  // The index numbers its rows in date order: a page is its first matches, whatever their number.
  it.each<[string, ArticleOrder]>([
    ["harbour", "PUBLISHED_ON_DESC"],
    ["harbour", "PUBLISHED_ON_ASC"],
    ["zanzibar", "PUBLISHED_ON_DESC"],
  ])("takes %s's first matches in the full-text index's own order, not sorting them or walking the date index (%s)", async (word, order) => {
    const detail = await pagePlan(word, order);
    expect(detail).toMatch(/SCAN article_search VIRTUAL TABLE INDEX/);
    expect(detail).not.toMatch(/TEMP B-TREE|articles_publishedOn_id_idx/);
  });

  it.each<[string, ArticleOrder]>([
    ["harbour", "PUBLISHED_ON_DESC"],
    ["harbour", "PUBLISHED_ON_ASC"],
    ["zanzibar", "PUBLISHED_ON_DESC"],
  ])("gives %s's matches in date order, page by page (%s)", async (word, order) => {
    const want = await expected(word, order);
    expect(want.length).toBe(word === "zanzibar" ? RARE.length : ARTICLES);
    const paged: number[] = [];
    let after: (string | number | null)[] | null = null;
    for (;;) {
      const page = await findArticles(bulk.store.sql, { fullText: search(word) }, order, { first: 100, after });
      paged.push(...page.rows.map((a) => a.id));
      if (!page.hasNextPage) break;
      const last = page.rows[page.rows.length - 1];
      after = [last.publishedOn, last.id];
    }
    expect(paged).toEqual(want);
    // With a date range, the page starts and stops at the range's ends.
    const ranged = await findArticles(bulk.store.sql, { fullText: search(word), publishedAfter: "2022-01-01", publishedBefore: "2022-12-31" }, order, { first: 1_000 });
    const inRange = await bulk.store.sql.reads.all<{ id: number }>(
      `SELECT id FROM articles WHERE "publishedOn" BETWEEN '2022-01-01' AND '2022-12-31' AND id IN (SELECT rowid % 4294967296 FROM article_search WHERE article_search MATCH ?)`,
      [word],
    );
    expect(new Set(ranged.rows.map((a) => a.id))).toEqual(new Set(inRange.map((r) => r.id)));
  });
});

/** The store, with every write connection's `all`, `allLater` and `run` whose SQL matches `pattern` kept. */
function recordingWrites(store: SqlArchive, pattern: RegExp): { store: SqlArchive; writes: { sql: string; params: SqlValue[] }[] } {
  const writes: { sql: string; params: SqlValue[] }[] = [];
  const writer = (lane: number) =>
    new Proxy(store.writer(lane), {
      get(target, prop, receiver) {
        if (prop === "all" || prop === "allLater" || prop === "run")
          return (sql: string, ...params: SqlValue[]) => {
            if (pattern.test(sql)) writes.push({ sql, params });
            return target[prop](sql, ...params);
          };
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return { writes, store: { ...store, writer } };
}

describe("ingest's reads of what is stored", () => {
  const remark = "the harbour will open to every ship before the winter storms";
  const report = (n: number) =>
    articleDraft({
      headline: `Harbour to open before winter, report ${n}`,
      body: `Ingrid Halvorsen said "${remark}." Report ${n} of the harbour's opening.`,
      outlet: n % 2 ? "Northwind Wire" : "The Harbour Ledger",
      publishedOn: "2025-06-02",
      people: [MINISTER],
      quotes: [{ text: `${remark}.`, speaker: MINISTER.name, position: 20 }],
    });

  it("finds a new quote's echo candidates from the echo keys' own index, not a row read per matching key", async () => {
    // A quote's keys match about nine keys of every stored quote of the same remark; reading a
    // row for each key's date cost 7 ms of each article's ingest at 750,000 articles.
    const { store, writes } = recordingWrites(archive.store.sql, /FROM quote_echo_keys WHERE/);
    await saveArticle(store, report(1));
    expect(writes, "the echo candidates were looked up").toHaveLength(1);
    const detail = await plan(writes[0].sql, writes[0].params);
    expect(detail).toMatch(/SEARCH quote_echo_keys USING PRIMARY KEY \(key=\?\)/);
    expect(detail).toMatch(/SEARCH q USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });

  it("dates a story from the story index alone as it grows, and counts one more report without reading them", async () => {
    // Stories reach a thousand reports in a big archive; reading each report's row for its
    // year (a PostgreSQL partition key) made every article's ingest 3 ms slower.
    await saveArticle(archive.store.sql, report(2));
    const { store, writes } = recordingWrites(archive.store.sql, /UPDATE stories SET/);
    await saveArticle(store, report(3));
    expect(writes, "the story was refreshed").toHaveLength(1);
    const detail = await plan(writes[0].sql, writes[0].params);
    // Its title needs the first day's headlines; its start and end need the index alone.
    expect(detail.match(/COVERING INDEX articles_storyId_publishedOn_id_idx/g)).toHaveLength(2);
    expect(writes[0].sql).not.toMatch(/count\(\*\)/);
  });
});

describe("a common word's statements", () => {
  it("are walked in their order, each statement's quotes looked up in the match list once read", async () => {
    const parsed = parseSearch("harbour");
    if (!parsed.ok) throw new Error(parsed.reason);
    const { store, reads } = recording(archive.store.sql);
    const page = await findStatements(store, { fullText: parsed.search }, "FIRST_REPORTED_DESC", { first: 5 }, 1);
    expect(page.rows.length).toBeGreaterThan(0);
    const walk = reads.find((r) => /FROM statements s/.test(r.sql) && /EXISTS/.test(r.sql))!;
    expect(walk, "the page walks the statements").toBeDefined();
    const detail = await plan(walk.sql, walk.params);
    expect(detail).toMatch(/SCAN s USING (COVERING )?INDEX statements_firstReportedOn_id_idx/);
    // Not each match sought among each statement's quotes (16 s at 750,000 articles).
    expect(detail).toMatch(/SEARCH q USING COVERING INDEX quotes_statementId_idx \(statementId=\?\)/);
    expect(detail).not.toMatch(/rowid=\?/);
  });
});

describe("a story's statements", () => {
  it("are one range of the quotes' story index, not each of its articles' quotes", async () => {
    const [{ storyId }] = await archive.store.sql.reads.all<{ storyId: number }>(`SELECT "storyId" FROM articles WHERE "storyId" IS NOT NULL LIMIT 1`);
    for (const read of [
      (store: SqlArchive) => findStatements(store, { storyIds: [storyId] }, "FIRST_REPORTED_DESC", { first: 10 }),
      (store: SqlArchive) => statementCountsOfStories(store, [storyId]),
    ]) {
      const { store, reads } = recording(archive.store.sql);
      await read(store);
      const detail = await plan(reads[0].sql, reads[0].params);
      expect(detail).toMatch(/SEARCH (quotes|q) USING COVERING INDEX quotes_storyId_statementId_idx \(storyId=\?/);
      expect(detail).not.toMatch(/articles/);
    }
  });
});

describe("an organisation's quotes", () => {
  it("are paged through the organisation index, which holds only the quotes organisations said", async () => {
    await archive.store.saveArticle(
      articleDraft({
        headline: "Ministry on the harbour",
        body: `The Harbour Ministry said "the quay stays shut." Ingrid Halvorsen said "the quay reopens."`,
        publishedOn: "2025-02-10",
        people: [MINISTER],
        quotes: [
          { text: "the quay stays shut.", speaker: "Harbour Ministry", speakerKind: "organisation", position: 24 },
          { text: "the quay reopens.", speaker: MINISTER.name, position: 70 },
        ],
      }),
    );
    const { store, reads } = recording(archive.store.sql);
    const page = await findQuotes(store, { organisations: ["Harbour Ministry"] }, { first: 6 });
    expect(page.rows.map((q) => q.text)).toEqual(["the quay stays shut."]);
    const read = reads.find((r) => /FROM quotes q/.test(r.sql))!;
    expect(await plan(read.sql, read.params)).toMatch(/SEARCH q USING INDEX quotes_organisationId_publishedOn_id_idx \(organisationId=\?/);
    // A person's quote, with no organisation, is no entry of it: no place in the index written at each insert.
    const [{ sql }] = await archive.store.sql.reads.all<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE name = 'quotes_organisationId_publishedOn_id_idx'`);
    expect(sql).toMatch(/WHERE "organisationId" IS NOT NULL$/);
  });
});
