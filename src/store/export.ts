// Bulk reads for /export and `npm run export`: every matching article or quote, a keyset page
// at a time in id order, each row with what a reader needs beside it (outlet, people,
// topics; speaker, article). Memory holds one page whatever the size of the archive.
//
// On SQLite each page is read in a snapshot of its own (its ids and their details agree), not
// the whole export in one: an export may take minutes (a slow client), and would hold one of
// the few read threads all along. A page holds one thread while it is read and none while the
// client takes it in. Rows committed meanwhile have higher ids and arrive at the end.
// On PostgreSQL the ids come from a server-side cursor, and the whole export is one snapshot
// on one connection of the pool (SqlArchive.cursorPages): the export slots are half the pool.
import type { Article } from "../generated/prisma/client.js";
import { articleConditions, articlesByIds } from "./articles.js";
import type { Conditions } from "./filters.js";
import { fetchKeysetPage, type Page, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import { organisationsByIds, type Organisation } from "./organisations.js";
import { outletsByIds, type Outlet } from "./outlets.js";
import { peopleByIds, peopleOfArticles, type Person } from "./people.js";
import { countQuotesBy, QUOTE_COLUMNS, quoteConditions, type Quote } from "./quotes.js";
import type { SearchExpression } from "./search-syntax.js";
import { placeholders, sqlRows } from "./sql-rows.js";
import { topicsOfArticles, type Topic } from "./topics.js";

// 200 rather than 500: each page is turned into lines on the server's thread between
// GraphQL requests (server/export-pace.ts), and a shorter turn keeps their wait short.
export const EXPORT_PAGE_SIZE = 200;

export interface ExportFilter {
  outlets?: string[];
  /** Articles naming these people; quotes said by them. Person slugs, any spelling's slug. */
  people?: string[];
  topics?: string[];
  publishedAfter?: string | null;
  publishedBefore?: string | null;
  /** Words to find, as parseSearch read them: headline and body of articles, text of quotes. */
  fullText?: SearchExpression | null;
  /**
   * Only articles committed at or after this instant (quotes: of such articles): the commit,
   * not the ingestedAt, since with several writers an article can be ingested before another
   * and committed after it, and a pull passing back the last `latestIngestedAt` must find it.
   */
  ingestedSince?: Date | null;
}

export interface ExportedArticle extends Article {
  outlet: Outlet | null;
  people: Person[];
  topics: Topic[];
  quoteCount: number;
}

export interface ExportedQuote extends Quote {
  speaker: Person | null;
  organisation: Organisation | null;
  outlet: Outlet | null;
  article: Pick<Article, "id" | "headline" | "publishedOn" | "url" | "ingestedAt">;
}

// Prisma writes DateTime columns as ISO text with "+00:00" (2025-03-05T10:00:00.000+00:00);
// a parameter in the same fixed-width form compares as text, and the ingestedAt index serves it.
const storedTimestamp = (at: Date) => at.toISOString().replace(/Z$/, "+00:00");

function articleExportConditions(store: SqlArchive, filter: ExportFilter): Conditions {
  const c = articleConditions(filter, store.dialect);
  if (filter.ingestedSince) c.add(`a.id IN (SELECT "articleId" FROM article_commits WHERE "committedAt" >= ?)`, storedTimestamp(filter.ingestedSince));
  return c;
}

function quoteExportConditions(store: SqlArchive, filter: ExportFilter): Conditions {
  const c = quoteConditions({ ...filter, speakers: filter.people }, store.dialect);
  if (filter.ingestedSince) {
    c.add(`q."articleId" IN (SELECT "articleId" FROM article_commits WHERE "committedAt" >= ?)`, storedTimestamp(filter.ingestedSince));
  }
  return c;
}

/**
 * Runs the pages of `table alias` under `c` in id order (keyset pages, a snapshot each, or a
 * cursor's), yielding what `rowsOf` reads for the ids of each.
 */
async function* exportPages<R>(
  store: SqlArchive,
  table: string,
  alias: string,
  c: Conditions,
  pageSize: number,
  rowsOf: (snapshot: SqlArchive, ids: number[]) => Promise<R[]>,
): AsyncGenerator<R[]> {
  if (store.cursorPages) {
    for await (const { ids, snapshot } of store.cursorPages(`SELECT ${alias}.id FROM ${table} ${alias} ${c.where()} ORDER BY ${alias}.id`, c.params, pageSize)) {
      yield await rowsOf(snapshot, ids);
    }
    return;
  }
  const keys: SortKey[] = [{ column: `${alias}.id`, direction: "ASC" }];
  let after: number | null = null;
  for (;;) {
    const { ids, more, rows } = await store.snapshot(async (snapshot) => {
      const page: Page<{ id: number }> = await fetchKeysetPage<{ id: number }>(snapshot.dialect, { first: pageSize, after: after == null ? null : [after] }, keys, (condition, orderBy, limit, keyParams) =>
        sqlRows(snapshot, `SELECT ${alias}.id FROM ${table} ${alias} ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [...c.params, ...keyParams, limit]),
      );
      const ids = page.rows.map((r) => r.id);
      return { ids, more: page.hasNextPage, rows: ids.length ? await rowsOf(snapshot, ids) : [] };
    });
    if (ids.length) yield rows;
    if (!more) return;
    after = ids[ids.length - 1];
  }
}

const present = <T>(rows: (T | null)[]): T[] => rows.filter((r): r is T => r != null);

async function outletsById(store: SqlArchive, ids: (number | null)[]): Promise<Map<number, Outlet>> {
  const unique = [...new Set(ids.filter((id): id is number => id != null))];
  return new Map(present(await outletsByIds(store, unique)).map((o) => [o.id, o]));
}

/** Every article matching `filter`, oldest id first, a page at a time. */
export function articlesForExport(store: SqlArchive, filter: ExportFilter, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ExportedArticle[]> {
  return exportPages(store, "articles", "a", articleExportConditions(store, filter), pageSize, async (store, ids) => {
    const articles = present(await articlesByIds(store, ids));
    const [outlets, people, topics, quoteCounts] = await Promise.all([
      outletsById(store, articles.map((a) => a.outletId)),
      peopleOfArticles(store, ids),
      topicsOfArticles(store, ids),
      countQuotesBy(store, "articleId", ids),
    ]);
    return articles.map((a) => ({
      ...a,
      outlet: a.outletId == null ? null : (outlets.get(a.outletId) ?? null),
      people: people.get(a.id) ?? [],
      topics: topics.get(a.id) ?? [],
      quoteCount: quoteCounts.get(a.id) ?? 0,
    }));
  });
}

/** Every quote matching `filter`, oldest id first, a page at a time. */
export function quotesForExport(store: SqlArchive, filter: ExportFilter, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ExportedQuote[]> {
  return exportPages(store, "quotes", "q", quoteExportConditions(store, filter), pageSize, async (store, ids) => {
    const quotes = await sqlRows<Quote>(store, `SELECT ${QUOTE_COLUMNS} FROM quotes q WHERE q.id IN (${placeholders(ids.length)}) ORDER BY q.id`, ids);
    const articleIds = [...new Set(quotes.map((q) => q.articleId))];
    const speakerIds = [...new Set(quotes.map((q) => q.speakerId).filter((id): id is number => id != null))];
    const organisationIds = [...new Set(quotes.map((q) => q.organisationId).filter((id): id is number => id != null))];
    const [articles, speakers, organisations, outlets] = await Promise.all([
      sqlRows<ExportedQuote["article"]>(
        store,
        `SELECT id, headline, "publishedOn", url, "ingestedAt" FROM articles WHERE id IN (${placeholders(articleIds.length)})`,
        articleIds,
      ),
      peopleByIds(store, speakerIds),
      organisationsByIds(store, organisationIds),
      outletsById(store, quotes.map((q) => q.outletId)),
    ]);
    const organisationById = new Map(present(organisations).map((o) => [o.id, o]));
    // ingestedAt is stored as ISO text; readers get a Date, as from articlesByIds.
    const articleById = new Map(articles.map((a) => [a.id, { ...a, ingestedAt: new Date(a.ingestedAt) }]));
    const speakerById = new Map(present(speakers).map((p) => [p.id, p]));
    return quotes.map((q) => ({
      ...q,
      speaker: q.speakerId == null ? null : (speakerById.get(q.speakerId) ?? null),
      organisation: q.organisationId == null ? null : (organisationById.get(q.organisationId) ?? null),
      outlet: q.outletId == null ? null : (outlets.get(q.outletId) ?? null),
      article: articleById.get(q.articleId)!,
    }));
  });
}

/** How many rows an export of `kind` with `filter` holds now (for a progress bar). */
export async function countForExport(store: SqlArchive, kind: "articles" | "quotes", filter: ExportFilter): Promise<number> {
  const [table, alias, c] = kind === "articles" ? ["articles", "a", articleExportConditions(store, filter)] : ["quotes", "q", quoteExportConditions(store, filter)];
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM ${table} ${alias} ${c.where()}`, c.params);
  return row.n;
}

/**
 * The latest instant anything was ingested into the archive, or null when it is empty: what
 * an export that matched nothing gives as its `latestIngestedAt`, since every article
 * ingested up to then was looked at.
 */
export async function latestIngestion(store: SqlArchive): Promise<Date | null> {
  // Not max(committedAt): an article's ingestedAt is never after its committedAt, and every
  // article committed later has a later committedAt, so an incremental pull passing this back
  // as `since` (which compares committedAt) misses nothing, whichever writer stored what.
  const [row] = await sqlRows<{ at: string | null }>(store, `SELECT max("ingestedAt") AS at FROM articles`);
  return row.at == null ? null : new Date(row.at);
}
