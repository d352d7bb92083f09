// story_keys (see storyKeys in src/link/stories.ts) is written with each article by
// linkStory. An archive whose table is empty while it holds dated articles (written before
// the table existed, or emptied by a migration that changed what the keys are) would never
// offer its articles as story candidates: their keys are computed from the features every
// article keeps, once, on the archive's next start.
import Database from "better-sqlite3";
import { storyKeys, type StoryFeatures } from "../link/stories.js";

export interface FeaturedArticle {
  id: number;
  publishedOn: string;
  storyFeatures: string;
}

/** Rows of story_keys (key, publishedOn, articleId) for `articles`. */
export function storyKeyRows(articles: readonly FeaturedArticle[]): [string, string, number][] {
  return articles.flatMap((a) => {
    const features = JSON.parse(a.storyFeatures) as Partial<StoryFeatures>;
    if (!features.people || !features.places) return []; // "{}": written before features were kept
    return storyKeys(features as StoryFeatures).map((key) => [key, a.publishedOn, a.id] as [string, string, number]);
  });
}

// Articles keyed a page at a time (a connection cannot write while it iterates a read).
export const STORY_KEYS_NEEDED = `SELECT EXISTS (SELECT 1 FROM articles WHERE "publishedOn" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM story_keys) AS missing`;
export const STORY_KEYS_PAGE_SQL = `SELECT id, "publishedOn", "storyFeatures" FROM articles WHERE "publishedOn" IS NOT NULL AND id > ? ORDER BY id LIMIT 2000`;

/** Fills story_keys of a SQLite archive that has dated articles but no keys at all, in one transaction; returns how many articles it read. */
export function fillMissingStoryKeys(path: string): number {
  const db = new Database(path, { timeout: 10_000 });
  try {
    if (!(db.prepare(STORY_KEYS_NEEDED).get() as { missing: number }).missing) return 0;
    const insert = db.prepare(`INSERT OR IGNORE INTO story_keys (key, "publishedOn", "articleId") VALUES (?, ?, ?)`);
    const page = db.prepare(STORY_KEYS_PAGE_SQL);
    let read = 0;
    db.transaction(() => {
      for (let after = 0; ; ) {
        const articles = page.all(after) as FeaturedArticle[];
        if (!articles.length) break;
        for (const row of storyKeyRows(articles)) insert.run(...row);
        read += articles.length;
        after = articles[articles.length - 1].id;
      }
    }).immediate();
    return read;
  } finally {
    db.close();
  }
}
