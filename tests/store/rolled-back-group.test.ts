// SQLite commits files in groups, in one transaction, with no savepoint per file (see
// SqliteWriter.inGroup). A file that fails rolls the open group back, and the files before it
// are written again and committed: the archive is then what it would have been had the failing
// file never been given. A group rolled back whole (a full disk) takes its rows' ids with it,
// and the next files are given them again. (PostgreSQL commits each file as it ends, and never
// gives an id twice.) Whatever linking kept of the rolled-back rows must go too: a quote given
// a rolled-back quote's id is compared by its own words, not by those of the quote that had
// the id before.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleDraft } from "../../src/extract/types.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { articleDraft } from "../support/article-drafts.js";
import { createStoreOn, type TestStore } from "../support/test-stores.js";

const MINISTER = { name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 1 };
const HARBOUR = "the harbour will open to every ship before the winter storms come";
const FARES = "ferry fares are going to rise for every island route next year";
const GROUP = { size: 100, ms: 60_000 };

describe("a group of files rolled back (SQLite)", () => {
  let archive: TestStore;
  beforeEach(async () => {
    archive = await createStoreOn("sqlite");
  });
  afterEach(async () => archive.close());

  let n = 0;
  const report = (remark: string, outlet = "The Harbour Ledger"): ArticleDraft =>
    articleDraft({
      headline: `Minister speaks, report ${++n}`,
      body: `Ingrid Halvorsen said "${remark}." Report ${n}.`,
      publishedOn: "2025-06-02",
      outlet,
      people: [MINISTER],
      quotes: [{ text: `${remark}.`, speaker: MINISTER.name, position: 20 }],
      topics: [{ slug: "harbours", name: "harbours", score: 0.5 }],
    });
  // Fails at its last write but one, a new topic without a name: its article, quotes, people,
  // statement and story were written by then, in the same transaction as the files before it.
  const failing = (remark: string): ArticleDraft => ({ ...report(remark, "The Island Courier"), topics: [{ slug: `nameless-${n}`, name: null as never, score: 0.5 }] });

  const contents = async (store: SqlStore) => {
    const all = async (sql: string) => store.sql.reads.all<Record<string, unknown>>(sql);
    return {
      articles: await all(`SELECT id, headline, "outletId", "storyId" FROM articles ORDER BY id`),
      outlets: await all(`SELECT id, name FROM outlets ORDER BY id`),
      quotes: await all(`SELECT id, "articleId", "speakerId", "statementId", text FROM quotes ORDER BY id`),
      statements: await all(`SELECT id, "speakerId", "reportCount", "outletCount" FROM statements ORDER BY id`),
      stories: await all(`SELECT id, "articleCount" FROM stories ORDER BY id`),
      people: await all(`SELECT id, name, "articleCount", "quoteCount" FROM people ORDER BY id`),
      topics: await all(`SELECT id, slug FROM topics ORDER BY id`),
      commits: await all(`SELECT "articleId" FROM article_commits ORDER BY "articleId"`),
    };
  };

  it("leaves the archive as if a file that failed half-way through a group had never been given", async () => {
    const drafts = [report(HARBOUR), report(HARBOUR), failing(HARBOUR), report(FARES), failing(FARES), failing(HARBOUR), report(HARBOUR)];
    const outcomes: string[] = [];
    await archive.store.inBatches(GROUP, async (commitPoint) => {
      for (const draft of drafts) {
        await archive.store.saveArticle(draft).then(
          (saved) => outcomes.push(`${saved.status} ${saved.articleId}`),
          (error) => outcomes.push(`failed: ${String(error).includes("NOT NULL") ? "NOT NULL" : error}`),
        );
        await commitPoint();
      }
    });
    expect(outcomes).toEqual(["stored 1", "stored 2", "failed: NOT NULL", "stored 3", "failed: NOT NULL", "failed: NOT NULL", "stored 4"]);

    const reference = await createStoreOn("sqlite");
    try {
      for (const draft of drafts.filter((d) => !d.topics.some((t) => t.name === null))) await reference.store.saveArticle(draft);
      const got = await contents(archive.store as SqlStore);
      expect(got).toEqual(await contents(reference.store as SqlStore));
      // The three reports of the harbour are one statement; the outlet of the failing files is not kept.
      expect(got.statements.map((s) => s.reportCount).sort()).toEqual([1, 3]);
      expect(got.outlets.map((o) => o.name)).toEqual(["The Harbour Ledger"]);
    } finally {
      await reference.close();
    }
  });

  it("writes the files before a failing one again once, and commits them, so that a run of failing files costs one replay", async () => {
    const writer = (archive.store as SqlStore).sql.writer();
    const calls = new Map<string, number>();
    const file = (slug: string, name: string | null) => async () => {
      calls.set(slug, (calls.get(slug) ?? 0) + 1);
      await writer.run(`INSERT INTO outlets (slug, name) VALUES (?, ?)`, slug, name);
    };
    const outcomes: string[] = [];
    await writer.inBatches(GROUP, async (commitPoint) => {
      for (const [slug, name] of [["one", "One"], ["two", "Two"], ["bad", null], ["worse", null], ["three", "Three"]] as const) {
        await writer.transaction(file(slug, name)).then(
          () => outcomes.push(`${slug}: stored`),
          () => outcomes.push(`${slug}: failed`),
        );
        await commitPoint();
      }
    });
    expect(outcomes).toEqual(["one: stored", "two: stored", "bad: failed", "worse: failed", "three: stored"]);
    expect(Object.fromEntries(calls)).toEqual({ one: 2, two: 2, bad: 1, worse: 1, three: 1 });
    const names = await (archive.store as SqlStore).sql.reads.all<{ name: string }>(`SELECT name FROM outlets ORDER BY id`);
    expect(names.map((r) => r.name)).toEqual(["One", "Two", "Three"]);
  });

  it("keeps nothing of the group when a file before the failing one fails when written again, and says so", async () => {
    const writer = (archive.store as SqlStore).sql.writer();
    let written = 0;
    // Stored the first time, refused the second: a file that cannot be written again.
    const flaky = () => writer.run(`INSERT INTO outlets (slug, name) VALUES (?, ?)`, "flaky", ++written === 1 ? "Flaky" : null);
    await writer.inBatches(GROUP, async () => {
      await writer.transaction(() => writer.run(`INSERT INTO outlets (slug, name) VALUES ('kept', 'Kept')`));
    });
    const lost = writer.inBatches(GROUP, async () => {
      await writer.transaction(flaky);
      await writer.transaction(() => writer.run(`INSERT INTO outlets (slug, name) VALUES ('bad', NULL)`));
    });
    await expect(lost).rejects.toMatchObject({ groupLost: true, message: expect.stringMatching(/a file failed, and the 1 files before it in the uncommitted group were rolled back with it: .*NOT NULL/) });
    const names = await (archive.store as SqlStore).sql.reads.all<{ name: string }>(`SELECT name FROM outlets ORDER BY id`);
    expect(names.map((r) => r.name)).toEqual(["Kept"]);
  });

  it("compares a new quote with what stored quotes say now, not with what a rolled-back quote of the same id said", async () => {
    await expect(
      archive.store.inBatches(GROUP, async () => {
        await archive.store.saveArticle(report(HARBOUR));
        // Linked to the one before: its words were read, and kept.
        await archive.store.saveArticle(report(HARBOUR));
        throw new Error("the disk is full");
      }),
    ).rejects.toThrow("the disk is full");
    await archive.store.inBatches(GROUP, async () => {
      await archive.store.saveArticle(report(FARES));
      await archive.store.saveArticle(report(HARBOUR));
    });
    const statements = await archive.store.findStatements({}, "FIRST_REPORTED_DESC", { first: 10 });
    expect(statements.rows.map((s) => s.reportCount).sort()).toEqual([1, 1]);
  });
});
