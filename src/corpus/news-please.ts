// news-please output → one RawArticle per record. news-please writes a JSON file per
// article; collections come as a JSON list or as JSON lines (one record a line), which are
// read line by line so a large export streams. Each record's JSON goes on to the pipeline
// (src/extract/news-please-record.ts), named "file.jsonl#3" after its line or position.
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { RawArticle } from "../extract/types.js";

export type NewsPleaseEntry = { raw: RawArticle } | { file: string; error: { code: string; message: string } };

const encoder = new TextEncoder();

function record(file: string, json: string): NewsPleaseEntry {
  return { raw: { file, bytes: encoder.encode(json), format: "news-please" } };
}

/** Yields every record of a news-please file; `maxBytes` bounds a whole-file JSON (lines are bounded one by one). */
export async function* readNewsPlease(path: string, size: number, maxBytes: number): AsyncGenerator<NewsPleaseEntry> {
  if (size <= maxBytes) {
    const text = await readFile(path, "utf8");
    let whole: unknown;
    try {
      whole = JSON.parse(text);
    } catch {
      whole = undefined; // not one JSON value: JSON lines, read below
    }
    if (Array.isArray(whole)) {
      for (const [i, item] of whole.entries()) yield record(`${path}#${i + 1}`, JSON.stringify(item));
      return;
    }
    if (whole !== undefined) {
      yield record(path, text);
      return;
    }
  }
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const file = `${path}#${n}`;
    if (line.length > maxBytes) yield { file, error: { code: "TOO_LARGE", message: `${file} is a record of ${line.length} characters, over the ${maxBytes}-byte limit; raise --max-bytes if it is one article` } };
    else yield record(file, line);
  }
}
