// The targets a benchmark run is held to (issue 15: a million articles on this 2-core machine),
// and the verdict on each: met, or missed with what caused it.

export const TARGETS = {
  queryP50Ms: 10,
  queryP99Ms: 50,
  serverRssMb: 400,
  // With two writers on PostgreSQL, one on SQLite (the usual path).
  ingestPerSecond: { sqlite: 500, postgresql: 300 },
} as const;

/** What one request of a query read: how long it took, its statements, the slowest with their plans. */
export interface QueryExplanation {
  requestMs: number;
  statements: number;
  /** Their time added up, as the server waited for each (some may overlap). */
  statementsMs: number;
  slowest: { sql: string; ms: number; rows: number; plan: string[] }[];
}

export interface BenchResult {
  store: "sqlite" | "postgresql";
  ingest: { articlesPerSecond: number; writers: number; cause: string } | null;
  queries: { name: string; p50Ms: number; p99Ms: number; explained?: QueryExplanation }[];
  serverRssMb: number;
  /** p50 of `{ __typename }`: what any request costs on this run before it reads anything. */
  httpFloorP50Ms: number;
}

export interface Verdict {
  target: string;
  measured: string;
  met: boolean;
  /** Why it was missed: a profile's summary, or the plans of the slowest statements. */
  cause?: string[];
}

export function verdicts(result: BenchResult): Verdict[] {
  const out: Verdict[] = [];
  if (result.ingest) {
    const target = TARGETS.ingestPerSecond[result.store];
    const met = result.ingest.articlesPerSecond >= target;
    out.push({
      target: `ingest ≥ ${target} articles/s`,
      measured: `${result.ingest.articlesPerSecond}/s (${result.ingest.writers} writer${result.ingest.writers === 1 ? "" : "s"})`,
      met,
      ...(met ? {} : { cause: [result.ingest.cause] }),
    });
  }
  for (const q of result.queries) {
    const met = q.p50Ms <= TARGETS.queryP50Ms && q.p99Ms <= TARGETS.queryP99Ms;
    out.push({
      target: `${q.name}: p50 ≤ ${TARGETS.queryP50Ms} ms, p99 ≤ ${TARGETS.queryP99Ms} ms`,
      measured: `p50 ${q.p50Ms} ms, p99 ${q.p99Ms} ms`,
      met,
      ...(met ? {} : { cause: describeStatements(q.explained, result.httpFloorP50Ms) }),
    });
  }
  const rssMet = result.serverRssMb <= TARGETS.serverRssMb;
  out.push({ target: `server RSS ≤ ${TARGETS.serverRssMb} MB`, measured: `${result.serverRssMb} MB`, met: rssMet });
  return out;
}

/** A query's explanation as lines: where its time went, then its slowest statements, each with its plan. */
export function describeStatements(explained: QueryExplanation | undefined, httpFloorMs: number): string[] {
  if (!explained) return [];
  const { requestMs, statements, statementsMs, slowest } = explained;
  const share = requestMs > 0 ? Math.round((100 * statementsMs) / requestMs) : 0;
  return [
    `one request took ${requestMs} ms (an empty one ${httpFloorMs} ms on this run); its ${statements} statement${statements === 1 ? "" : "s"} ${statementsMs} ms of it (${share}%), ` +
      (share < 50 ? "so most of it is the API's (GraphQL, serialising, HTTP), not the database's" : "so most of it is the database's"),
    ...slowest.flatMap((s) => [`${s.ms} ms, ${s.rows} rows: ${s.sql.replace(/\s+/g, " ")}`, ...s.plan.map((line) => `    ${line}`)]),
  ];
}

/** The verdicts as lines for the terminal: one a target, a missed one followed by its cause. */
export function verdictLines(result: BenchResult): string[] {
  return verdicts(result).flatMap((v) => [`${v.met ? "met   " : "MISSED"}  ${v.target}: ${v.measured}`, ...(v.cause ?? []).map((line) => `          ${line}`)]);
}
