// Concurrent clients sending the query mix for a while, and what came back.
import type { LoadQuery } from "./query-mix.js";

export interface QueryStats {
  name: string;
  kind: LoadQuery["kind"];
  requests: number;
  /** Normal: answered 200 without errors. Hostile: refused with a 4xx or BAD_USER_INPUT. */
  expected: number;
  serverErrors: number;
  latenciesMs: number[];
  /** The first few unexpected answers, for the report. */
  samples: string[];
}

export interface LoadResult {
  seconds: number;
  byQuery: QueryStats[];
}

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | null;
}

function isExpected(query: LoadQuery, answer: Answer): boolean {
  const errors = answer.body?.errors ?? [];
  if (query.kind === "normal") return answer.status === 200 && errors.length === 0 && answer.body?.data != null;
  if (answer.status >= 400 && answer.status < 500) return true;
  return answer.status === 200 && errors.length > 0 && errors.every((e) => e.extensions?.code === "BAD_USER_INPUT");
}

/** Expands weights into a schedule: each client walks it from its own offset. */
function schedule(mix: LoadQuery[]): LoadQuery[] {
  return mix.flatMap((q) => Array.from({ length: q.weight }, () => q));
}

export async function runClients(endpoint: string, mix: LoadQuery[], options: { clients: number; seconds: number; maxRequests: number }): Promise<LoadResult> {
  const order = schedule(mix);
  const stats = new Map<LoadQuery, QueryStats>(
    mix.map((q) => [q, { name: q.name, kind: q.kind, requests: 0, expected: 0, serverErrors: 0, latenciesMs: [], samples: [] }]),
  );
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let sent = 0;

  async function client(index: number) {
    for (let round = index; performance.now() < deadline && sent < options.maxRequests; round++) {
      sent++;
      const query = order[round % order.length];
      const s = stats.get(query)!;
      const t0 = performance.now();
      let answer: Answer;
      try {
        const res = await fetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
          body: JSON.stringify(query.body(round)),
        });
        const text = await res.text();
        let body: Answer["body"] = null;
        try {
          body = JSON.parse(text);
        } catch {
          body = null; // not JSON: counted as unexpected below, with its status
        }
        answer = { status: res.status, body };
      } catch (error) {
        answer = { status: 0, body: { errors: [{ extensions: { code: `NETWORK: ${(error as Error).message}` } }] } };
      }
      s.latenciesMs.push(performance.now() - t0);
      s.requests++;
      if (answer.status >= 500) s.serverErrors++;
      if (isExpected(query, answer)) s.expected++;
      else if (s.samples.length < 3) s.samples.push(`${answer.status} ${JSON.stringify(answer.body?.errors?.[0] ?? answer.body).slice(0, 200)}`);
    }
  }

  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return { seconds: (performance.now() - started) / 1000, byQuery: [...stats.values()] };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
