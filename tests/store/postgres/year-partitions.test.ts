// Articles and quotes partitioned by publication year on PostgreSQL (issue 15): a year's
// partitions are made the first time an article of that year arrives, rows land in their
// year's partition, a duplicate is found whatever year its twin is in, and making a new
// year's partitions does not wait for the requests and exports reading the archive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numberPostgresPlaceholders } from "../../../src/store/postgres/postgres-dialect.js";
import type { SqlStore } from "../../../src/store/sql-store.js";
import { articleDraft, SMALL_ARCHIVE, storyReport } from "../../support/article-drafts.js";
import { postgresUnavailable } from "../../support/postgres-server.js";
import { createStoreOn, type TestStore } from "../../support/test-stores.js";

const unavailable = postgresUnavailable();

describe.skipIf(unavailable)("year partitions of a PostgreSQL archive", () => {
  let archive: TestStore;
  const rows = <T>(sql: string) => (archive.store as SqlStore).sql.reads.all<T>(sql);
  const partitionsOf = async (table: string) =>
    (await rows<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '${table}'::regclass ORDER BY 1`)).map((r) => r.name);
  const quote = (text: string) => ({ text, speaker: "Ingrid Halvorsen", speakerKind: "person" as const, position: 10 });
  const person = { name: "Ingrid Halvorsen", aliases: ["Halvorsen"], mentions: 1 };

  beforeAll(async () => {
    archive = await createStoreOn("postgresql");
  });
  afterAll(async () => archive?.close());

  it("makes a year's partitions when its first article arrives, and keeps each row in its year's", async () => {
    expect(await partitionsOf("articles")).toEqual([]);
    for (const [i, publishedOn] of ["2024-06-01", "2025-01-15", "2024-12-31", null].entries()) {
      const saved = await archive.store.saveArticle(
        articleDraft({ headline: `Quay works ${i}`, body: `The quay works went on (${i}).`, publishedOn, url: `https://ledger.example/${i}`, people: [person], quotes: [quote(`We are on time, part ${i}.`)] }),
      );
      expect(saved.status).toBe("stored");
    }
    expect(await partitionsOf("articles")).toEqual(["articles_y0", "articles_y2024", "articles_y2025"]);
    expect(await partitionsOf("quotes")).toEqual(["quotes_y0", "quotes_y2024", "quotes_y2025"]);
    const placed = await rows<{ partition: string; n: number }>(`SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM articles GROUP BY 1 ORDER BY 1`);
    expect(placed).toEqual([
      { partition: "articles_y0", n: 1 },
      { partition: "articles_y2024", n: 2 },
      { partition: "articles_y2025", n: 1 },
    ]);
    const quotes = await rows<{ partition: string; n: number }>(`SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM quotes GROUP BY 1 ORDER BY 1`);
    expect(quotes.map((q) => q.partition)).toEqual(["quotes_y0", "quotes_y2024", "quotes_y2025"]);
    // The API reads across them as one table.
    expect(await archive.store.countArticles({})).toBe(4);
    expect(await archive.store.countArticles({ publishedAfter: "2024-07-01" })).toBe(2);
  });

  it("finds a duplicate by url or content whatever year its twin is stored under", async () => {
    const byUrl = await archive.store.saveArticle(articleDraft({ headline: "Quay works, updated", body: "Moved to another year.", publishedOn: "2023-02-02", url: "https://ledger.example/0" }));
    expect(byUrl).toMatchObject({ status: "duplicate", matchedOn: "url" });
    const byContent = await archive.store.saveArticle(articleDraft({ headline: "Quay works 1", body: "The quay works went on (1).", publishedOn: "2022-02-02" }));
    expect(byContent).toMatchObject({ status: "duplicate", matchedOn: "contentHash" });
    expect(await archive.store.countAllArticles()).toBe(4);
  });

  it("adds a new year's partitions while a request is reading the archive, without waiting for it to end", async () => {
    const seen = await archive.store.snapshot(async (reading) => {
      const before = await reading.countAllArticles();
      // Saved on the writer's connection while this snapshot holds its read: CREATE TABLE …
      // PARTITION OF would wait for the read to end, and so would this test, forever.
      const saved = await archive.store.saveArticle(articleDraft({ headline: "Old harbour", body: "From the archives.", publishedOn: "1998-05-05" }));
      return { before, saved: saved.status, after: await reading.countAllArticles() };
    });
    expect(seen).toEqual({ before: 4, saved: "stored", after: 4 }); // the snapshot still sees its own state
    expect(await partitionsOf("articles")).toContain("articles_y1998");
    expect(await archive.store.countAllArticles()).toBe(5);
  });

  it("looks each echo candidate up in its own year's partition only", async () => {
    // A quote's echo candidates are read by key, each key's quote then by id. Asked for by id
    // alone, each id was looked for in every year's partition of the echo window.
    const fresh = await createStoreOn("postgresql");
    try {
      const sql = (fresh.store as SqlStore).sql;
      const remark = "We will not sign a quota deal that empties the northern fishing grounds";
      const report = (publishedOn: string, i: number) =>
        articleDraft({ headline: `Quota talks ${i}`, body: `Halvorsen said: "${remark}." (${i})`, publishedOn, url: `https://ledger.example/q${i}`, people: [person], quotes: [quote(`${remark}.`)] });
      await fresh.store.saveArticle(report("2024-12-20", 1));
      const writer = sql.writer();
      const sent: { sql: string; params: unknown[] }[] = [];
      const original = writer.allLater.bind(writer);
      writer.allLater = ((text: string, ...params: never[]) => (sent.push({ sql: text, params }), original(text, ...params))) as typeof writer.allLater;
      await fresh.store.saveArticle(report("2025-01-10", 2));
      const echoRead = sent.find((s) => /FROM quote_echo_keys WHERE/.test(s.sql))!;
      expect(echoRead, "the echo candidates were read").toBeDefined();
      const text = `EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF) ${numberPostgresPlaceholders(echoRead.sql)}`;
      const plan = (await sql.reads.all<{ "QUERY PLAN": string }>(text, echoRead.params as never[])).map((r) => r["QUERY PLAN"]).join("\n");
      // Two candidates, the 2024 report and the 2025 one just stored, each looked up once, in its own year's partition.
      expect(plan).toMatch(/Append \(actual[^\n]*rows=1 loops=2\)/);
      expect(plan).toMatch(/Index Scan using quotes_y2024_pkey[^\n]*\(actual[^\n]*rows=1 loops=1\)/);
      expect(plan).toMatch(/Index Scan using quotes_y2025_pkey[^\n]*\(actual[^\n]*rows=1 loops=1\)/);
    } finally {
      await fresh.close();
    }
  });

  it("names an article's years in the writer's statements, so each kept plan reads only those years' partitions", async () => {
    // The writer keeps one generic plan per statement. Given its year as a parameter, that
    // plan opened every year's partitions and their indexes on each run (an article's quotes
    // read back: 0.6 ms against 0.03 with the year written in).
    const fresh = await createStoreOn("postgresql");
    try {
      const writer = (fresh.store as SqlStore).sql.writer();
      const sent: string[] = [];
      for (const method of ["all", "allLater", "get", "run"] as const) {
        const original = writer[method].bind(writer) as (sql: string, ...params: unknown[]) => Promise<unknown>;
        (writer as unknown as Record<string, unknown>)[method] = (sql: string, ...params: unknown[]) => (sent.push(sql), original(sql, ...params));
      }
      // Then two stories that a third article joins.
      for (const draft of [...SMALL_ARCHIVE, ...[1, 6, 3].map((day) => storyReport(day))]) expect((await fresh.store.saveArticle(draft)).status).toBe("stored");
      const byYear = sent.filter((sql) => sql.includes(`"publishedYear" IN (`));
      // The story candidates, the statement candidates, and the quotes keyed for later echoes.
      expect(byYear.some((sql) => /FROM story_keys/.test(sql))).toBe(true);
      expect(byYear.some((sql) => /FROM quotes WHERE "speakerId" IN/.test(sql))).toBe(true);
      expect(byYear.some((sql) => /INSERT INTO quote_echo_keys/.test(sql))).toBe(true);
      // The joined stories' reports and quotes, moved within the years they span.
      expect(byYear.some((sql) => /UPDATE articles SET "storyId"/.test(sql))).toBe(true);
      expect(byYear.some((sql) => /UPDATE quotes SET "storyId"/.test(sql))).toBe(true);
      expect(sent.filter((sql) => /"publishedYear"\s*(=|IN \(|BETWEEN)\s*\?/.test(sql))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
