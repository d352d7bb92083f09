// Joining each new article to the story of the event it reports, inside its transaction.
// The rule is isSameStory (src/link/stories.ts) over features kept on every article;
// stories are its connected components, so the order articles arrive in does not matter
// (an article that matches articles of two stories merges them), up to the bound on a
// story's span (STORY_MAX_SPAN_DAYS).
import { dayNumber, shiftIsoDate } from "../extract/day-number.js";
import { sameStoryAs, spanOfBoth, STORY_MAX_SPAN_DAYS, storyKeys, STORY_WINDOW_DAYS, type StoryFeatures } from "../link/stories.js";
import { yearOf, yearsBetween } from "./publication-years.js";
import { placeholders } from "./sql-rows.js";
import type { Later, SqlWrites } from "./sql-archive.js";

export interface StoryLinking {
  /** Finds the article's story from the candidates read: a new one (its id comes with the writer's next round trip), an existing one, or several merged into one. */
  decide(): Promise<StoryLink>;
}

export interface StoryLink {
  /** The story the article goes in: it is stored with it. */
  storyId(): Promise<number>;
  /** Once the article is stored: its story keys, and the story's title, dates and count. */
  afterArticleStored(articleId: number): Promise<void>;
}

type Candidate = { id: number; publishedOn: string; storyFeatures: string; storyId: number };

/**
 * Links an article about to be stored to the story of the event it reports, so that the
 * article is written once, with its story: setting a stored article's story wrote a new
 * version of the row, and of each of its indexes, the full text of its body among them, on
 * PostgreSQL. Locks the story keys and asks for the candidates now (allLater: they go with the
 * writer's next round trip, which the article's statements and id share); decides when asked.
 */
export async function linkStory(sql: SqlWrites, publishedOn: string | null, features: StoryFeatures): Promise<StoryLinking> {
  // An undated article cannot be placed next to others: it is a story of its own.
  const keys = publishedOn ? storyKeys(features) : [];
  // A writer beside this one adding an article with one of these keys is waited for, so each
  // of the two sees the other (see LOCK_SPACES): the lock is held until this one commits.
  await sql.lock("story-key", keys);
  const [from, to] = publishedOn ? [shiftIsoDate(publishedOn, -STORY_WINDOW_DAYS), shiftIsoDate(publishedOn, STORY_WINDOW_DAYS)] : ["", ""];
  // Only articles of the window that share a key can match (see storyKeys).
  const candidatesSql = `SELECT id, "publishedOn", "storyFeatures", "storyId" FROM articles
     WHERE id IN (SELECT "articleId" FROM story_keys WHERE key IN (${placeholders(keys.length)}) AND "publishedOn" BETWEEN ? AND ?)
     AND "storyId" IS NOT NULL AND ${sql.dialect.inYearPartitions(`"publishedYear"`, yearsBetween(yearOf(from), yearOf(to)))}`;
  const firstRead = keys.length ? sql.allLater<Candidate>(candidatesSql, ...keys, from, to) : null;
  return { decide: () => decide(sql, publishedOn, features, keys, firstRead, () => sql.all<Candidate>(candidatesSql, ...keys, from, to)) };
}

