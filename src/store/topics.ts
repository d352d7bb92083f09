import type { Topic } from "../generated/prisma/client.js";
import type { SqlArchive } from "./sql-archive.js";
import { placeholders, sqlRows, rowsByIds } from "./sql-rows.js";

export type { Topic };

/** Every topic with its article count, most used first. */
export function allTopics(store: SqlArchive): Promise<(Topic & { articleCount: number })[]> {
  return sqlRows(
    store,
    `SELECT t.*, count(at."articleId") AS "articleCount" FROM topics t LEFT JOIN article_topics at ON at."topicId" = t.id
     GROUP BY t.id ORDER BY "articleCount" DESC, t.name`,
  );
}

/** A topic by slug or by name, case-insensitive. */
export async function topicBySlugOrName(store: SqlArchive, slugOrName: string): Promise<Topic | null> {
  const key = slugOrName.trim().toLowerCase();
  const [row] = await sqlRows<Topic>(store, `SELECT * FROM topics WHERE slug = ? OR lower(name) = ? LIMIT 1`, [key, key]);
  return row ?? null;
}

export async function topicsByIds(store: SqlArchive, ids: readonly number[]): Promise<(Topic | null)[]> {
  return rowsByIds<Topic>(store, "topics", ids);
}

/** The topics of each article, strongest first. */
export async function topicsOfArticles(store: SqlArchive, articleIds: readonly number[]): Promise<Map<number, Topic[]>> {
  const result = new Map<number, Topic[]>(articleIds.map((id) => [id, []]));
  if (!articleIds.length) return result;
  const rows = await sqlRows<Topic & { articleId: number }>(
    store,
    `SELECT t.*, at."articleId" FROM article_topics at JOIN topics t ON t.id = at."topicId"
     WHERE at."articleId" IN (${placeholders(articleIds.length)}) ORDER BY at."articleId", at.score DESC, t.name`,
    [...articleIds],
  );
  for (const { articleId, ...topic } of rows) result.get(articleId)!.push(topic);
  return result;
}

export async function articleCountsOfTopics(store: SqlArchive, ids: readonly number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await sqlRows<{ id: number; n: number }>(
    store,
    `SELECT "topicId" AS id, count(*) AS n FROM article_topics WHERE "topicId" IN (${placeholders(ids.length)}) GROUP BY "topicId"`,
    [...ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}
