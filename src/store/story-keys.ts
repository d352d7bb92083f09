// story_keys (see storyKeys in src/link/stories.ts) is written with each article by
// linkStory. Archives written before the table existed have articles without keys, and
// new articles would never find them as story candidates: their keys are computed once,
// from the features every article keeps, when such an archive is first migrated.
import Database from "better-sqlite3";
import { storyKeys, type StoryFeatures } from "../link/stories.js";

/** Fills story_keys for an archive that has dated articles but no keys at all; returns how many articles it keyed. */
export function fillMissingStoryKeys(path: string): number {
  const db = new Database(path, { timeout: 10_000 });
  try {
    const missing = db
      .prepare(`SELECT EXISTS (SELECT 1 FROM articles WHERE "publishedOn" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM story_keys) AS missing`)
      .get() as { missing: number };
    if (!missing.missing) return 0;
    const insert = db.prepare(`INSERT OR IGNORE INTO story_keys (key, "publishedOn", "articleId") VALUES (?, ?, ?)`);
    // Read a page at a time: a connection cannot write while it iterates a read.
    const page = db.prepare(`SELECT id, "publishedOn", "storyFeatures" FROM articles WHERE "publishedOn" IS NOT NULL AND id > ? ORDER BY id LIMIT 2000`);
    let keyed = 0;
    db.transaction(() => {
      for (let after = 0; ; ) {
        const articles = page.all(after) as { id: number; publishedOn: string; storyFeatures: string }[];
        if (!articles.length) break;
        for (const a of articles) {
          const features = JSON.parse(a.storyFeatures) as Partial<StoryFeatures>;
          if (!features.people || !features.places) continue; // "{}": written before features were kept
          for (const key of storyKeys(features as StoryFeatures)) insert.run(key, a.publishedOn, a.id);
          keyed++;
        }
        after = articles[articles.length - 1].id;
      }
    }).immediate();
    return keyed;
  } finally {
    db.close();
  }
}
