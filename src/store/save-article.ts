import type { ArticleDraft } from "../extract/types.js";
import { EARLIEST_DAY, isCalendarDay, LATEST_DAY } from "../extract/day-number.js";
import { slugify } from "../extract/names.js";
import { storyFeatures } from "../link/stories.js";
import { linkStatements } from "./link-statements.js";
import { linkStory } from "./link-story.js";
import { resolvePerson } from "./resolve-person.js";
import type { SqlArchive, SqlWrites } from "./sql-archive.js";

export type SaveOutcome =
  | { status: "stored"; articleId: number; people: number; quotes: number }
  | { status: "duplicate"; articleId: number; matchedOn: "contentHash" | "url" };

/**
 * Stores one extracted article with its outlet, people, quotes and topics in a single
 * transaction: either all of it is in the archive afterwards or none of it is. An article
 * already stored (same content hash, or same url) is left as it is.
 */
export async function saveArticle(store: SqlArchive, draft: ArticleDraft): Promise<SaveOutcome> {
  // Extraction checks every date it hands over; this guards the store against any other
  // caller, since linking does date arithmetic on it and the API serves it.
  if (draft.publishedOn != null && !isCalendarDay(draft.publishedOn)) {
    throw new Error(`publishedOn "${draft.publishedOn.slice(0, 40)}" is not a calendar day between ${EARLIEST_DAY} and ${LATEST_DAY} written YYYY-MM-DD`);
  }
  const sql = store.writer();
  try {
    return await sql.transaction(() => saveArticleWith(sql, draft));
  } catch (error) {
    forgetRememberedIds(sql);
    throw error;
  }
}

// Outlets, topics and organisations are few and never deleted: their ids by slug are kept per
// writer, saving each article a lookup (a round trip on PostgreSQL) per outlet and topic.
const idsByWriter = new WeakMap<SqlWrites, Map<string, number>>();

/** After a rollback: it may have taken rows whose ids were remembered, and a later insert can reuse an id. */
export function forgetRememberedIds(sql: SqlWrites): void {
  idsByWriter.delete(sql);
}

/** The id of the row of `table` with `slug`, inserting it (with `name`) when there is none. */
async function idBySlug(sql: SqlWrites, table: "outlets" | "topics" | "organisations", slug: string, name: string): Promise<number> {
  let ids = idsByWriter.get(sql);
  if (!ids) idsByWriter.set(sql, (ids = new Map()));
  const key = `${table}:${slug}`;
  let id = ids.get(key);
  if (id === undefined) {
    await sql.run(`INSERT INTO ${table} (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING`, slug, name);
    id = (await sql.get<{ id: number }>(`SELECT id FROM ${table} WHERE slug = ?`, slug))!.id;
    ids.set(key, id);
  }
  return id;
}

// The ingestedAt column holds what Prisma writes for a DateTime: ISO 8601 with "+00:00".
const now = () => new Date().toISOString().replace(/Z$/, "+00:00");

async function saveArticleWith(sql: SqlWrites, draft: ArticleDraft): Promise<SaveOutcome> {
  const existing = draft.url
    ? await sql.get<{ id: number; contentHash: string }>(`SELECT id, "contentHash" FROM articles WHERE "contentHash" = ? OR url = ? LIMIT 1`, draft.contentHash, draft.url)
    : await sql.get<{ id: number; contentHash: string }>(`SELECT id, "contentHash" FROM articles WHERE "contentHash" = ? LIMIT 1`, draft.contentHash);
  if (existing) {
    return { status: "duplicate", articleId: existing.id, matchedOn: existing.contentHash === draft.contentHash ? "contentHash" : "url" };
  }

  const outletId = draft.outlet ? await upsertOutlet(sql, draft.outlet) : null;
  const features = storyFeatures({ id: draft.contentHash, publishedOn: draft.publishedOn, headline: draft.headline, body: draft.body, people: draft.people, outlet: draft.outlet });
  const { id: articleId } = (await sql.get<{ id: number }>(
    `INSERT INTO articles ("outletId", headline, byline, dateline, standfirst, body, "publishedOn", url, "contentHash", "sourceFile", "sourceFormat", "storyFeatures", "ingestedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    outletId,
    draft.headline,
    draft.byline.length ? draft.byline.join(", ") : null,
    draft.dateline,
    draft.standfirst,
    draft.body,
    draft.publishedOn,
    draft.url,
    draft.contentHash,
    draft.file,
    draft.format ?? "text",
    JSON.stringify(features),
    now(),
  ))!;

  const personIdByName = new Map<string, number>();
  for (const person of draft.people) personIdByName.set(person.name, await resolvePerson(sql, person));
  const mentionCounts = new Map<number, number>();
  for (const person of draft.people) {
    const id = personIdByName.get(person.name)!;
    mentionCounts.set(id, (mentionCounts.get(id) ?? 0) + Math.max(1, person.mentions));
  }
  for (const [personId, count] of mentionCounts) {
    await sql.run(`INSERT INTO mentions ("articleId", "personId", count, "publishedOn") VALUES (?, ?, ?, ?)`, articleId, personId, count, draft.publishedOn);
  }

  for (const q of draft.quotes) {
    const byOrganisation = q.speakerKind === "organisation" && q.speaker;
    const organisationId = byOrganisation ? await upsertOrganisation(sql, q.speaker!) : null;
    await sql.run(
      `INSERT INTO quotes ("articleId", "speakerId", "organisationId", text, position, "publishedOn", "outletId") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      articleId,
      q.speaker && !byOrganisation ? (personIdByName.get(q.speaker) ?? null) : null,
      organisationId,
      q.text,
      q.position,
      draft.publishedOn,
      outletId,
    );
  }

  for (const topic of draft.topics) {
    const topicId = await idBySlug(sql, "topics", topic.slug, topic.name);
    await sql.run(`INSERT INTO article_topics ("articleId", "topicId", score, "publishedOn") VALUES (?, ?, ?, ?)`, articleId, topicId, topic.score, draft.publishedOn);
  }

  await linkStatements(sql, articleId);
  await linkStory(sql, articleId, draft.publishedOn, features);

  return { status: "stored", articleId, people: mentionCounts.size, quotes: draft.quotes.length };
}

// An organisation is found by its slug without a leading "the": "the Harbour Board" and
// "Harbour Board" are one. A name that slugs to nothing (all punctuation) is no organisation.
async function upsertOrganisation(sql: SqlWrites, name: string): Promise<number | null> {
  const slug = slugify(name.trim().replace(/^the\s+/i, ""));
  if (!slug) return null;
  return idBySlug(sql, "organisations", slug, name.trim());
}

// An outlet is found by its slug, so "The Moscow Times" and "the moscow times" are one outlet.
async function upsertOutlet(sql: SqlWrites, name: string): Promise<number> {
  return idBySlug(sql, "outlets", slugify(name), name);
}
