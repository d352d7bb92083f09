import type { ArticleDraft } from "../extract/types.js";
import { EARLIEST_DAY, isCalendarDay, LATEST_DAY } from "../extract/day-number.js";
import { slugify } from "../extract/names.js";
import { storyFeatures } from "../link/stories.js";
import { forgetQuoteShapes, linkStatements, type QuoteToLink } from "./link-statements.js";
import { linkStory } from "./link-story.js";
import { lookUpPeople, personLockKeys, resolvePeople } from "./resolve-person.js";
import type { SqlArchive, SqlWrites } from "./sql-archive.js";
import type { SqlParam } from "./sql-dialect.js";
import { insertRows } from "./insert-rows.js";
import { yearOf } from "./publication-years.js";

export type SaveOutcome =
  | { status: "stored"; articleId: number; people: number; quotes: number }
  | { status: "duplicate"; articleId: number; matchedOn: "contentHash" | "url" };

/**
 * Stores one extracted article with its outlet, people, quotes and topics in a single
 * transaction: either all of it is in the archive afterwards or none of it is. An article
 * already stored (same content hash, or same url) is left as it is.
 */
export async function saveArticle(store: SqlArchive, draft: ArticleDraft, lane = 0): Promise<SaveOutcome> {
  // Extraction checks every date it hands over; this guards the store against any other
  // caller, since linking does date arithmetic on it and the API serves it.
  if (draft.publishedOn != null && !isCalendarDay(draft.publishedOn)) {
    throw new Error(`publishedOn "${draft.publishedOn.slice(0, 40)}" is not a calendar day between ${EARLIEST_DAY} and ${LATEST_DAY} written YYYY-MM-DD`);
  }
  const sql = store.writer(lane);
  forgetOnRollback(sql);
  for (let attempt = 1; ; attempt++) {
    try {
      await sql.prepareYear(yearOf(draft.publishedOn));
      return await sql.transaction(() => saveArticleWith(sql, draft));
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isWriterConflict(error)) continue;
      throw error;
    }
  }
}

const MAX_ATTEMPTS = 4;

// Writers side by side on PostgreSQL can still meet where no lock orders them: two new topics
// inserted in opposite orders (a deadlock the server breaks by failing one), or two new names
// with one slug. The file was rolled back whole: it is tried again, and then finds the other's rows.
function isWriterConflict(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "40P01" || code === "40001" || code === "23505";
}

// Outlets, topics and organisations are few and never deleted: their ids by slug are kept per
// writer, saving each article a lookup (a round trip on PostgreSQL) per outlet and topic.
const idsByWriter = new WeakMap<SqlWrites, Map<string, number>>();

const watched = new WeakSet<SqlWrites>();

/**
 * After a rollback: it may have taken rows whose ids were remembered, or whose quotes' shapes
 * were kept, and a later insert can reuse an id.
 */
function forgetOnRollback(sql: SqlWrites): void {
  if (watched.has(sql)) return;
  watched.add(sql);
  sql.afterRollback(() => {
    idsByWriter.delete(sql);
    forgetQuoteShapes(sql);
  });
}

/** The id of the row of `table` with `slug`, inserting it (with `name`) when there is none. */
async function idBySlug(sql: SqlWrites, table: "outlets" | "topics" | "organisations", slug: string, name: string): Promise<number> {
  let ids = idsByWriter.get(sql);
  if (!ids) idsByWriter.set(sql, (ids = new Map()));
  const key = `${table}:${slug}`;
  let id = ids.get(key);
  if (id === undefined) {
    // Looked up before inserting: on PostgreSQL an insert that meets the slug still takes a
    // number from the sequence, and the next new row's id would skip it.
    id = (await sql.get<{ id: number }>(`SELECT id FROM ${table} WHERE slug = ?`, slug))?.id;
    if (id === undefined) {
      await sql.run(`INSERT INTO ${table} (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING`, slug, name);
      id = (await sql.get<{ id: number }>(`SELECT id FROM ${table} WHERE slug = ?`, slug))!.id;
    }
    ids.set(key, id);
  }
  return id;
}

