// npm start [-- --help]: migrates the archive at DATABASE_URL, loads the bundled sample corpus
// into an empty archive, and serves the API on HOST:PORT until SIGTERM or SIGINT.
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { describeTotals, ingestFiles } from "../src/archive/ingest-files.js";
import { SHUTDOWN_GRACE_MS, startServer, type RunningServer } from "../src/server/start-server.js";
import { databaseReadUrls, databaseUrl, migrateStore, openStore } from "../src/store/open-store.js";

const HELP = `usage: npm start [-- --help]

Serves the news archive: the GraphQL API at /graphql, the IDE at /, bulk exports under
/export, the schema at /schema.graphql, /healthz. An empty archive is first loaded with the
sample corpus in data/sample/. Stops cleanly on SIGTERM or SIGINT.

Environment variables:
  PORT              port to listen on (default 4000; 0 picks a free one)
  HOST              address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  DATABASE_URL      the archive: a SQLite file URL (default file:./data/archive.db), or a
                    PostgreSQL database, postgresql://user:password@host:5432/database
  DATABASE_READ_URLS  read replicas of that PostgreSQL database, comma separated: every
                    request and export reads from them in turn (migrations stay on DATABASE_URL)
  QUERY_TIMEOUT_MS  a GraphQL request not answered in this time gets 503 QUERY_TIMEOUT (default 10000)
  LOG_LEVEL         request log on stdout: fatal, error, warn, info (default), debug, trace, silent
  EXPORT_CONCURRENCY  bulk exports served at once (default 4); one more is answered 429
  EXPORT_STALL_MS   an export whose client reads nothing for this long is cut off (default 30000)
`;

const { values } = parseArgs({ options: { help: { type: "boolean", short: "h" } }, strict: false });
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** Ends the process with one line on stderr: start-up problems are the operator's to fix, not stack traces. */
function fail(message: string): never {
  console.error(`news-archive: ${message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number (0-65535), got "${process.env.PORT}"`);
const host = process.env.HOST ?? "127.0.0.1";
const sampleDir = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "sample");

/** Why the server could not listen, as one line naming what to change; null for an error we do not know. */
function listenProblem(code: string | undefined): string | null {
  if (code === "EADDRINUSE") return `port ${port} on ${host} is already in use by another process; set PORT to a free port (or PORT=0 for any).`;
  if (code === "EACCES") return `not allowed to listen on port ${port} on ${host}; set PORT to a port above 1023.`;
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return `HOST ${host} is not an address of this machine; set HOST (127.0.0.1, or 0.0.0.0 for every interface).`;
  return null;
}

// A taken port is told at once, before minutes of migrating or loading the sample; the
// real listen below still reports a port taken in between.
if (port !== 0) {
  const probe = createServer();
  const code = await new Promise<string | undefined>((resolve) => {
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "EUNKNOWN"));
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
  const problem = code === undefined ? null : listenProblem(code);
  if (problem) fail(problem);
}

const url = databaseUrl();
const store = await (async () => {
  try {
    const readUrls = databaseReadUrls();
    await migrateStore(url);
    return await openStore(url, { readUrls });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if ((await store.countAllArticles()) === 0) {
  const totals = await ingestFiles(store, [sampleDir], {
    onFile: (o) => o.status === "failed" && console.error(`sample ${o.file}: ${o.message}`),
  });
  console.log(`Loaded the sample corpus into an empty archive: ${describeTotals(totals)}`);
}

let server: RunningServer;
try {
  server = await startServer(store, port, host);
} catch (error) {
  const { code } = error as NodeJS.ErrnoException;
  await store.close();
  const problem = listenProblem(code);
  if (problem) fail(problem);
  throw error;
}
console.log(`news-archive: GraphQL API on ${server.url}/graphql over ${url} (${await store.countAllArticles()} articles)`);
for (const replica of await store.replicaStatus()) {
  const lag = replica.state === "up" ? `${replica.lagBytes ?? "?"} bytes behind the primary` : `down (${replica.error}): reads skip it until it answers`;
  console.log(`news-archive: reads from replica ${replica.url}: ${replica.replaying === false ? "not a streaming standby, " : ""}${lag}`);
}
console.log(`Open ${server.url}/ in a browser for the GraphQL IDE, with example queries.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return; // a second signal while draining changes nothing: the grace period is bounded
    stopping = true;
    console.log(`news-archive: ${signal}: no new connections; requests in flight get up to ${SHUTDOWN_GRACE_MS / 1000} s`);
    await server.close();
    await store.close();
    console.log("news-archive: stopped");
    process.exit(0);
  });
}
