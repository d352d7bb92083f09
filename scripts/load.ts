// npm run load -- [--seconds 30] [--clients 32] [--database URL | --url http://127.0.0.1:PORT]
// Starts the API on 127.0.0.1 over a temporary copy of the archive (DATABASE_URL unless
// --database says otherwise; a PostgreSQL one is served itself, read from the replicas of
// DATABASE_READ_URLS when set) and sends it everyday queries and hostile ones from concurrent
// clients for a while. Prints requests per second, p50/p99 latency, errors and 5xx
// responses; exits 1 on any 5xx, any normal query that failed, or any hostile query that was
// not refused as a client error. With --url it loads a server already running on loopback.
// Never any other address: this is a tool for one's own machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServer, type RunningServer } from "../src/server/start-server.js";
import { copyArchive, databaseReadUrls, databaseUrl, isArchive, isPostgresUrl, openStore, type Store } from "../src/store/open-store.js";
import { DISCOVERY_QUERY, queryMix, type ArchiveSample } from "./load/query-mix.js";
import { percentile, runClients, type LoadResult } from "./load/run-clients.js";

const LIMITS = { seconds: 600, clients: 256, maxRequests: 10_000_000 };
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

const usage = `usage: npm run load -- [--seconds N] [--clients N] [--max-requests N] [--database URL | --url http://127.0.0.1:PORT]
  --seconds N       how long to send requests (default 30, at most ${LIMITS.seconds})
  --clients N       concurrent clients (default 32, at most ${LIMITS.clients})
  --max-requests N  stop after this many requests (default and at most ${LIMITS.maxRequests.toLocaleString("en-US")})
  --database URL    archive to copy and serve (default DATABASE_URL or file:./data/archive.db);
                    a PostgreSQL one is served as it is, read from DATABASE_READ_URLS' replicas when set
  --url URL         load a server already running on this machine instead (loopback only)`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function wholeNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value == null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) fail(`--${name} must be a whole number from 1 to ${max}, got "${value}"`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      seconds: { type: "string" },
      clients: { type: "string" },
      "max-requests": { type: "string" },
      database: { type: "string" },
      url: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const seconds = wholeNumber("seconds", args.seconds, 30, LIMITS.seconds);
const clients = wholeNumber("clients", args.clients, 32, LIMITS.clients);
const maxRequests = wholeNumber("max-requests", args["max-requests"], LIMITS.maxRequests, LIMITS.maxRequests);
if (args.url && args.database) fail("give --url or --database, not both");

function loopbackOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail(`--url must be a URL such as http://127.0.0.1:4000, got "${raw}"`);
  }
  if (url.protocol !== "http:" || !LOOPBACK_HOSTS.has(url.hostname)) {
    fail(`--url must be http on this machine (127.0.0.1, localhost or [::1]), got "${raw}"`);
  }
  return url.origin;
}

// The request log would write a line per request: thousands a second.
process.env.LOG_LEVEL ??= "silent";

let origin: string;
let server: RunningServer | undefined;
let store: Store | undefined;
let tempDir: string | undefined;
let description: string;
if (args.url) {
  origin = loopbackOrigin(args.url);
  description = origin;
} else {
  const source = args.database ?? databaseUrl();
  if (isPostgresUrl(source)) {
    // The load only reads, each request in a read-only transaction: the database itself is served.
    const readUrls = (() => {
      try {
        return databaseReadUrls({ ...process.env, DATABASE_URL: source });
      } catch (error) {
        return fail((error as Error).message);
      }
    })();
    store = await openStore(source, { readUrls }).catch((error: Error) => fail(error.message));
    description = readUrls.length ? `${store.url} read from ${readUrls.length} replica(s)` : store.url;
  } else {
    if (!isArchive(source)) fail(`There is no archive at ${source}: run npm start (or npm run ingest) first, or pass --database.`);
    tempDir = mkdtempSync(join(tmpdir(), "news-archive-load-"));
    // However the run ends, the copy goes.
    process.once("exit", () => rmSync(tempDir!, { recursive: true, force: true }));
    const copy = join(tempDir, "archive.db");
    copyArchive(source, copy);
    store = await openStore(`file:${copy}`);
    description = `a copy of ${source}`;
  }
  server = await startServer(store, 0, "127.0.0.1");
  origin = server.url;
  description = `${description} (${(await store.countAllArticles()).toLocaleString("en-US")} articles) served at ${origin}`;
}
const endpoint = `${origin}/graphql`;

let result: LoadResult;
try {
  const discovery = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: DISCOVERY_QUERY }) });
  const found = ((await discovery.json()) as { data?: any }).data;
  if (!found) throw new Error(`the server did not answer the discovery query (HTTP ${discovery.status})`);
  const sample: ArchiveSample = {
    outlets: found.outlets.map((o: { slug: string }) => o.slug),
    people: found.people.edges.map((e: { node: { slug: string } }) => e.node.slug),
    days: [...new Set<string>(found.articles.edges.map((e: { node: { publishedOn: string | null } }) => e.node.publishedOn).filter(Boolean))],
  };
  console.log(`load: ${clients} clients for ${seconds} s against ${description}`);
  result = await runClients(endpoint, queryMix(sample), { clients, seconds, maxRequests });
} finally {
  await server?.close();
  await store?.close();
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const all = result.byQuery.flatMap((q) => q.latenciesMs).sort((a, b) => a - b);
const total = all.length;
const normal = result.byQuery.filter((q) => q.kind === "normal");
const hostile = result.byQuery.filter((q) => q.kind === "hostile");
const sum = (qs: typeof normal, f: (q: (typeof normal)[number]) => number) => qs.reduce((n, q) => n + f(q), 0);
const normalErrors = sum(normal, (q) => q.requests - q.expected);
const hostileUnexpected = sum(hostile, (q) => q.requests - q.expected);
const serverErrors = sum(result.byQuery, (q) => q.serverErrors);

console.log(
  `requests: ${total.toLocaleString("en-US")} in ${result.seconds.toFixed(1)} s, ${(total / result.seconds).toFixed(1)}/s; ` +
    `latency p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(all.at(-1) ?? 0)}`,
);
for (const q of result.byQuery) {
  const sorted = [...q.latenciesMs].sort((a, b) => a - b);
  const outcome = q.kind === "normal" ? `${q.requests - q.expected} errors` : `${q.expected} refused as client errors, ${q.requests - q.expected} not`;
  console.log(`  ${q.kind.padEnd(7)} ${q.name.padEnd(28)} ${String(q.requests).padStart(7)}  p50 ${ms(percentile(sorted, 50)).padStart(9)}  p99 ${ms(percentile(sorted, 99)).padStart(9)}  ${outcome}`);
  for (const sample of q.samples) console.log(`      unexpected: ${sample}`);
}
console.log(`normal queries: ${sum(normal, (q) => q.requests)}, errors: ${normalErrors}`);
console.log(`hostile queries: ${sum(hostile, (q) => q.requests)}, not refused as client errors: ${hostileUnexpected}`);
console.log(`5xx responses: ${serverErrors}`);
process.exitCode = serverErrors > 0 || normalErrors > 0 || hostileUnexpected > 0 ? 1 : 0;