// Locks are taken in the order of LOCK_SPACES (sql-archive.ts): the article's own keys, then
// the names it resolves, then its speakers, then its story keys and stories (link-story.ts),
// and last the commit order. Each is taken before what it guards is read.
async function saveArticleWith(sql: SqlWrites, draft: ArticleDraft): Promise<SaveOutcome> {
  // Two writers given the same article: the second waits, then finds it stored.
  await sql.lock("article", draft.url ? [draft.contentHash, draft.url] : [draft.contentHash]);
  // article_keys, not articles: across the partitions of every year (see ArticleKey).
  const stored = draft.url
    ? sql.allLater<{ id: number; contentHash: string }>(`SELECT "articleId" AS id, "contentHash" FROM article_keys WHERE "contentHash" = ? OR url = ? LIMIT 1`, draft.contentHash, draft.url)
    : sql.allLater<{ id: number; contentHash: string }>(`SELECT "articleId" AS id, "contentHash" FROM article_keys WHERE "contentHash" = ? LIMIT 1`, draft.contentHash);
  // Two writers resolving one new name must not make two people of it: the second waits
  // until the first has committed the person. Names that all resolve to people on file, with
  // no spelling to add, leave nothing to wait for, and their locks go at once (two writers
  // each held a much-named person's for their whole article and took turns for most of an
  // ingest). Taken, and the names looked up, in the round trip that asks whether the article
  // is stored already: a stored one has its locks let go with its transaction.
  const releaseNames = await sql.lockUntilReleased("person-name", draft.people.flatMap(personLockKeys));
  const people = lookUpPeople(sql, draft.people);
  const [existing] = await stored.get();
  if (existing) {
    return { status: "duplicate", articleId: existing.id, matchedOn: existing.contentHash === draft.contentHash ? "contentHash" : "url" };
  }

  const outletId = draft.outlet ? await upsertOutlet(sql, draft.outlet) : null;
  const year = yearOf(draft.publishedOn);
  const features = storyFeatures({ id: draft.contentHash, publishedOn: draft.publishedOn, headline: draft.headline, body: draft.body, people: draft.people, outlet: draft.outlet });

  const resolved = await resolvePeople(sql, people);
  if (!resolved.wrote) await releaseNames();
  const personIdByName = new Map<string, number>();
  for (const [i, id] of resolved.ids.entries()) personIdByName.set(draft.people[i].name, id);
  const mentionCounts = new Map<number, number>();
  for (const person of draft.people) {
    const id = personIdByName.get(person.name)!;
    mentionCounts.set(id, (mentionCounts.get(id) ?? 0) + Math.max(1, person.mentions));
  }

  // A speaker's statements are read and rewritten by linkStatements: one writer at a time.
  const speakerIds = draft.quotes.map((q) => (q.speaker && q.speakerKind !== "organisation" ? personIdByName.get(q.speaker) : undefined));
  await sql.lock("speaker", speakerIds.filter((id): id is number => id !== undefined));
  // The article's quotes and the article itself are linked before they are stored, and stored
  // once, each with its statement and its story (see linkStatements and linkStory).
  const toLink: QuoteToLink[] = draft.quotes
    .flatMap((q, i) => (speakerIds[i] !== undefined ? [{ position: q.position, text: q.text, speakerId: speakerIds[i]!, speaker: q.speaker! }] : []))
    .sort((a, b) => a.position - b.position);
  // What linking needs is read in one round trip, with the article's id; the statements and
  // the story the article brings are created in the next (see linkStatements and linkStory).
  const statementLinking = linkStatements(sql, toLink, draft.publishedOn, outletId);
  const storyLinking = await linkStory(sql, draft.publishedOn, features);
  const reservedId = sql.nextId("articles");
  const statements = await statementLinking.decide();
  const story = await storyLinking.decide();
  const storyId = await story.storyId();
  const statementOf = await statements.statementIds();
  const articleId = await reservedId.get();

  await sql.run(
    `INSERT INTO articles (id, "outletId", headline, byline, dateline, standfirst, body, "publishedOn", url, "contentHash", "sourceFile", "sourceFormat", "storyFeatures", "storyId", "publishedYear", "ingestedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${sql.dialect.now})`,
    articleId,
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
    storyId,
    year,
  );
  await sql.run(`INSERT INTO article_keys ("articleId", "contentHash", url) VALUES (?, ?, ?)`, articleId, draft.contentHash, draft.url);
  await insertRows(sql, `mentions ("articleId", "personId", count, "publishedOn")`, [...mentionCounts].map(([personId, count]) => [articleId, personId, count, draft.publishedOn]));

  const quoteRows: SqlParam[][] = [];
  for (const [i, q] of draft.quotes.entries()) {
    const byOrganisation = q.speakerKind === "organisation" && q.speaker;
    const organisationId = byOrganisation ? await upsertOrganisation(sql, q.speaker!) : null;
    const speakerId = speakerIds[i] ?? null;
    quoteRows.push([articleId, speakerId, organisationId, q.text, q.position, draft.publishedOn, outletId, year, statementOf(q.position) ?? null, storyId]);
  }
  await insertRows(sql, `quotes ("articleId", "speakerId", "organisationId", text, position, "publishedOn", "outletId", "publishedYear", "statementId", "storyId")`, quoteRows);
  await addToPersonCounts(sql, mentionCounts, quoteRows.map((row) => row[1] as number | null));

  const topicRows: SqlParam[][] = [];
  for (const topic of draft.topics) topicRows.push([articleId, await idBySlug(sql, "topics", topic.slug, topic.name), topic.score, draft.publishedOn]);
  await insertRows(sql, `article_topics ("articleId", "topicId", score, "publishedOn")`, topicRows);

  await statements.afterQuotesStored(articleId);
  await story.afterArticleStored(articleId);

  // Last, and held until the commit: the next place in the order articles become visible in.
  // Both instants are the database's clock, whatever machine ingests, so an article's
  // ingestedAt is never after its committedAt, and committedAt grows in commit order.
  await sql.lock("commit-order", [0]);
  await sql.run(`INSERT INTO article_commits ("articleId", "committedAt") VALUES (?, ${sql.dialect.now})`, articleId);

  return { status: "stored", articleId, people: mentionCounts.size, quotes: draft.quotes.length };
}

// Each person's row counts the articles naming them, their mentions and their quotes (see
// Person in schema.prisma). One row at a time in id order: two writers that meet on a person
// (their name locks already taken) wait for each other in the same order, never in a cycle.
async function addToPersonCounts(sql: SqlWrites, mentionCounts: Map<number, number>, speakerIds: (number | null)[]): Promise<void> {
  const quotesBy = new Map<number, number>();
  for (const id of speakerIds) if (id != null) quotesBy.set(id, (quotesBy.get(id) ?? 0) + 1);
  const ids = [...new Set([...mentionCounts.keys(), ...quotesBy.keys()])].sort((a, b) => a - b);
  for (const id of ids) {
    await sql.run(
      `UPDATE people SET "articleCount" = "articleCount" + ?, "mentionCount" = "mentionCount" + ?, "quoteCount" = "quoteCount" + ? WHERE id = ?`,
      mentionCounts.has(id) ? 1 : 0,
      mentionCounts.get(id) ?? 0,
      quotesBy.get(id) ?? 0,
      id,
    );
  }
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