async function decide(
  sql: SqlWrites,
  publishedOn: string | null,
  features: StoryFeatures,
  keys: readonly string[],
  firstRead: Later<Candidate[]> | null,
  readAgain: () => Promise<Candidate[]>,
): Promise<StoryLink> {
  const sameAsMe = sameStoryAs({ publishedOn, features });
  const day = dayNumber(publishedOn);
  let matched: number[] = [];
  let spans: { id: number; startedOn: string | null; lastUpdatedOn: string | null; articleCount: number }[] = [];
  for (let attempt = 1; firstRead; attempt++) {
    const candidates = attempt === 1 ? await firstRead.get() : await readAgain();
    // One article of a story that matches is enough: the story's others are not compared
    // (nor their features parsed), as an article of a long story has many of them among its
    // candidates.
    const stories = new Set<number>();
    for (const c of candidates) {
      const storyId = Number(c.storyId);
      if (!stories.has(storyId) && sameAsMe({ publishedOn: c.publishedOn, features: JSON.parse(c.storyFeatures) as StoryFeatures })) stories.add(storyId);
    }
    matched = [...stories].sort((a, b) => a - b);
    if (!matched.length) break;
    // The stories are read again once locked: another writer may have grown them meanwhile,
    // or merged one into another, which then is gone and the candidates are asked again.
    await sql.lock("story", matched);
    spans = await sql.all<{ id: number; startedOn: string | null; lastUpdatedOn: string | null; articleCount: number }>(
      `SELECT id, "startedOn", "lastUpdatedOn", "articleCount" FROM stories WHERE id IN (${placeholders(matched.length)}) ORDER BY id`,
      ...matched,
    );
    if (spans.length === matched.length) break;
    if (attempt === 5) throw new Error(`the stories of the article kept being merged by another writer; try the file again`);
  }

  // Stories are joined while their reports together still span STORY_MAX_SPAN_DAYS at most,
  // oldest story first, so continuous coverage does not chain into one endless story.
  const joined: number[] = [];
  // Their reports, counted under their locks: the story's count once this article is in it.
  let reports = 1;
  // The days the story's reports lie between once this article is in it (a story is dated
  // throughout, or one undated article): its refresh reads only those years' partitions.
  let [firstDay, lastDay] = [publishedOn, publishedOn];
  if (day !== null && matched.length) {
    let span = { first: day, last: day };
    for (const story of spans) {
      const first = dayNumber(story.startedOn) ?? day;
      const merged = spanOfBoth(span, { first, last: dayNumber(story.lastUpdatedOn) ?? first });
      if (merged.last - merged.first > STORY_MAX_SPAN_DAYS) continue;
      span = merged;
      joined.push(story.id);
      reports += Number(story.articleCount);
      if (story.startedOn && story.startedOn < firstDay!) firstDay = story.startedOn;
      if (story.lastUpdatedOn && story.lastUpdatedOn > lastDay!) lastDay = story.lastUpdatedOn;
    }
  }
  matched.splice(0, matched.length, ...joined);

  let storyId: () => Promise<number>;
  if (!matched.length) {
    const created = sql.allLater<{ id: number }>(`INSERT INTO stories (title, "articleCount") VALUES ('', 0) RETURNING id`);
    storyId = async () => (await created.get())[0].id;
  } else {
    const [id] = matched;
    storyId = async () => id;
    const merged = matched.slice(1);
    if (merged.length) {
      // Stories merge only for a dated article, so the reports moved lie between firstDay and
      // lastDay, or are undated (year 0): asked for in those years' partitions alone, not in
      // each of the archive's years (eleven index walks a table at a million).
      const inYears = sql.dialect.inYearPartitions(`"publishedYear"`, [0, ...yearsBetween(yearOf(firstDay), yearOf(lastDay))]);
      await sql.run(`UPDATE articles SET "storyId" = ? WHERE "storyId" IN (${placeholders(merged.length)}) AND ${inYears}`, id, ...merged);
      // Quotes keep their article's story (a story's statements are read from them).
      await sql.run(`UPDATE quotes SET "storyId" = ? WHERE "storyId" IN (${placeholders(merged.length)}) AND ${inYears}`, id, ...merged);
      await sql.run(`DELETE FROM stories WHERE id IN (${placeholders(merged.length)})`, ...merged);
    }
  }
  return {
    storyId,
    async afterArticleStored(articleId) {
      // As before (INSERT OR IGNORE on SQLite): a key already stored for the article is skipped, not an error.
      if (keys.length) await sql.run(sql.dialect.insertIgnoring("story_keys", ["key", `"publishedOn"`, `"articleId"`], keys.length), ...keys.flatMap((key) => [key, publishedOn, articleId]));
      await refreshStory(sql, await storyId(), yearsBetween(yearOf(firstDay), yearOf(lastDay)), reports);
    },
  };
}


// A story is titled by its first report (earliest date; headline order breaks ties so the
// title does not depend on which file was ingested first; undated reports come last).
// Dated and undated are asked apart: one ORDER BY "publishedOn" IS NULL, … sorted the whole
// story for every article added to it (3 ms an article once stories reach thousands of
// reports). The first dated report is asked as its day (the (storyId, publishedOn) index's
// first entry), then that day's first headline: as ORDER BY "publishedOn", headline,
// PostgreSQL sorted every report of the story (1.2 ms for 1,671). Its count is given
// (`reports`): counted, the reports of a 1,671-report story were read for each new one on
// PostgreSQL (0.67 ms a call over 10,000 articles into a million, its costliest statement).
async function refreshStory(sql: SqlWrites, id: number, years: number[], reports: number): Promise<void> {
  const inYears = sql.dialect.inYearPartitions(`"publishedYear"`, years);
  await sql.run(
    `UPDATE stories SET
       title = coalesce(
         (SELECT min(headline) FROM articles WHERE "storyId" = ? AND ${inYears} AND "publishedOn" =
           (SELECT min("publishedOn") FROM articles WHERE "storyId" = ? AND ${inYears} AND headline IS NOT NULL)),
         (SELECT headline FROM articles WHERE "storyId" = ? AND ${inYears} AND "publishedOn" IS NULL AND headline IS NOT NULL ORDER BY headline LIMIT 1),
         'Untitled story'),
       "startedOn" = (SELECT min("publishedOn") FROM articles WHERE "storyId" = ? AND ${inYears}),
       "lastUpdatedOn" = (SELECT max("publishedOn") FROM articles WHERE "storyId" = ? AND ${inYears}),
       "articleCount" = ?
     WHERE id = ?`,
    ...Array<number>(5).fill(id),
    reports,
    id,
  );
}
