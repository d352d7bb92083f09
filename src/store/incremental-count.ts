// Counts of articles remembered per filter, so walking the pages of one list does not
// count it again on every page (a broad filter over 100,000 articles is a scan of ~90,000
// index entries, a few milliseconds each time). The archive only ever adds articles, each
// with its mentions, topics and search row in one transaction, and each takes the next place
// in article_commits as it commits (under a lock, so in commit order even with several
// writers, where an article can take its id before another and commit after it). So a count
// taken when the last place was M stays right for the articles up to M, and a later count is
// that one plus the matching articles placed after M: a short range of article_commits, in
// the same single statement as before. (Story membership does change as stories merge:
// filters on stories are counted afresh each time.) Counts are remembered per database read
// (`store.url`: each read replica has its own), since replicas at different lag hold
// different articles; and a database found behind its remembered count (a replica rebuilt
// from an older backup, a snapshot that moved to another replica mid-request) is counted
// afresh.
import type { SqlArchive } from "./sql-archive.js";
import type { SqlParam } from "./sql-dialect.js";
import { sqlRows } from "./sql-rows.js";

const MAX_ENTRIES = 1_000;

const known = new Map<string, { maxSeq: number; n: number }>();

/**
 * count(*) of `articles a` under `where` (with `params`), counting only what was added
 * since the same count was last taken in this process.
 */
export async function countArticlesIncrementally(store: SqlArchive, where: string, params: SqlParam[]): Promise<number> {
  const key = `${store.url}\n${where}\n${JSON.stringify(params)}`;
  const before = known.get(key);
  let row: { n: number; maxSeq: number | null };
  const maxSeq = `(SELECT max(seq) FROM article_commits) AS "maxSeq"`;
  const countAfresh = async () => (await sqlRows<{ n: number; maxSeq: number | null }>(store, `SELECT count(*) AS n, ${maxSeq} FROM articles a ${where}`, params))[0];
  if (before) {
    // Read the articles placed after `maxSeq` by their primary key, not a filter index from its start.
    const newer = `a.id IN (SELECT "articleId" FROM article_commits WHERE seq > ?)`;
    [row] = await sqlRows<{ n: number; maxSeq: number | null }>(
      store,
      `SELECT count(*) AS n, ${maxSeq} FROM ${store.dialect.byPrimaryKey("articles a")} ${where ? `${where} AND ${newer}` : `WHERE ${newer}`}`,
      [...params, before.maxSeq],
    );
    row = (row.maxSeq ?? 0) < before.maxSeq ? await countAfresh() : { n: before.n + row.n, maxSeq: row.maxSeq };
  } else {
    row = await countAfresh();
  }
  known.delete(key); // re-inserted below: the least recently used entry is the first
  known.set(key, { maxSeq: row.maxSeq ?? 0, n: row.n });
  if (known.size > MAX_ENTRIES) known.delete(known.keys().next().value!);
  return row.n;
}
