// Some crawlers write what they know about a page as YAML front matter:
//   ---
//   outlet: The Example Herald
//   publishedOn: 2025-04-03
//   url: https://example.com/story
//   ---
// This stage splits that block from the article text and checks its fields. A file
// without front matter passes through unchanged.
import { createRequire } from "node:module";
import { checkCrawlerMeta } from "./crawler-meta.js";
import { badFrontMatter, type ExtractFailure } from "./failures.js";
import type { CrawlerMeta } from "./types.js";

export interface FrontMatter {
  meta: CrawlerMeta;
  /** A headline the crawler recorded, when it did. */
  title: string | null;
  /** Authors the crawler recorded, when it did. */
  authors: string[];
}

export type SplitFrontMatter = { ok: true; frontMatter: FrontMatter | null; text: string } | ExtractFailure;

// yaml is loaded at the first file that has front matter: an extraction worker fed files with a
// manifest never needs it, and it takes a tenth of a second or more to load.
let parseYaml: typeof import("yaml").parse | undefined;
const yamlParser = () => (parseYaml ??= (createRequire(import.meta.url)("yaml") as typeof import("yaml")).parse);

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** Splits YAML front matter from the text and validates outlet, publishedOn and url. */
export function splitFrontMatter(text: string, file: string): SplitFrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { ok: true, frontMatter: null, text };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return badFrontMatter(file, "opens with --- but has no closing --- line");
  const yamlText = rest.slice(0, closing.index);
  const after = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, "");

  let data: unknown;
  try {
    data = yamlParser()(yamlText);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return badFrontMatter(file, `is not valid YAML (${reason})`);
  }
  if (data === null || data === undefined) return { ok: true, frontMatter: { meta: {}, title: null, authors: [] }, text: after };
  if (typeof data !== "object" || Array.isArray(data)) return badFrontMatter(file, "must be a mapping of fields such as outlet: and publishedOn:");
  const fields = data as Record<string, unknown>;

  const checked = checkCrawlerMeta(fields);
  if (!checked.ok) return badFrontMatter(file, checked.problem);
  const title = optionalString(fields, "title") ?? optionalString(fields, "headline");
  const authors = authorList(fields.authors ?? fields.author ?? fields.byline);

  return {
    ok: true,
    frontMatter: {
      meta: checked.meta,
      title: title === INVALID ? null : title,
      authors,
    },
    text: after,
  };
}

const INVALID = Symbol("invalid");

function optionalString(fields: Record<string, unknown>, key: string): string | null | typeof INVALID {
  const value = fields[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return INVALID;
}

function authorList(value: unknown): string[] {
  if (typeof value === "string") return value.split(/\s*(?:,|\band\b|&)\s*/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").map((s) => s.trim()).filter(Boolean);
  return [];
}
