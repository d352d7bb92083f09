// Reads an article's transaction asks for before it needs their rows (SqlWrites.allLater):
// each runs in its place among the transaction's statements on both stores, and on
// PostgreSQL goes to the server with the next statement that does, in the same round trip.
// An article's id is reserved before it is inserted (nextId), and is the one it would have
// been given.
import pg from "pg";
import { afterEach, beforeEach, expect, it, vi, type MockInstance } from "vitest";
import type { SqlStore } from "../../src/store/sql-store.js";
import type { SqlWrites } from "../../src/store/sql-archive.js";
import { articleDraft } from "../support/article-drafts.js";
import { createStoreOn, describeOnEachStore, type TestStore } from "../support/test-stores.js";

const textOf = (query: unknown) => (typeof query === "string" ? query : (query as { text: string }).text);

/**
 * The round trips of the client that sent `marker`: the writer's. The spy is on every client of
 * the process, and another (a reader of the store, one left by an earlier test) may query meanwhile.
 */
function tripsOf(sent: MockInstance, marker: string): number {
  const writer = sent.mock.contexts[sent.mock.calls.findIndex(([query]) => textOf(query).includes(marker))];
  return sent.mock.contexts.filter((client) => client === writer).length;
}

describeOnEachStore("reads asked for later by the writer", (engine) => {
  let archive: TestStore;
  let sql: SqlWrites;
  beforeEach(async () => {
    archive = await createStoreOn(engine);
    sql = (archive.store as SqlStore).sql.writer();
  });
  afterEach(async () => archive.close());

  const topicCount = `SELECT count(*) AS n FROM topics`;
  const addTopic = (slug: string) => sql.run(`INSERT INTO topics (slug, name) VALUES (?, ?)`, slug, slug);

  it("runs each read in its place among the transaction's writes", async () => {
    const counted = await sql.transaction(async () => {
      await addTopic("harbours");
      const afterOne = sql.allLater<{ n: number }>(topicCount);
      await addTopic("ferries");
      const afterTwo = sql.allLater<{ n: number }>(topicCount);
      return [Number((await afterOne.get())[0].n), Number((await afterTwo.get())[0].n)];
    });
    expect(counted).toEqual([1, 2]);
    expect(Number((await sql.all<{ n: number }>(topicCount))[0].n)).toBe(2);
  });

  it("fails the transaction of a read that fails, and keeps none of its writes", async () => {
    await addTopic("harbours");
    const failing = sql.transaction(async () => {
      await addTopic("ferries");
      const wrong = sql.allLater(`SELECT no_such_column FROM topics`);
      await wrong.get();
    });
    await expect(failing).rejects.toThrow(/no_such_column/);
    expect(Number((await sql.all<{ n: number }>(topicCount))[0].n)).toBe(1);
  });

  it("gives an article the id reserved for it, and takes none for an article already stored", async () => {
    const saved = [];
    for (const headline of ["Quay works", "Quay works", "Ferry timetable"]) saved.push(await archive.store.saveArticle(articleDraft({ headline, body: `${headline}, in brief.` })));
    expect(saved.map((s) => [s.status, s.articleId])).toEqual([
      ["stored", 1],
      ["duplicate", 1],
      ["stored", 2],
    ]);
  });

  if (engine === "postgresql") {
    it("sends the reads asked for later with the next read, in one round trip", async () => {
      await sql.all(topicCount); // connected
      const sent = vi.spyOn(pg.Client.prototype, "query");
      try {
        const [first, second, third] = await sql.transaction(async () => {
          const first = sql.allLater<{ n: number }>(topicCount);
          await addTopic("harbours");
          const second = sql.allLater<{ n: number }>(topicCount);
          const third = await sql.all<{ n: number }>(topicCount);
          expect(tripsOf(sent, topicCount)).toBe(1);
          return [await first.get(), await second.get(), third];
        });
        expect([first, second, third].map((rows) => Number(rows[0].n))).toEqual([0, 1, 1]);
        expect(tripsOf(sent, topicCount)).toBe(2); // and the commit
      } finally {
        sent.mockRestore();
      }
    });

    it("resolves the people of an article, named as the archive already spells them, in the round trip that asks whether it is stored", async () => {
      const person = { name: "Ingrid Halvorsen", aliases: ["Halvorsen", "Minister Halvorsen"], mentions: 2 };
      await archive.store.saveArticle(articleDraft({ headline: "Quay works", body: "Halvorsen spoke.", people: [person] }));
      const sent = vi.spyOn(pg.Client.prototype, "query");
      try {
        // On a writer connection of its own, which has prepared none of its statements yet: each goes out as text.
        const saved = await archive.store.saveArticle(articleDraft({ headline: "Ferry timetable", body: "Halvorsen spoke again.", people: [person] }), 1);
        expect(saved.status).toBe("stored");
        const texts = sent.mock.calls.map(([query]) => textOf(query));
        const askingNames = texts.filter((text) => text.includes("FROM person_aliases"));
        expect(askingNames).toHaveLength(1);
        expect(askingNames[0]).toContain("FROM article_keys");
      } finally {
        sent.mockRestore();
      }
    });

    it("fails a read not sent yet when its transaction is rolled back", async () => {
      let unsent: { get(): Promise<unknown> } | undefined;
      await expect(
        sql.transaction(async () => {
          unsent = sql.allLater(topicCount);
          throw new Error("the article is refused");
        }),
      ).rejects.toThrow("the article is refused");
      await expect(unsent!.get()).rejects.toThrow(/rolled back before this statement was sent/);
    });
  }
});
