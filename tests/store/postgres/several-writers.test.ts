// Several ingest writers on one PostgreSQL archive (issue 15): two `npm run ingest` at once,
// each saving two files at a time, must leave the archive one ingest leaves: the same people,
// statements, stories, counts and export lines. And the two hazards measured under a single
// writer's assumptions: one new name resolved twice at once made two people, and an article
// that took its id first but committed last was never counted, nor exported to a pull `since`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../../src/corpus-generator/write-corpus.js";
import { exportChunks } from "../../../src/server/export-lines.js";
import type { SqlStore } from "../../../src/store/sql-store.js";
import type { Store } from "../../../src/store/store.js";
import type { ArticleDraft, PersonDraft } from "../../../src/extract/types.js";
import { articleDraft } from "../../support/article-drafts.js";
import { ingestInProcess } from "../../support/ingest-in-process.js";
import { postgresUnavailable } from "../../support/postgres-server.js";
import { createStoreOn, type TestStore } from "../../support/test-stores.js";

const unavailable = postgresUnavailable();

/** What an archive holds, without what depends on which writer got there first (ids, the spelling a person was first seen under). */
async function contentsOf(store: Store) {
  const rows = <T>(sql: string) => (store as SqlStore).sql.reads.all<T>(sql);
  const sorted = (lists: { members: string }[]) => lists.map((l) => l.members).sort();
  const people = await rows<{ members: string }>(`SELECT string_agg(alias, '|' ORDER BY alias) AS members FROM person_aliases GROUP BY "personId"`);
  const statements = await rows<{ members: string }>(
    `SELECT string_agg(a."contentHash" || '#' || q.position, '|' ORDER BY a."contentHash", q.position) AS members
     FROM quotes q JOIN articles a ON a.id = q."articleId" WHERE q."statementId" IS NOT NULL GROUP BY q."statementId"`,
  );
  const stories = await rows<{ members: string }>(`SELECT string_agg("contentHash", '|' ORDER BY "contentHash") AS members FROM articles GROUP BY "storyId"`);
  let exported = "";
  for await (const chunk of exportChunks(store, "quotes", {})) exported += chunk;
  const lines = exported
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
    .filter((line) => !line.complete)
    .map((q) => `${q.article.url} #${q.position} ${q.text} — ${q.speaker?.name ? "a person" : "no one"}`)
    .sort();
  const outlet = (await store.allOutlets())[0];
  return {
    people: sorted(people),
    statements: sorted(statements),
    stories: sorted(stories),
    counts: {
      articles: await store.countAllArticles(),
      ofOneOutlet: await store.countArticles({ outlets: [outlet.slug] }),
      quotes: await store.countQuotes({}),
      statements: await store.countStatements({}),
      stories: await store.countStories({}),
    },
    exportLines: lines,
  };
}

/**
 * Puts `person` on file (an article of its own), then starts saving `draft` on lane 0 and
 * returns once that save waits at the person's row, which it updates (and its mentions refer
 * to) after it has its article id and its names: another connection, `blocker`, holds the
 * row until it commits.
 */
async function saveHeldAtPersonRow(store: Store, url: string, person: PersonDraft, draft: ArticleDraft) {
  expect((await store.saveArticle(articleDraft({ headline: `${person.name} on file`, body: "Named before.", publishedOn: "2025-04-01", people: [person] }))).status).toBe("stored");
  const blocker = new pg.Client({ connectionString: url });
  await blocker.connect();
  try {
    await blocker.query(`BEGIN`);
    await blocker.query(`SELECT id FROM people WHERE name = $1 FOR UPDATE`, [person.name]);
    const saving = store.saveArticle(draft, 0);
    await expect.poll(async () => (await blocker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)).rows[0].n).toBe(1);
    return { blocker, saving };
  } catch (error) {
    await blocker.end();
    throw error;
  }
}

