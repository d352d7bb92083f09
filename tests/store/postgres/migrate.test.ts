// The PostgreSQL migrations (prisma/postgres/migrations) applied by the store's own migrator
// to a throwaway server: whole, recorded as Prisma records them, once however often or
// however many processes run them, and leaving the search and the cursor indexes working.
import { ensureYearPartitions } from "../../../src/store/postgres/year-partitions.js";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleConditions, type ArticleFilter } from "../../../src/store/articles.js";
import { addSearchOfParts, Conditions } from "../../../src/store/filters.js";
import { fetchKeysetPage } from "../../../src/store/keyset.js";
import { committedPostgresMigrations, migratePostgres } from "../../../src/store/postgres/migrate.js";
import { postgresDialect } from "../../../src/store/postgres/postgres-dialect.js";
import { quoteConditions } from "../../../src/store/quotes.js";
import { parseSearch, type SearchExpression } from "../../../src/store/search-syntax.js";
import { keysetCondition, type SortKey, type SqlParam } from "../../../src/store/sql-dialect.js";
import { postgresUnavailable, testPostgres, type PostgresServer } from "../../support/postgres-server.js";

const search = (text: string): SearchExpression => {
  const parsed = parseSearch(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.search;
};

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)("PostgreSQL migrations", () => {
  let server: PostgresServer;
  let client: pg.Client;
  const query = async <T extends pg.QueryResultRow>(sql: string, params: readonly SqlParam[] = []) =>
    (await client.query<T>(postgresDialect.numberPlaceholders(sql), params as unknown[])).rows;

  beforeAll(async () => {
    server = await testPostgres();
    await migratePostgres(server.url);
    await migratePostgres(server.url); // nothing left to do
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });

  it("applies every committed migration once and records each as Prisma does", async () => {
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(committedPostgresMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
  });

  it("makes the archive's tables, with Prisma's quoted mixed-case columns", async () => {
    const tables = await query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    expect(tables.map((t) => t.table_name)).toEqual([
      "_prisma_migrations",
      "article_commits",
      "article_keys",
      "article_topics",
      "articles",
      "mentions",
      "organisations",
      "outlets",
      "people",
      "person_aliases",
      "quote_echo_keys",
      "quotes",
      "statements",
      "stories",
      "story_keys",
      "topics",
    ]);
    const columns = await query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'quotes' ORDER BY ordinal_position`);
    expect(columns.map((c) => c.column_name)).toEqual(["id", "articleId", "speakerId", "text", "position", "publishedOn", "outletId", "statementId", "organisationId", "searchVector", "publishedYear", "storyId"]);
  });

  it("runs from several processes at once, each migration applied once", async () => {
    const url = await server.createDatabase("raced");
    await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const { rows } = await other.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    await other.end();
    expect(rows.map((r) => r.migration_name)).toEqual(committedPostgresMigrations().map((m) => m.name));
  });

  it("refuses, changing nothing, a database whose LC_CTYPE is not UTF-8", async () => {
    const admin = new pg.Client({ connectionString: server.urlOf("postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE c_ctype TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    await admin.end();
    await expect(migratePostgres(server.urlOf("c_ctype"))).rejects.toThrow(/has LC_CTYPE C; full-text search needs a UTF-8 one.*nothing has been changed/);
    const other = new pg.Client({ connectionString: server.urlOf("c_ctype") });
    await other.connect();
    const { rows } = await other.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    await other.end();
    expect(rows).toEqual([{ n: 0 }]);
  });

  describe("over a few articles", () => {
    beforeAll(async () => {
      await query(`INSERT INTO outlets (id, slug, name) VALUES (1, 'harbour-ledger', 'Harbour Ledger')`);
      const articles: [number, string | null, string, string][] = [
        [1, "2025-03-02", "Sanctions on rare earths lifted", "The ministry's sanctions on rare earths were lifted in Zürich, officials said."],
        [2, null, "Ferry timetable", "The harbour ferry keeps its winter timetable (see www.harbour-ferries.example/winter or “Brown Water” on page 2)."],
        [3, "2025-03-01", "Earth day", "A rare sight: the earth was quiet."],
        [4, "2025-03-02", "Tariffs", "Tariffs on steel were sanctioned by the council."],
      ];
      // The partitions ingestion would make for these years (articles and quotes are partitioned by year).
      for (const year of [0, 2025]) await ensureYearPartitions(client, year);
      for (const [id, day, headline, body] of articles) {
        await query(`INSERT INTO articles (id, "outletId", headline, body, "publishedOn", "contentHash", "sourceFile", "publishedYear") VALUES (?, 1, ?, ?, ?, ?, ?, ?)`, [
          id,
          headline,
          body,
          day,
          `hash-${id}`,
          `file-${id}.txt`,
          day ? Number(day.slice(0, 4)) : 0,
        ]);
      }
    });

    const matching = async (text: string) => {
      const match = postgresDialect.fullTextMatch("articles", "a.id", search(text));
      return (await query<{ id: number }>(`SELECT a.id FROM articles a WHERE ${match.sql} ORDER BY a.id`, match.params)).map((r) => r.id);
    };

    it("finds articles by stemmed, unaccented words, phrases and prefixes through the generated search column", async () => {
      expect(await matching(`"rare earth" sanction`)).toEqual([1]);
      expect(await matching(`zurich`)).toEqual([1]); // unaccent: Zürich
      expect(await matching(`sanction*`)).toEqual([1, 4]);
      expect(await matching(`ferry OR tariff`)).toEqual([2, 4]);
      expect(await matching(`"earth rare"`)).toEqual([]);
      expect(await matching(`ministry's`)).toEqual([1]);
    });

    it("splits hosts, paths and quoted words into their words, as FTS5 does", async () => {
      expect(await matching(`harbour ferries`)).toEqual([2]);
      expect(await matching(`"ferries example"`)).toEqual([2]);
      expect(await matching(`brown`)).toEqual([2]);
    });

    it("stems words of three letters or more as FTS5's porter tokenizer does", async () => {
      // FTS5 leaves words of one or two letters as they are ("is", "us"); PostgreSQL stems them too.
      const words = ["news", "useful", "monthly", "generously", "one", "ministry's", "sanctions", "earths", "was", "this", "yes", "bias", "quietly", "councils"];
      const fts5 = new Database(":memory:");
      fts5.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE terms USING fts5vocab(t, 'row')`);
      for (const w of words) fts5.prepare(`INSERT INTO t (x) VALUES (?)`).run(w);
      const sqliteTerms = (fts5.prepare(`SELECT term FROM terms`).all() as { term: string }[]).map((r) => r.term).filter((t) => t.length > 2);
      fts5.close();
      const [row] = await query<{ terms: string[] }>(`SELECT array_agg(DISTINCT word) AS terms FROM ts_stat(?)`, [
        `SELECT to_tsvector('news_archive_english', ${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(" || ' ' || ")})`,
      ]);
      expect(row.terms.filter((t) => t.length > 2).sort()).toEqual(sqliteTerms.sort());
    });

    it("keeps stop words, as FTS5 does: a search of common words finds the articles holding them", async () => {
      expect(await matching(`the`)).toEqual([1, 2, 3, 4]);
      expect(await matching(`"on steel"`)).toEqual([4]);
      expect(await matching(`"the earth was"`)).toEqual([3]);
      expect(await matching(`"the earth is"`)).toEqual([]);
    });

    it("runs the shared filter conditions of articles and quotes, names resolved inside the query", async () => {
      await query(`INSERT INTO people (id, slug, name) VALUES (1, 'ana-lungu', 'Ana Lungu')`);
      await query(`INSERT INTO person_aliases ("personId", alias, key, slug) VALUES (1, 'A. Lungu', 'a lungu', 'a-lungu')`);
      await query(`INSERT INTO mentions ("articleId", "personId", count, "publishedOn") VALUES (1, 1, 2, '2025-03-02'), (3, 1, 1, '2025-03-01')`);
      await query(`INSERT INTO topics (id, slug, name) VALUES (1, 'trade', 'Trade')`);
      await query(`INSERT INTO article_topics ("articleId", "topicId", score, "publishedOn") VALUES (1, 1, 0.5, '2025-03-02'), (4, 1, 0.9, '2025-03-02')`);
      await query(`INSERT INTO quotes ("articleId", "speakerId", text, position, "publishedOn", "outletId", "publishedYear") VALUES (1, 1, 'The sanctions are lifted.', 10, '2025-03-02', 1, 2025)`);
      const articlesWhere = async (filter: ArticleFilter) => {
        const c = articleConditions(filter, postgresDialect);
        return (await query<{ id: number }>(`SELECT a.id FROM articles a ${c.where()} ORDER BY a.id`, c.params)).map((r) => r.id);
      };
      expect(await articlesWhere({ people: ["a-lungu"] })).toEqual([1, 3]); // any spelling's slug
      expect(await articlesWhere({ people: ["ana-lungu"], topics: ["Trade"], outlets: ["harbour-ledger"] })).toEqual([1]);
      expect(await articlesWhere({ outletIds: [], publishedAfter: "2025-03-01" })).toEqual([]); // no outlet resolved: nothing
      expect(await articlesWhere({ publishedAfter: "2025-03-02", fullText: search("sanction*") })).toEqual([1, 4]);
      const c = quoteConditions({ speakers: ["a-lungu"], fullText: search("lifted") }, postgresDialect);
      expect(await query(`SELECT q.id FROM quotes q ${c.where()}`, c.params)).toHaveLength(1);
    });

    it("pages an organisation's quotes through an index that holds only the quotes organisations said", async () => {
      await query(`INSERT INTO organisations (id, slug, name) VALUES (1, 'harbour-ministry', 'Harbour Ministry')`);
      await query(
        `INSERT INTO quotes ("articleId", "organisationId", text, position, "publishedOn", "outletId", "publishedYear") VALUES (2, 1, 'The quay stays shut.', 10, '2025-03-01', 1, 2025)`,
      );
      const c = quoteConditions({ organisations: ["Harbour Ministry"] }, postgresDialect);
      const page = `SELECT q.id FROM quotes q ${c.where()} ORDER BY q."publishedOn" DESC NULLS LAST, q.id LIMIT 21`;
      expect(await query(page, c.params)).toHaveLength(1);
      await client.query(`SET enable_seqscan = off`);
      const plan = (await query<{ "QUERY PLAN": string }>(`EXPLAIN ${page}`, c.params)).map((r) => r["QUERY PLAN"]).join("\n");
      await client.query(`RESET enable_seqscan`);
      expect(plan).toMatch(/organisationId_publishedOn_id_idx/);
      // A person's quote, with no organisation, is no entry of it: no place in the index written at each insert.
      const [{ indexdef }] = await query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'quotes_organisationId_publishedOn_id_idx'`);
      expect(indexdef).toMatch(/WHERE \("organisationId" IS NOT NULL\)$/);
    });

    it("highlights the matches of a search in a snippet of the body", async () => {
      const snippets = postgresDialect.articleSnippets([1, 2, 3], search("rare earth"), "[", "]");
      const rows = await query<{ id: number; snippet: string }>(`${snippets.sql} ORDER BY id`, snippets.params);
      expect(rows.map((r) => r.id)).toEqual([1, 3]);
      expect(snippets.highlight!(rows[0].snippet)).toContain("[rare] [earths]");
    });

    it("pages newest first through the cursor index, with undated articles last and no sort", async () => {
      const keys: SortKey[] = [
        { column: `a."publishedOn"`, direction: "DESC", nullable: true },
        { column: "a.id", direction: "DESC" },
      ];
      const page = (after: (string | number | null)[] | null) =>
        fetchKeysetPage<{ id: number }>(postgresDialect, { first: 2, after }, keys, (condition, orderBy, limit, params) =>
          query(`SELECT a.id FROM articles a ${condition ? `WHERE ${condition}` : ""} ORDER BY ${orderBy} LIMIT ?`, [...params, limit]),
        );
      const first = await page(null);
      const second = await page(["2025-03-01", 3]);
      expect([first.rows.map((r) => r.id), second.rows.map((r) => r.id)]).toEqual([[4, 1], [2]]);

      await client.query(`SET enable_seqscan = off`); // four rows would otherwise be read whole
      const params: SqlParam[] = [];
      const condition = keysetCondition(postgresDialect, keys, ["2025-03-02", 4], params);
      const plan = await query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT a.id FROM articles a WHERE ${condition} ORDER BY ${postgresDialect.orderBy(keys)} LIMIT 21`, params);
      await client.query(`RESET enable_seqscan`);
      const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
      // Each year's partition walks its own copy of the cursor index; Merge Append keeps their order.
      expect(text).toMatch(/Merge Append[\s\S]*articles_y0_publishedOn_id_idx[\s\S]*articles_y2025_publishedOn_id_idx/);
      expect(text).not.toMatch(/^(\s*->)?\s*Sort\s+\(/m); // no Sort node ("Sort Key" is Merge Append's)
    });

    it("walks a common word's page along the cursor index in the one plan a read connection keeps for it", async () => {
      // Read connections keep one generic plan per statement. Kept for `@@`, such a page read
      // every match through the GIN index and sorted them; the walked match leaves no index
      // to the words, so the kept plan is the walk, whatever word it is executed for.
      const keys: SortKey[] = [
        { column: `a."publishedOn"`, direction: "DESC", nullable: true },
        { column: "a.id", direction: "DESC" },
      ];
      const match = postgresDialect.fullTextMatch("articles", "a.id", search("rare earth"), "a");
      await client.query(`SET plan_cache_mode = force_generic_plan`);
      await client.query(`SET enable_seqscan = off`);
      await client.query(`PREPARE walked_page AS ${postgresDialect.numberPlaceholders(`SELECT a.id FROM articles a WHERE ${match.sql} ORDER BY ${postgresDialect.orderBy(keys)} LIMIT ?`)}`);
      const execute = `EXECUTE walked_page(${match.params.map((p) => pg.escapeLiteral(String(p))).join(", ")}, 21)`;
      const plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${execute}`)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      const ids = (await client.query<{ id: number }>(execute)).rows.map((r) => r.id);
      await client.query(`DEALLOCATE walked_page; RESET enable_seqscan; RESET plan_cache_mode`);
      const matched = postgresDialect.fullTextMatch("articles", "a.id", search("rare earth"));
      const expected = await query<{ id: number }>(`SELECT a.id FROM articles a WHERE ${matched.sql} ORDER BY ${postgresDialect.orderBy(keys)}`, matched.params);
      expect(ids).toEqual(expected.map((r) => r.id));
      expect(ids.length).toBeGreaterThan(1);
      expect(plan).toMatch(/Merge Append[\s\S]*articles_y2025_publishedOn_id_idx/);
      expect(plan).not.toMatch(/Bitmap|searchVector_idx/);
      expect(plan).not.toMatch(/^(\s*->)?\s*Sort\s+\(/m);
    });

    it("checks a common word's statements one by one as the walk meets them, in the plan a read connection keeps", async () => {
      // Turned into a join, the kept plan read every quote and checked its words (660 ms for a
      // common word at a million articles); as a subplan, only the quotes of the statements walked.
      const c = new Conditions(postgresDialect);
      addSearchOfParts(c, postgresDialect, { parent: "s.id", table: "quotes", alias: "q", parentColumn: "statementId", span: { first: `s."firstReportedOn"`, last: `s."lastReportedOn"` } }, search("rare earth"), true);
      await client.query(`SET plan_cache_mode = force_generic_plan`);
      await client.query(`PREPARE walked_statements AS ${postgresDialect.numberPlaceholders(`SELECT s.id FROM statements s ${c.where()} ORDER BY s."firstReportedOn" DESC NULLS LAST, s.id DESC LIMIT 21`)}`);
      const plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN EXECUTE walked_statements(${c.params.map((p) => pg.escapeLiteral(String(p))).join(", ")})`)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      await client.query(`DEALLOCATE walked_statements; RESET plan_cache_mode`);
      expect(plan).toMatch(/SubPlan/);
      expect(plan).not.toMatch(/Semi Join|Hash Join/);
    });
  });
});

describe("the PostgreSQL Prisma schema", () => {
  it("holds the same models as the SQLite one, word for word", () => {
    const models = (path: string) => {
      const text = readFileSync(path, "utf8");
      return text.slice(text.search(/^model /m));
    };
    expect(models("prisma/postgres/schema.prisma")).toBe(models("prisma/schema.prisma"));
  });
});
