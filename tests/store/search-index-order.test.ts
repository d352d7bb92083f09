// On SQLite the articles' full-text index numbers its rows in the articles' (publishedOn, id)
// order (migration article_search_in_date_order), so a search's page is the first rows of its
// match list. An archive indexed before, by id, is indexed again on its next start and finds
// the same articles in the same order.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { findArticles, type ArticleOrder } from "../../src/store/articles.js";
import { databasePath } from "../../src/store/database-url.js";
import { parseSearch } from "../../src/store/search-syntax.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { projectRoot } from "../support/run-script.js";
import { freshStoresOn, type TestStore } from "../support/test-stores.js";

const CORPUS = ["extraction", "linking"].map((dir) => join(projectRoot, "tests", "fixtures", dir));
const SEARCHES = ["said", "minister", "harbo*", "\"power link\""];
const ORDERS: ArticleOrder[] = ["PUBLISHED_ON_DESC", "PUBLISHED_ON_ASC"];

const { open, remigrate } = freshStoresOn("sqlite");

// Every search's articles in both orders, 4 to a page.
async function everySearch(archive: TestStore): Promise<Record<string, number[]>> {
  const sql = (archive.store as SqlStore).sql;
  const found: Record<string, number[]> = {};
  for (const text of SEARCHES) {
    const parsed = parseSearch(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    for (const order of ORDERS) {
      const ids: number[] = [];
      for (let after: (string | number | null)[] | null = null; ; ) {
        const page = await findArticles(sql, { fullText: parsed.search }, order, { first: 4, after });
        ids.push(...page.rows.map((a) => a.id));
        if (!page.hasNextPage) break;
        const last = page.rows[page.rows.length - 1];
        after = [last.publishedOn, last.id];
      }
      found[`${text} ${order}`] = ids;
    }
  }
  return found;
}

it("is numbered again on the next start of an archive indexed by id, and finds the same articles in the same order", async () => {
  const archive = await open();
  await ingestFiles(archive.store, CORPUS);
  const found = await everySearch(archive);
  expect(Object.values(found).flat().length, "the searches find articles").toBeGreaterThan(20);

  // As it was before the migration: the index numbered by id, no rank column.
  const before = readFileSync(join(projectRoot, "prisma", "migrations", "20261124151833_full_text_search", "migration.sql"), "utf8");
  const db = new Database(databasePath(archive.url));
  db.exec(`DROP TRIGGER "articles_search_insert"; DROP TRIGGER "articles_search_delete"; DROP TRIGGER "articles_search_update"; DROP TABLE article_search;
    DROP INDEX "articles_searchRank_key"; ALTER TABLE articles DROP COLUMN "searchRank";`);
  db.exec(before.slice(before.indexOf(`CREATE VIRTUAL TABLE "article_search"`), before.indexOf(`CREATE VIRTUAL TABLE "quote_search"`)));
  db.exec(`INSERT INTO article_search(article_search) VALUES ('rebuild'); DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_article_search_in_date_order'`);
  db.close();
  const byId = await (archive.store as SqlStore).sql.reads.all<{ id: number }>(`SELECT rowid AS id FROM article_search WHERE article_search MATCH 'said' ORDER BY rowid`);
  const ids = await (archive.store as SqlStore).sql.reads.all<{ id: number }>(`SELECT id FROM articles WHERE id IN (SELECT rowid FROM article_search WHERE article_search MATCH 'said') ORDER BY id`);
  expect(byId).toEqual(ids);

  const again = await remigrate(archive);
  expect(await everySearch(again)).toEqual(found);
  const renumbered = await (again.store as SqlStore).sql.reads.all<{ n: number }>(
    `SELECT count(*) AS n FROM article_search s JOIN articles a ON a."searchRank" = s.rowid WHERE article_search MATCH 'said'`,
  );
  expect(renumbered[0].n).toBe(found["said PUBLISHED_ON_DESC"].length);
}, 60_000);

it("gives a page's snippets, and any other articles', as each article's own match gives them", async () => {
  const archive = await open();
  await ingestFiles(archive.store, CORPUS);
  const sql = (archive.store as SqlStore).sql;
  const parsed = parseSearch("said");
  if (!parsed.ok) throw new Error(parsed.reason);
  // Each article's snippet asked alone, by its number in the index.
  const alone = async (ids: number[]) => {
    const query = sql.dialect.articleSnippets(ids, parsed.search, "[", "]");
    return new Map((await sql.reads.all<{ id: number; snippet: string }>(query.sql, query.params)).map((r) => [r.id, r.snippet]));
  };
  const matching = (await findArticles(sql, { fullText: parsed.search }, "PUBLISHED_ON_DESC", { first: 100 })).rows.map((a) => a.id);
  expect(matching.length).toBeGreaterThan(8);
  const [notMatching] = await sql.reads.all<{ id: number }>(`SELECT id FROM articles WHERE id NOT IN (${matching.join(", ")}) LIMIT 1`);
  for (const ids of [matching.slice(0, 5), matching.slice(3, 8), matching.filter((_, i) => i % 3 === 0), [matching.at(-1)!, matching[0], notMatching.id]]) {
    const snippets = await archive.store.articleSnippets(ids, parsed.search, "[", "]");
    expect(snippets).toEqual(await alone(ids));
    expect([...snippets.keys()].sort()).toEqual(ids.filter((id) => id !== notMatching.id).sort());
  }
}, 60_000);
