// Counts of articles remembered per filter, so walking the pages of one list does not
// count it again on every page (a broad filter over 100,000 articles is a scan of ~90,000
// index entries, a few milliseconds each time). The archive only ever adds articles, each
// with its mentions, topics and search row in one transaction, and ids only grow; so a
// count taken when the highest id was M stays right for the articles up to M, and a later
// count is that one plus the matching articles above M: a short range of the primary key,
// in the same single statement as before. (Story membership does change as stories merge:
// filters on stories are counted afresh each time.) Counts are remembered per database read
// (`store.url`: each read replica has its own), since replicas at different lag hold
// different articles; and a database found behind its remembered count (a replica rebuilt
// from an older backup, a snapshot that moved to another replica mid-request) is counted
// afresh.
import type { SqlArchive } from "./sql-archive.js";
import type { SqlParam } from "./sql-dialect.js";
import { sqlRows } from "./sql-rows.js";

const MAX_ENTRIES = 1_000;

const known = new Map<string, { maxId: number; n: number }>();

/**
 * count(*) of `articles a` under `where` (with `params`), counting only what was added
 * since the same count was last taken in this process.
 */
export async function countArticlesIncrementally(store: SqlArchive, where: string, params: SqlParam[]): Promise<number> {
  const key = `${store.url}\n${where}\n${JSON.stringify(params)}`;
  const before = known.get(key);
  let row: { n: number; maxId: number | null };
  if (before) {
    // Walk the primary key from `maxId` on, not a filter index from its start.
    const newer = where ? `${where} AND a.id > ?` : `WHERE a.id > ?`;
    [row] = await sqlRows<{ n: number; maxId: number | null }>(
      store,
      `SELECT count(*) AS n, (SELECT max(id) FROM articles) AS "maxId" FROM ${store.dialect.byPrimaryKey("articles a")} ${newer}`,
      [...params, before.maxId],
    );
    row = (row.maxId ?? 0) < before.maxId ? await countAfresh(store, where, params) : { n: before.n + row.n, maxId: row.maxId };
  } else {
    row = await countAfresh(store, where, params);
  }
  known.delete(key); // re-inserted below: the least recently used entry is the first
  known.set(key, { maxId: row.maxId ?? 0, n: row.n });
  if (known.size > MAX_ENTRIES) known.delete(known.keys().next().value!);
  return row.n;
}

async function countAfresh(store: SqlArchive, where: string, params: SqlParam[]): Promise<{ n: number; maxId: number | null }> {
  const [row] = await sqlRows<{ n: number; maxId: number | null }>(store, `SELECT count(*) AS n, (SELECT max(id) FROM articles) AS "maxId" FROM articles a ${where}`, params);
  return row;
}
