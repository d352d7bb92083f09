// The same searches over the same texts find the same articles on SQLite (FTS5) and on
// PostgreSQL (tsvector), each store migrated as it is in production. The texts are every
// fixture article we wrote; the searches, every word in them, a prefix of each longer word,
// and phrases taken from them.
import { ensureYearPartitions } from "../../../src/store/postgres/year-partitions.js";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../../src/store/migrate.js";
import { migratePostgres } from "../../../src/store/postgres/migrate.js";
import { bodySnippet, lexeme } from "../../../src/store/postgres/body-snippet.js";
import { postgresDialect } from "../../../src/store/postgres/postgres-dialect.js";
import { parseSearch, type SearchExpression } from "../../../src/store/search-syntax.js";
import type { KeyValue } from "../../../src/store/sql-dialect.js";
import { sqliteDialect } from "../../../src/store/sqlite/sqlite-dialect.js";
import { postgresUnavailable, testPostgres, type PostgresServer } from "../../support/postgres-server.js";

const FIXTURE_FOLDERS = ["tests/fixtures/extraction", "tests/fixtures/linking", "tests/fixtures/page-junk"];
const texts = FIXTURE_FOLDERS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8")),
);
const words = [...new Set(texts.join(" ").match(/[\p{L}\p{N}]+/gu)!.map((w) => w.toLowerCase()))].sort();
const searches = [
  ...words,
  ...words.filter((w) => w.length > 3).map((w) => `${w.slice(0, 3)}*`),
  ...texts.flatMap((t) => (t.match(/[\p{L}]+[’']?[\p{L}]* [\p{L}]+/gu) ?? []).filter((_, i) => i % 7 === 0).map((p) => `"${p}"`)),
];

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)("full-text search on SQLite and on PostgreSQL", () => {
  let dir: string;
  let sqlite: Database.Database;
  let server: PostgresServer;
  let client: pg.Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "news-archive-search-conformance-"));
    await migrateDatabase(`file:${join(dir, "archive.db")}`);
    sqlite = new Database(join(dir, "archive.db"));
    server = await testPostgres();
    await migratePostgres(server.url);
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await ensureYearPartitions(client, 0); // these rows are undated
    const insert = sqlite.prepare(`INSERT INTO articles (id, body, "contentHash", "sourceFile", "ingestedAt") VALUES (?, ?, ?, ?, '2025-01-01')`);
    for (const [i, text] of texts.entries()) {
      insert.run(i + 1, text, `hash-${i}`, `file-${i}`);
      await client.query(`INSERT INTO articles (id, body, "contentHash", "sourceFile") VALUES ($1, $2, $3, $4)`, [i + 1, text, `hash-${i}`, `file-${i}`]);
    }
  });
  afterAll(async () => {
    sqlite?.close();
    await client?.end();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const onSqlite = (search: SearchExpression) => {
    const match = sqliteDialect.fullTextMatch("articles", "id", search);
    return (sqlite.prepare(`SELECT id FROM articles WHERE ${match.sql} ORDER BY id`).all(...(match.params as KeyValue[])) as { id: number }[]).map((r) => r.id);
  };
  const onPostgres = async (search: SearchExpression) => {
    const match = postgresDialect.fullTextMatch("articles", "id", search);
    return (await client.query<{ id: number }>(postgresDialect.numberPlaceholders(`SELECT id FROM articles WHERE ${match.sql} ORDER BY id`), match.params as unknown[])).rows.map((r) => r.id);
  };

  // FTS5's porter tokenizer leaves a word of one or two letters as it is ("us", "as") and
  // PostgreSQL stems it ("u", "a"): a search holding such a word, or a word whose stem is
  // one ("use" stems to "us" on both, which on SQLite is also the word "us"), may differ.
  // The one difference left, and said here rather than hidden.
  async function touchesShortWords(search: SearchExpression): Promise<boolean> {
    for (const word of search.anyOf.flat().flatMap((t) => t.words)) {
      if (word.length <= 2) return true;
      const { rows } = await client.query<{ lexemes: string[] | null }>(`SELECT ts_lexize('news_archive_english_stem', $1) AS lexemes`, [word.toLowerCase()]);
      if ((rows[0].lexemes ?? []).some((l) => l.length <= 2)) return true;
    }
    return false;
  }

  it(`finds the same articles for ${searches.length} searches, but for words of one or two letters`, { timeout: 120_000 }, async () => {
    const differing: string[] = [];
    let shortWordDifferences = 0;
    for (const text of searches) {
      const parsed = parseSearch(text);
      if (!parsed.ok) continue;
      const [a, b] = [onSqlite(parsed.search), await onPostgres(parsed.search)];
      if (a.join() === b.join()) continue;
      if (await touchesShortWords(parsed.search)) shortWordDifferences++;
      else differing.push(`${text}: SQLite ${a.join(",") || "none"}, PostgreSQL ${b.join(",") || "none"}`);
    }
    expect(differing).toEqual([]);
    // Bounded, so that a change that widens the gap is seen.
    expect(shortWordDifferences).toBeLessThan(searches.length / 200);
  });

  // PostgreSQL's snippets are made in JavaScript from the body (store/postgres/body-snippet.ts):
  // a word is marked when its lexeme, as made there, is one the search asks for.
  it("makes each word of every fixture the lexeme PostgreSQL's configuration makes of it", async () => {
    const { rows } = await client.query<{ word: string; lexemes: string[] }>(
      `SELECT w AS word, ARRAY(SELECT lexeme FROM unnest(to_tsvector('news_archive_english', w))) AS lexemes FROM unnest($1::text[]) AS w`,
      [words],
    );
    const differing = rows.filter((r) => r.lexemes.length === 1 && r.lexemes[0] !== lexeme(r.word)).map((r) => `${r.word}: ${r.lexemes[0]} / ${lexeme(r.word)}`);
    expect(rows.filter((r) => r.lexemes.length === 1).length).toBeGreaterThan(words.length * 0.95);
    expect(differing).toEqual([]);
  });

  // Where PostgreSQL's parser splits a run of letters, digits and dots its own way ("D-N.M.",
  // "£1.2m"), a one- or two-letter lexeme may be marked by one side alone.
  it("marks in the body the words ts_headline marks, for every word and prefix searched, but for words of one or two letters", { timeout: 60_000 }, async () => {
    const differing: string[] = [];
    let shortWordDifferences = 0;
    const singleWords = searches.filter((s) => !s.startsWith('"')).filter((_, i) => i % 5 === 0);
    for (const text of singleWords) {
      const search = parseSearch(text);
      if (!search.ok) continue;
      const match = postgresDialect.fullTextMatch("articles", "id", search.search);
      const { rows } = await client.query<{ id: number; body: string; marked: string }>(
        postgresDialect.numberPlaceholders(
          `SELECT id, body, ts_headline('news_archive_english', body, to_tsquery('news_archive_english', ?), 'HighlightAll=true, StartSel=[, StopSel=]') AS marked FROM articles WHERE ${match.sql}`,
        ),
        [match.params[0], ...match.params],
      );
      for (const row of rows) {
        const theirs = row.marked.match(/\[[^\]]*\]/g) ?? [];
        const ours = bodySnippet(row.body, search.search, "[", "]", Infinity).match(/\[[^\]]*\]/g) ?? [];
        if (theirs.join() === ours.join()) continue;
        if (await touchesShortWords(search.search)) shortWordDifferences++;
        else differing.push(`${text} in article ${row.id}: ${theirs.join(" ")} / ${ours.join(" ")}`);
      }
    }
    expect(singleWords.length).toBeGreaterThan(500);
    expect(differing).toEqual([]);
    expect(shortWordDifferences).toBeLessThan(singleWords.length / 200);
  });
});
