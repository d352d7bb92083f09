import type { Outlet } from "../generated/prisma/client.js";
import type { SqlArchive } from "./sql-archive.js";
import { placeholders, sqlRows, rowsByIds } from "./sql-rows.js";

export type { Outlet };

export interface OutletStats {
  articleCount: number;
  firstPublishedOn: string | null;
  lastPublishedOn: string | null;
}

export function allOutlets(store: SqlArchive): Promise<Outlet[]> {
  return sqlRows<Outlet>(store, `SELECT * FROM outlets ORDER BY name`);
}

/** An outlet by slug or by name, case-insensitive. */
export async function outletBySlugOrName(store: SqlArchive, slugOrName: string): Promise<Outlet | null> {
  const key = slugOrName.trim().toLowerCase();
  const [row] = await sqlRows<Outlet>(store, `SELECT * FROM outlets WHERE slug = ? OR lower(name) = ? LIMIT 1`, [key, key]);
  return row ?? null;
}

export async function outletsByIds(store: SqlArchive, ids: readonly number[]): Promise<(Outlet | null)[]> {
  return rowsByIds<Outlet>(store, "outlets", ids);
}

export async function statsOfOutlets(store: SqlArchive, ids: readonly number[]): Promise<Map<number, OutletStats>> {
  const result = new Map<number, OutletStats>(ids.map((id) => [id, { articleCount: 0, firstPublishedOn: null, lastPublishedOn: null }]));
  if (!ids.length) return result;
  const rows = await sqlRows<{ id: number } & OutletStats>(
    store,
    `SELECT "outletId" AS id, count(*) AS "articleCount", min("publishedOn") AS "firstPublishedOn", max("publishedOn") AS "lastPublishedOn"
     FROM articles WHERE "outletId" IN (${placeholders(ids.length)}) GROUP BY "outletId"`,
    [...ids],
  );
  for (const { id, ...stats } of rows) result.set(id, stats);
  return result;
}
