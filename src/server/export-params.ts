// The filters of a bulk export, as query parameters (`/export/articles.ndjson?outlet=…`) or
// as the flags of `npm run export`: the same filters as the GraphQL inputs, under short
// names. One zod schema reads them all; every problem names the parameter and says what
// would be accepted.
import { isCalendarDay } from "../extract/day-number.js";
import { parseSearch, type ExportFilter, type SearchExpression } from "../store/store.js";
import { z } from "zod";

export const EXPORT_PARAMETERS = {
  outlet: "an outlet's name or slug; repeat for several",
  person: "a person's slug (any spelling's slug); repeat for several. Articles naming them, quotes said by them",
  topic: "a topic's slug or name; repeat for several",
  from: "first day of publication, YYYY-MM-DD (inclusive)",
  to: "last day of publication, YYYY-MM-DD (inclusive)",
  q: "words to search for, as in the GraphQL `search` filter: headline and body of articles, text of quotes",
  since: "only articles ingested at or after this instant (quotes: of such articles): YYYY-MM-DD or an ISO 8601 date-time with zone",
} as const;

type Parameter = keyof typeof EXPORT_PARAMETERS;
const MAX_VALUES = 100;

export type ExportParamsResult = { ok: true; filter: ExportFilter } | { ok: false; parameter: string; message: string };

// Each parameter arrives as the list of its values, in order (a name may repeat).
const given = (p: Parameter) =>
  z.array(z.string().refine((value) => value.trim() !== "", `\`${p}\` is empty: give ${EXPORT_PARAMETERS[p]}, or leave the parameter out.`));
const repeatable = (p: Parameter) => given(p).max(MAX_VALUES, `\`${p}\` is given more than ${MAX_VALUES} times; export in several pulls.`).optional();
const once = (p: Parameter) =>
  given(p)
    .max(1, { error: (issue) => `\`${p}\` is given ${(issue.input as unknown[]).length} times; give it once.` })
    .transform((values) => values[0]);

const day = (p: "from" | "to") =>
  once(p)
    .refine(isCalendarDay, { error: (issue) => `\`${p}\` must be a calendar day written YYYY-MM-DD, e.g. 2025-04-03; got "${issue.input}".` })
    .optional();

const search = once("q").transform((q, context): SearchExpression => {
  const parsed = parseSearch(q);
  if (parsed.ok) return parsed.search;
  context.addIssue({ code: "custom", message: `\`q\` ${parsed.reason}.`, input: q });
  return z.NEVER;
});

const SINCE_REFUSED = (since: unknown) => `\`since\` must be a day (2025-04-03) or an ISO 8601 date-time with zone (2025-04-03T10:00:00Z); got "${since}".`;
// A day is its first instant in UTC; a date-time needs its zone, to seconds or to minutes.
const since = once("since")
  .pipe(
    z.union([z.iso.date(), z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })], { error: (issue) => SINCE_REFUSED(issue.input) }),
  )
  .refine((value) => isCalendarDay(value.slice(0, 10)), { error: (issue) => SINCE_REFUSED(issue.input) })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

const exportParams = z
  .strictObject(
    {
      outlet: repeatable("outlet"),
      person: repeatable("person"),
      topic: repeatable("topic"),
      from: day("from"),
      to: day("to"),
      q: search.optional(),
      since: since.optional(),
    } satisfies Record<Parameter, z.ZodType>,
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? `Unknown parameter \`${issue.keys[0]}\`. The parameters are: ${Object.keys(EXPORT_PARAMETERS).join(", ")}.` : undefined,
    },
  )
  .refine(({ from, to }) => !(from && to && from > to), {
    path: ["from"],
    error: (issue) => {
      const { from, to } = issue.input as { from: string; to: string };
      return `\`from\` (${from}) is later than \`to\` (${to}): no day is in that range.`;
    },
  });

/** Reads export parameters; repeated names give several values, in order. */
export function parseExportParams(params: URLSearchParams): ExportParamsResult {
  // No prototype: `__proto__`, `constructor` and the like are names like any other, refused as unknown.
  const values: Record<string, string[]> = Object.create(null);
  for (const [name, value] of params) (values[name] ??= []).push(value);
  const parsed = exportParams.safeParse(values);
  if (!parsed.success) {
    const { issues } = parsed.error;
    // An unknown name is reported first, whatever else is wrong: it is most likely a typing slip.
    const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
    const parameter = issue.code === "unrecognized_keys" ? issue.keys[0] : String(issue.path[0]);
    return { ok: false, parameter, message: issue.message };
  }
  const { outlet, person, topic, from, to, q, since: ingestedSince } = parsed.data;
  return {
    ok: true,
    filter: { outlets: outlet, people: person, topics: topic, publishedAfter: from ?? null, publishedBefore: to ?? null, fullText: q ?? null, ingestedSince: ingestedSince ?? null },
  };
}