describe.skipIf(unavailable)("several ingest writers on one PostgreSQL archive", () => {
  let dir: string;
  const archives: TestStore[] = [];
  const archive = async () => {
    const created = await createStoreOn("postgresql");
    archives.push(created);
    return created;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "several-writers-"));
    writeCorpus(dir, 80, 11);
  });
  afterAll(async () => {
    for (const a of archives) await a.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("two ingests of the same files at once, two writers each, leave the archive one writer leaves", async () => {
    const single = await archive();
    const alone = await ingestInProcess(single.url, ["--workers", "0", "--writers", "1", dir]);
    expect(alone.code, alone.stderr).toBe(0);

    const shared = await archive();
    const both = await Promise.all([0, 1].map(() => ingestInProcess(shared.url, ["--workers", "0", "--writers", "2", dir])));
    for (const run of both) expect(run.code, run.stderr + run.stdout.split("\n").filter((l) => l.startsWith("FAILED")).join("\n")).toBe(0);
    // Each file was stored by one of the two and found already there by the other.
    const stored = both.map((run) => run.stdout.split("\n").filter((l) => l.startsWith("stored ")).length);
    expect(stored[0] + stored[1]).toBe(alone.stdout.split("\n").filter((l) => l.startsWith("stored ")).length);

    const [expected, actual] = [await contentsOf(single.store), await contentsOf(shared.store)];
    expect(actual.counts).toEqual(expected.counts);
    expect(actual.people).toEqual(expected.people);
    expect(actual.statements).toEqual(expected.statements);
    expect(actual.stories).toEqual(expected.stories);
    expect(actual.exportLines).toEqual(expected.exportLines);
    expect(expected.counts.statements).toBeLessThan(expected.counts.quotes); // remarks were linked across articles
  });

  it("makes one person of a new name that eight writers resolve at the same moment, however each spells it", async () => {
    const { store } = await archive();
    // Two spellings with one consonant skeleton: neither article alone says they are one
    // person; the second resolved finds the first's (so two writers must not both create).
    const spellings = [
      { name: "Oleksandr Hrytsenko", aliases: ["Hrytsenko"], mentions: 2 },
      { name: "Aleksandr Gritsenko", aliases: ["Gritsenko"], mentions: 2 },
    ];
    const drafts = Array.from({ length: 16 }, (_, i) => {
      const person = spellings[i % 2];
      return articleDraft({ headline: `Harbour report ${i}`, body: `Report ${i}.`, publishedOn: "2025-03-04", people: [person], quotes: [{ text: `Remark number ${i} on the quay`, speaker: person.name, speakerKind: "person", position: 10 }] });
    });
    await Promise.all(drafts.map((draft, i) => store.saveArticle(draft, i % 8)));
    const people = await (store as SqlStore).sql.reads.all<{ id: number }>(`SELECT id FROM people`);
    expect(people).toHaveLength(1);
    expect(await store.countQuotesBy("speakerId", [people[0].id])).toEqual(new Map([[people[0].id, 16]]));
  });

  it("does not hold up another writer's names with a name that resolved to a person on file", async () => {
    const { store, url } = await archive();
    const onFile = { name: "Tormod Aasheim", aliases: ["Aasheim"], mentions: 1 };
    const newcomer = { name: "Yrsa Aasheim", aliases: ["Aasheim"], mentions: 1 };
    // The first save's person is on file under every spelling it gives.
    const { blocker, saving: first } = await saveHeldAtPersonRow(store, url, onFile, articleDraft({ headline: "Aasheim again", body: "Named again.", publishedOn: "2025-05-01", people: [onFile] }));
    try {
      // A new name sharing a spelling ("Aasheim") locks the same key: it is not kept waiting.
      // (Undated, it has no story keys to share with the first, whose locks it would wait for.)
      const heldUp = (async () => {
        await expect.poll(async () => (await blocker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0].n, { timeout: 60_000 }).toBeGreaterThan(0);
        return "waiting for a lock" as const;
      })();
      const second = store.saveArticle(articleDraft({ headline: "A new Aasheim", body: "Named first.", publishedOn: null, people: [newcomer] }), 1);
      expect(await Promise.race([second.then((saved) => saved.status), heldUp])).toBe("stored");
      await blocker.query(`COMMIT`);
      expect((await first).status).toBe("stored");
      const people = await (store as SqlStore).sql.reads.all<{ name: string }>(`SELECT name FROM people ORDER BY name`);
      expect(people.map((p) => p.name)).toEqual(["Tormod Aasheim", "Yrsa Aasheim"]);
      // A file that fails once it holds a new name's lock (two quotes in one place) lets it go too.
      const twice = { text: "We said it twice.", speaker: "Ragna Aasheim", speakerKind: "person" as const, position: 5 };
      const failing = articleDraft({ headline: "Failing", body: "Fails.", publishedOn: null, people: [{ name: "Ragna Aasheim", aliases: ["Aasheim"], mentions: 1 }], quotes: [twice, twice] });
      await expect(store.saveArticle(failing, 1)).rejects.toThrow(/duplicate key|unique/i);
      expect((await blocker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)).rows[0].n).toBe(0);
    } finally {
      await blocker.query(`ROLLBACK`).catch(() => {});
      await blocker.end();
    }
  });

  it("counts and exports an article that took its id before another and committed after it", async () => {
    const { store, url } = await archive();
    const late = { name: "Tormod Aasheim", aliases: [], mentions: 1 };
    // The first save has its article id and waits while the second one commits.
    const { blocker, saving: first } = await saveHeldAtPersonRow(store, url, late, articleDraft({ headline: "First in", body: "Taken first.", publishedOn: "2025-05-01", people: [late] }));
    try {
      const second = await store.saveArticle(articleDraft({ headline: "Second in", body: "Committed first.", publishedOn: "2025-05-01" }), 1);

      expect(await store.countArticles({})).toBe(2);
      let exported = "";
      for await (const chunk of exportChunks(store, "articles", {})) exported += chunk;
      const since = JSON.parse(exported.trim().split("\n").at(-1)!).latestIngestedAt;

      await blocker.query(`COMMIT`);
      const firstSaved = await first;
      expect(firstSaved.status === "stored" && second.status === "stored" && firstSaved.articleId < second.articleId).toBe(true);

      expect(await store.countArticles({})).toBe(3);
      let pulled = "";
      for await (const chunk of exportChunks(store, "articles", { ingestedSince: new Date(since) })) pulled += chunk;
      expect(pulled).toContain('"headline":"First in"');
    } finally {
      await blocker.end();
    }
  });
});
