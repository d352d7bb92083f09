// Joining each new article to the story of the event it reports, inside its transaction.
// The rule is isSameStory (src/ingest/stories.ts) over features kept on every article;
// stories are its connected components, so the order articles arrive in does not matter:
// an article that matches articles of two stories merges them.
import type { Prisma } from "../generated/prisma/client.js";
import { isSameStory, STORY_WINDOW_DAYS, type StoryFeatures } from "../ingest/stories.js";
import { shiftIsoDate } from "../ingest/day-number.js";
import { placeholders } from "./sql-rows.js";

type Tx = Prisma.TransactionClient;


/** Puts the article in a story (a new one, an existing one, or several merged into one). */
export async function linkStory(tx: Tx, articleId: number, publishedOn: string | null, features: StoryFeatures): Promise<void> {
  // An undated article cannot be placed next to others: it is a story of its own.
  const candidates = publishedOn
    ? await tx.$queryRawUnsafe<{ id: number; publishedOn: string; storyFeatures: string; storyId: number }[]>(
        `SELECT id, "publishedOn", "storyFeatures", "storyId" FROM articles
         WHERE "publishedOn" BETWEEN ? AND ? AND id <> ? AND "storyId" IS NOT NULL`,
        shiftIsoDate(publishedOn, -STORY_WINDOW_DAYS),
        shiftIsoDate(publishedOn, STORY_WINDOW_DAYS),
        articleId,
      )
    : [];
  const me = { publishedOn, features };
  const matched = [
    ...new Set(
      candidates
        .filter((c) => isSameStory(me, { publishedOn: c.publishedOn, features: JSON.parse(c.storyFeatures) as StoryFeatures }))
        .map((c) => Number(c.storyId)),
    ),
  ].sort((a, b) => a - b);

  let storyId: number;
  if (!matched.length) {
    storyId = (await tx.story.create({ data: { title: "", articleCount: 0 }, select: { id: true } })).id;
  } else {
    [storyId] = matched;
    const merged = matched.slice(1);
    if (merged.length) {
      await tx.$executeRawUnsafe(`UPDATE articles SET "storyId" = ? WHERE "storyId" IN (${placeholders(merged.length)})`, storyId, ...merged);
      await tx.story.deleteMany({ where: { id: { in: merged } } });
    }
  }
  await tx.article.update({ where: { id: articleId }, data: { storyId } });
  await refreshStory(tx, storyId);
}

// A story is titled by its first report (earliest date; headline order breaks ties so the
// title does not depend on which file was ingested first).
async function refreshStory(tx: Tx, id: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE stories SET
       title = coalesce((SELECT headline FROM articles WHERE "storyId" = ? AND headline IS NOT NULL
                         ORDER BY "publishedOn" IS NULL, "publishedOn", headline LIMIT 1), 'Untitled story'),
       "startedOn" = (SELECT min("publishedOn") FROM articles WHERE "storyId" = ?),
       "lastUpdatedOn" = (SELECT max("publishedOn") FROM articles WHERE "storyId" = ?),
       "articleCount" = (SELECT count(*) FROM articles WHERE "storyId" = ?)
     WHERE id = ?`,
    ...Array(5).fill(id),
  );
}
