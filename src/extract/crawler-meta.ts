// What a crawler says about a file (outlet, publication day, url) arrives in two ways: a
// manifest.json beside the files, or YAML front matter inside one. Both go through this
// one zod schema, so a value refused in one is refused in the other, with the same words.
import { createRequire } from "node:module";
import type { z as Zod } from "zod";
import { EARLIEST_DAY, isCalendarDay, LATEST_DAY } from "./day-number.js";
import type { CrawlerMeta } from "./types.js";

export const MAX_OUTLET_LENGTH = 200;
export const MAX_URL_LENGTH = 2048;

export type CheckedMeta = { ok: true; meta: Required<CrawlerMeta> } | { ok: false; problem: string };

// C0 and C1 controls, and the marks that reorder text when it is shown (bidi embeddings,
// overrides, isolates): in a name they hide or disguise what is stored.
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const fieldText = (key: string, what: string) => `field \`${key}\` ${what}`;

/** The schema of a crawler's fields, built with the zod it is given. */
function crawlerMetaSchema(z: typeof Zod) {
  // A field left empty is absent: "" and null read as undefined, and an absent field is null.
  const absentIfEmpty = <T extends Zod.ZodType>(schema: T) =>
    z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional()).transform((value) => value ?? null);

  const outlet = absentIfEmpty(
    z
      .union([z.string(), z.number()], { error: fieldText("outlet", "must be text") })
      .transform((value) => String(value).trim())
      .pipe(
        z
          .string()
          .max(MAX_OUTLET_LENGTH, { error: (issue) => fieldText("outlet", `is ${(issue.input as string).length} characters long; an outlet's name is at most ${MAX_OUTLET_LENGTH}`) })
          .refine((name) => !CONTROL_OR_BIDI.test(name), fieldText("outlet", "holds control or text-direction characters; write the name as plain text")),
      )
      .transform((name) => name || null),
  );

  const URL_REFUSED = fieldText("url", "must be an http(s) URL");
  const url = absentIfEmpty(
    z
      .string({ error: URL_REFUSED })
      .trim()
      .max(MAX_URL_LENGTH, { error: (issue) => fieldText("url", `is ${(issue.input as string).length} characters long; the limit is ${MAX_URL_LENGTH}`) })
      // Checked before parsing: the URL parser drops tabs and newlines without a word.
      .refine((text) => !CONTROL_OR_BIDI.test(text), URL_REFUSED)
      .pipe(z.url({ protocol: /^https?$/, error: URL_REFUSED })),
  );

  const DAY_REFUSED = fieldText("publishedOn", `must be a calendar day written YYYY-MM-DD, between ${EARLIEST_DAY} and ${LATEST_DAY}`);
  /** "2025-04-03", "2025-04-03T10:00:00Z" or a YAML timestamp (a Date) → "2025-04-03". */
  const publishedOn = absentIfEmpty(
    z.preprocess(
      (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
      z
        .string({ error: DAY_REFUSED })
        .regex(/^\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/, { error: (issue) => `${DAY_REFUSED}; got "${(issue.input as string).slice(0, 40)}"` })
        .transform((text) => text.trim().slice(0, 10))
        .refine(isCalendarDay, { error: (issue) => `${DAY_REFUSED}; got "${issue.input}"` }),
    ),
  );

  /** What a crawler says about a file; `publishedOn` may also be called `published` or `date`, as some crawlers write it. */
  const crawlerMeta = z.preprocess(
    (fields) => {
      const { outlet, url, publishedOn, published, date } = fields as Record<string, unknown>;
      return { outlet, url, publishedOn: publishedOn ?? published ?? date };
    },
    z.object({ outlet, url, publishedOn }),
  );
  return crawlerMeta;
}

// zod takes a third of a second to load (more under tsx), and an extraction worker fed text
// files with a manifest never checks crawler fields: it is loaded at the first check. Its
// CommonJS build can be required synchronously, as the stages run.
let crawlerMeta: ReturnType<typeof crawlerMetaSchema> | undefined;
const schema = () => (crawlerMeta ??= crawlerMetaSchema((createRequire(import.meta.url)("zod") as typeof import("zod")).z));

/** Checks a crawler's fields and returns them cleaned, or the first problem found. */
export function checkCrawlerMeta(fields: Record<string, unknown>): CheckedMeta {
  const checked = schema().safeParse(fields);
  return checked.success ? { ok: true, meta: checked.data } : { ok: false, problem: checked.error.issues[0].message };
}
