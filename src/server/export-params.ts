// The filters of a bulk export, as query parameters (`/export/articles.ndjson?outlet=…`) or
// as the flags of `npm run export`: the same filters as the GraphQL inputs, under short
// names. Every problem names the parameter and says what would be accepted.
import { isCalendarDay } from "../extract/day-number.js";
import { parseSearch, type ExportFilter, type SearchExpression } from "../store/store.js";

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
const REPEATABLE = new Set<Parameter>(["outlet", "person", "topic"]);
const MAX_VALUES = 100;

export type ExportParamsResult = { ok: true; filter: ExportFilter } | { ok: false; parameter: string; message: string };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseInstant(value: string): Date | null {
  if (!ISO_INSTANT.test(value) || !isCalendarDay(value.slice(0, 10))) return null;
  const at = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Reads export parameters; repeated names give several values, in order. */
export function parseExportParams(params: URLSearchParams): ExportParamsResult {
  const fail = (parameter: string, message: string): ExportParamsResult => ({ ok: false, parameter, message });
  const values = new Map<Parameter, string[]>();
  for (const [name, value] of params) {
    // Own names only: `in` would also accept what every object inherits (__proto__, toString).
    if (!Object.hasOwn(EXPORT_PARAMETERS, name)) {
      return fail(name, `Unknown parameter \`${name}\`. The parameters are: ${Object.keys(EXPORT_PARAMETERS).join(", ")}.`);
    }
    const parameter = name as Parameter;
    if (value.trim() === "") return fail(parameter, `\`${parameter}\` is empty: give ${EXPORT_PARAMETERS[parameter]}, or leave the parameter out.`);
    const list = values.get(parameter) ?? [];
    list.push(value);
    values.set(parameter, list);
    if (!REPEATABLE.has(parameter) && list.length > 1) return fail(parameter, `\`${parameter}\` is given ${list.length} times; give it once.`);
    if (list.length > MAX_VALUES) return fail(parameter, `\`${parameter}\` is given more than ${MAX_VALUES} times; export in several pulls.`);
  }
  const one = (p: Parameter) => values.get(p)?.[0] ?? null;

  for (const p of ["from", "to"] as const) {
    const day = one(p);
    if (day != null && !isCalendarDay(day)) return fail(p, `\`${p}\` must be a calendar day written YYYY-MM-DD, e.g. 2025-04-03; got "${day}".`);
  }
  const from = one("from");
  const to = one("to");
  if (from && to && from > to) return fail("from", `\`from\` (${from}) is later than \`to\` (${to}): no day is in that range.`);

  let fullText: SearchExpression | null = null;
  const q = one("q");
  if (q != null) {
    const parsed = parseSearch(q);
    if (!parsed.ok) return fail("q", `\`q\` ${parsed.reason}.`);
    fullText = parsed.search;
  }

  let ingestedSince: Date | null = null;
  const since = one("since");
  if (since != null) {
    ingestedSince = parseInstant(since);
    if (!ingestedSince) return fail("since", `\`since\` must be a day (2025-04-03) or an ISO 8601 date-time with zone (2025-04-03T10:00:00Z); got "${since}".`);
  }

  return {
    ok: true,
    filter: {
      outlets: values.get("outlet"),
      people: values.get("person"),
      topics: values.get("topic"),
      publishedAfter: from,
      publishedBefore: to,
      fullText,
      ingestedSince,
    },
  };
}
