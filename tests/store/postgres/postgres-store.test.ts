// What the PostgreSQL store promises a request beyond the SQL it shares with SQLite: one
// consistent, read-only snapshot per request, and a statement that outlives the request's
// deadline stopped on the server, not left running.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { ingestFiles } from "../../../src/archive/ingest-files.js";
import { articleKey, findArticles } from "../../../src/store/articles.js";
import type { KeyValue } from "../../../src/store/keyset.js";
import { parseSearch } from "../../../src/store/search-syntax.js";
import { observeStatements } from "../../../src/store/store.js";
import { articlesForExport, quotesForExport } from "../../../src/store/export.js";
import type { SqlStore } from "../../../src/store/sql-store.js";
import { articleDraft, SMALL_ARCHIVE } from "../../support/article-drafts.js";
import { migrateStore, openStore } from "../../../src/store/open-store.js";
import { postgresUnavailable, startPostgresServer } from "../../support/postgres-server.js";
import { projectRoot } from "../../support/run-script.js";
import { createStoreOn, type TestStore } from "../../support/test-stores.js";

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)("the PostgreSQL store", () => {
  let archive: TestStore;
  let store: SqlStore;
  beforeAll(async () => {
    archive = await createStoreOn("postgresql");
    store = archive.store as SqlStore;
    for (const draft of SMALL_ARCHIVE) await store.saveArticle(draft);
  });
  afterAll(async () => {
    await archive?.close();
  });

  it("reads a request in one snapshot: an article committed meanwhile is not in it, and is in the next", async () => {
    const counts = await store.snapshot(async (snapshot) => {
      const before = await snapshot.countAllArticles();
      await store.saveArticle(articleDraft({ headline: "Committed mid-request", body: "Late news.", publishedOn: "2025-06-01" }));
      return [before, await snapshot.countAllArticles()];
    });
    expect(counts).toEqual([SMALL_ARCHIVE.length, SMALL_ARCHIVE.length]);
    expect(await store.countAllArticles()).toBe(SMALL_ARCHIVE.length + 1);
  });

  it("exports from a server-side cursor in one snapshot: an article committed mid-export is not in it", async () => {
    const before = await store.countAllArticles();
    const pages = articlesForExport(store.sql, {}, 2);
    const first = await pages.next();
    expect(first.value).toHaveLength(2);
    await store.saveArticle(articleDraft({ headline: "Committed mid-export", body: "Later news still.", publishedOn: "2025-06-02" }));
    const headlines = (first.value as { headline: string }[]).map((a) => a.headline);
    for await (const page of pages) headlines.push(...page.map((a) => a.headline ?? ""));
    expect(headlines).toHaveLength(before);
    expect(headlines).not.toContain("Committed mid-export");
    expect(await store.countAllArticles()).toBe(before + 1);
  });

  it("gives the export's connection back when its reader stops part-way (a client gone)", async () => {
    const pages = quotesForExport(store.sql, {}, 1);
    expect((await pages.next()).value).toHaveLength(1);
    expect(store.readStats().busy).toBe(1);
    await pages.return(undefined);
    expect(store.readStats().busy).toBe(0);
    expect(await store.countAllArticles()).toBeGreaterThan(0); // and the pool serves on
  });

  it("runs a request's first statement inside its snapshot, when the connection has the statement prepared and when not", async () => {
    // The BEGIN goes with the first statement: as an EXECUTE of what the connection prepared
    // before, or ahead of a statement it has not. Either way the statement is in the snapshot.
    const first = `SELECT current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS "readOnly", $1::integer AS n`;
    for (let n = 0; n < 12; n++) {
      const rows = await store.snapshot((snapshot) => (snapshot as SqlStore).sql.reads.all<{ isolation: string; readOnly: string; n: number }>(first, [n]));
      expect(rows).toEqual([{ isolation: "repeatable read", readOnly: "on", n }]);
    }
  });

  it("reads a page of articles with their rows in one statement, not their ids and then the rows", async () => {
    const before = store.sqlStatements.count;
    const page = await store.findArticles({}, "PUBLISHED_ON_DESC", { first: 3 });
    expect(store.sqlStatements.count - before).toBe(1);
    expect(page.rows.map((a) => [typeof a.headline, typeof a.body, a.ingestedAt instanceof Date])).toEqual(Array(3).fill(["string", "string", true]));
    expect(page.rows).toEqual(await store.articlesByIds(page.rows.map((a) => a.id)));
  });

  it("plans a request's statements once, and neither splits them over parallel workers nor compiles them", async () => {
    // Kept plans are costed for any value: JIT compiled a quote search matching nothing on every run (56 ms for 0.3 ms of reading).
    const rows = await store.snapshot((snapshot) =>
      (snapshot as SqlStore).sql.reads.all<Record<string, string>>(
        `SELECT current_setting('plan_cache_mode') AS plans, current_setting('max_parallel_workers_per_gather') AS workers, current_setting('jit') AS jit`,
      ),
    );
    expect(rows).toEqual([{ plans: "force_generic_plan", workers: "0", jit: "off" }]);
  });

  it("pages a word its statistics hold as common without counting its matches first, as it pages it counted", async () => {
    const fresh = await createStoreOn("postgresql");
    try {
      await ingestFiles(fresh.store, [join(projectRoot, "tests", "fixtures", "extraction"), join(projectRoot, "tests", "fixtures", "linking")]);
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      await client.query("ANALYZE articles");
      await client.end();
      const sql = (fresh.store as SqlStore).sql;
      const pages = async (text: string, manyMatches: number) => {
        const parsed = parseSearch(text);
        if (!parsed.ok) throw new Error(parsed.reason);
        const counted: string[] = [];
        const stop = observeStatements((statement) => /count\(\*\)/.test(statement.sql) && counted.push(statement.sql));
        try {
          const ids: number[] = [];
          for (let after: KeyValue[] | null = null; ; ) {
            const page = await findArticles(sql, { fullText: parsed.search }, "PUBLISHED_ON_DESC", { first: 3, after }, manyMatches);
            ids.push(...page.rows.map((a) => a.id));
            if (!page.hasNextPage) return { ids, counted: counted.length };
            after = articleKey(page.rows[page.rows.length - 1]);
          }
        } finally {
          stop();
        }
      };
      // "said" is in most of the fixture's articles: with the line at 1 match, no count is needed.
      const common = await pages("said", 1);
      expect(common.counted).toBe(0);
      expect(common.ids.length).toBeGreaterThan(10);
      expect(common.ids).toEqual((await pages("said", Number.MAX_SAFE_INTEGER)).ids);
      // Two words together are not in the statistics: counted, on every page.
      expect((await pages("said minister", 1)).counted).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a write inside a request's snapshot", async () => {
    const attempt = store.snapshot((snapshot) => (snapshot as SqlStore).sql.reads.all(`INSERT INTO topics (slug, name) VALUES ('x', 'x')`));
    await expect(attempt).rejects.toThrow(/read-only transaction/);
  });

  it("stops a statement still running at the request's deadline, on the server too, and serves the next request", async () => {
    const deadline = new AbortController();
    const started = performance.now();
    setTimeout(() => deadline.abort(new Error("the request's time is up")), 200);
    const slow = store.snapshot((snapshot) => (snapshot as SqlStore).sql.reads.all(`SELECT pg_sleep(30)`), { signal: deadline.signal });
    await expect(slow).rejects.toThrow("the request's time is up");
    expect(performance.now() - started).toBeLessThan(10_000);
    // The cancel reaches the server: no backend is left sleeping.
    let sleeping = 1;
    for (let i = 0; i < 50 && sleeping; i++) {
      [{ n: sleeping }] = await store.sql.reads.all<{ n: number }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'SELECT pg_sleep(30)' AND state = 'active'`);
      if (sleeping) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sleeping).toBe(0);
    expect(await store.snapshot((snapshot) => snapshot.countAllArticles())).toBe(SMALL_ARCHIVE.length + 2); // the two saved above
  });

  describe("after an ingest", () => {
    // A server of its own: on the shared one, other test files connecting meanwhile hold the
    // vacuum's horizon back for a moment (a backend starting up counts for every database).
    let server: Awaited<ReturnType<typeof startPostgresServer>>;
    let ingested: SqlStore;
    beforeAll(async () => {
      server = await startPostgresServer();
      await migrateStore(server.url);
      ingested = (await openStore(server.url)) as SqlStore;
      const totals = await ingestFiles(ingested, [join(projectRoot, "tests", "fixtures", "extraction")]);
      expect(totals.stored).toBeGreaterThan(10);
    });
    afterAll(async () => {
      await ingested?.close();
      server?.stop();
    });
    const vacuumsByPartition = async () =>
      new Map(
        (
          await ingested.sql.reads.all<{ name: string; vacuums: number }>(
            `SELECT relname AS name, vacuum_count::integer AS vacuums FROM pg_stat_user_tables WHERE relname ~ '^(articles|quotes)_y[0-9]+$'`,
          )
        ).map((row) => [row.name, row.vacuums]),
      );

    it("leaves what it wrote marked all-visible, so a count reads an index alone straight after it", async () => {
      const [pages] = await ingested.sql.reads.all<{ pages: number; visible: number }>(
        `SELECT sum(relpages)::integer AS pages, sum(relallvisible)::integer AS visible FROM pg_class
         WHERE relkind = 'r' AND relname ~ '^(articles|quotes)_y[0-9]+$|^(mentions|statements|stories|people)$'`,
      );
      expect(pages.pages).toBeGreaterThan(0);
      expect(pages.visible).toBe(pages.pages);
    });

    it("vacuums the partitions of the years it wrote, not every year's", async () => {
      const ingest = (publishedOn: string[]) =>
        ingested.inBatches({ size: 10, ms: 1000 }, async (commitPoint) => {
          for (const day of publishedOn) {
            await ingested.saveArticle(articleDraft({ headline: `Filed on ${day}`, body: `A report of ${day}.`, publishedOn: day }));
            await commitPoint();
          }
        });
      await ingest(["2019-05-06", "2020-05-06", "2021-05-06"]);
      const before = await vacuumsByPartition();
      await ingest(["2020-07-08"]);
      const after = await vacuumsByPartition();
      expect([...after.keys()]).toEqual(expect.arrayContaining(["articles_y2019", "articles_y2020", "articles_y2021", "quotes_y2019", "quotes_y2020", "quotes_y2021"]));
      for (const [name, vacuums] of after) expect([name, vacuums]).toEqual([name, before.get(name)! + (name.endsWith("_y2020") ? 1 : 0)]);
    });
  });
});
