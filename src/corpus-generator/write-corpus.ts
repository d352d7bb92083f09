// Writes a generated corpus to a folder: one .txt file per article and a manifest.json,
// both streamed as they are made, so memory stays flat however many articles are asked for.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { slugify } from "../extract/names.js";
import { renderArticle } from "./article-text.js";
import { mulberry32 } from "./random.js";
import { planStory } from "./story-plan.js";
import { isCalendarDay } from "../extract/day-number.js";

export interface GeneratedCorpus {
  dir: string;
  articles: number;
  stories: number;
  bytes: number;
}

/**
 * When the stories happen. By default each on a day drawn from ten years, in no order: an
 * archive's history loaded at once (a backfill), whose rows go everywhere in every index
 * ordered by date. With `from`, the stories follow one another from that day on, `perDay`
 * articles a day, as a crawler's intake does day after day; an archive grown this way adds
 * its new rows at the end of those indexes.
 */
export interface CorpusDates {
  /** The first story's day, YYYY-MM-DD. */
  from: string;
  /** Articles a day (1,000,000 over ten years is 274 a day). */
  perDay: number;
}

/** Writes `articles` invented article files to `dir`; the same `seed` (and `dates`) gives the same files. */
export function writeCorpus(dir: string, articles: number, seed = 1, dates?: CorpusDates): GeneratedCorpus {
  if (dates && !(Number.isFinite(dates.perDay) && dates.perDay > 0)) throw new Error(`articles a day must be a number above 0, not ${dates.perDay}`);
  const firstDay = dates ? dayNumber(dates.from) : 0;
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(seed);
  const manifest = openSync(join(dir, "manifest.json"), "w");
  writeSync(manifest, "[\n");
  let written = 0;
  let stories = 0;
  let bytes = 0;
  try {
    while (written < articles) {
      const plan = planStory(random, seed);
      if (dates) plan.day = firstDay + Math.floor(written / dates.perDay);
      stories++;
      for (const report of plan.reports) {
        if (written >= articles) break;
        const article = renderArticle(random, plan, report);
        const slug = slugify(article.outlet);
        const file = `${String(written).padStart(7, "0")}-${slug}.txt`;
        writeFileSync(join(dir, file), article.text);
        bytes += Buffer.byteLength(article.text);
        const entry = { file, outlet: article.outlet, publishedOn: article.publishedOn, url: `https://${slug}.example/${article.publishedOn}/${written}` };
        writeSync(manifest, `${written ? ",\n" : ""}${JSON.stringify(entry)}`);
        written++;
      }
    }
    writeSync(manifest, "\n]\n");
  } finally {
    closeSync(manifest);
  }
  return { dir, articles: written, stories, bytes };
}

function dayNumber(day: string): number {
  if (!isCalendarDay(day)) throw new Error(`"${day}" is not a calendar day written YYYY-MM-DD`);
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** --from and --per-day as a script takes them: undefined without --from, false when either is not what it should be. */
export function corpusDates(from: string | undefined, perDay: string | undefined): CorpusDates | undefined | false {
  if (from === undefined) return perDay === undefined ? undefined : false;
  const articlesPerDay = perDay === undefined ? 274 : Number(perDay);
  return isCalendarDay(from) && Number.isInteger(articlesPerDay) && articlesPerDay > 0 ? { from, perDay: articlesPerDay } : false;
}
