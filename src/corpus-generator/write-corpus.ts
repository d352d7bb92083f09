// Writes a generated corpus to a folder: one .txt file per article and a manifest.json,
// both streamed as they are made, so memory stays flat however many articles are asked for.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { slugify } from "../extract/names.js";
import { renderArticle } from "./article-text.js";
import { mulberry32 } from "./random.js";
import { planStory } from "./story-plan.js";

export interface GeneratedCorpus {
  dir: string;
  articles: number;
  stories: number;
  bytes: number;
}

/** Writes `articles` invented article files to `dir`; the same `seed` gives the same files. */
export function writeCorpus(dir: string, articles: number, seed = 1): GeneratedCorpus {
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
