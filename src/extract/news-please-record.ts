// A news-please record (one JSON object per article, as news-please writes them to files or
// JSON lines) → the article's text and what the crawler knew. news-please has already taken
// the main text out of the page, so its `maintext` goes straight to the text stages.
import { checkCrawlerMeta } from "./crawler-meta.js";
import type { ExtractFailure } from "./failures.js";
import type { CrawlerMeta } from "./types.js";

export interface NewsPleaseArticle {
  text: string;
  title: string | null;
  authors: string[];
  meta: Required<CrawlerMeta>;
}

const textOf = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

function badRecord(file: string, problem: string): ExtractFailure {
  return { ok: false, code: "BAD_RECORD", message: `${file} ${problem}; a news-please record is a JSON object with at least "maintext"` };
}

/** Reads one record; a field that fails the crawler-metadata check is dropped, not fatal (the text is still news). */
export function readNewsPleaseRecord(json: string, file: string): ({ ok: true } & NewsPleaseArticle) | ExtractFailure {
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (error) {
    return badRecord(file, `is not valid JSON (${(error as Error).message})`);
  }
  if (record === null || typeof record !== "object" || Array.isArray(record)) return badRecord(file, "is not a JSON object");
  const fields = record as Record<string, unknown>;
  const text = textOf(fields.maintext);
  if (!text) return badRecord(file, 'has no "maintext"');
  const pick = (key: string, value: unknown) => {
    const checked = checkCrawlerMeta({ [key]: value });
    return checked.ok ? (checked.meta as Record<string, string | null>)[key] : null;
  };
  // news-please writes "2019-11-20 09:28:00"; only the day is kept, as for every source.
  const date = textOf(fields.date_publish)?.slice(0, 10) ?? null;
  return {
    ok: true,
    text, // not `description`: it is the page's search-engine summary, often the first paragraph again
    title: textOf(fields.title),
    authors: Array.isArray(fields.authors) ? fields.authors.filter((a): a is string => typeof a === "string" && a.trim() !== "").map((a) => a.trim()) : [],
    meta: { outlet: pick("outlet", fields.source_domain), publishedOn: pick("publishedOn", date), url: pick("url", fields.url) },
  };
}
