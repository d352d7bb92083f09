// npm run cluster:local -- [--port N] [--replicas N]: a PostgreSQL primary and its streaming
// replicas on this machine's loopback, from PostgreSQL's own binaries (no Docker), with the
// archive's tables migrated on the primary. Prints DATABASE_URL and DATABASE_READ_URLS to
// serve or load it with, and runs until Ctrl-C, which stops every server and removes its
// data (it is a place to try replicas, not to keep an archive: fsync is off).
import { parseArgs } from "node:util";
import { startLocalCluster } from "./cluster/local-cluster.js";
import { postgresUnavailable } from "./cluster/local-postgres.js";
import { migrateStore } from "../src/store/open-store.js";

const usage = `usage: npm run cluster:local -- [--port N] [--replicas N]
  --port N      the primary's port; replicas take the next ones (default 54320: 54321, 54322)
  --replicas N  streaming replicas to start (default 2, at most 8)`;

function fail(message: string): never {
  console.error(`cluster:local: ${message}\n\n${usage}`);
  process.exit(2);
}

let values;
try {
  values = parseArgs({ options: { port: { type: "string" }, replicas: { type: "string" }, help: { type: "boolean", short: "h" } } }).values;
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port ?? 54320);
const replicas = Number(values.replicas ?? 2);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 8) fail(`--replicas must be a whole number from 1 to 8, got "${values.replicas}"`);
if (!Number.isInteger(port) || port < 1024 || port + replicas > 65535) fail(`--port must be a port from 1024 to ${65535 - replicas}, got "${values.port}"`);
const unavailable = postgresUnavailable();
if (unavailable) fail(unavailable);

const started = performance.now();
const cluster = await startLocalCluster({ port, replicas, prepare: (primary) => migrateStore(primary.url) }).catch((error: Error) =>
  fail(`${error.message.split("\n")[0]}${/already in use|could not bind|Address in use/i.test(error.message) ? ` (a port from ${port} to ${port + replicas} is taken: pass --port)` : ""}`),
);
console.log(`cluster:local: a primary and ${replicas} streaming replica(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`  primary   ${cluster.primary.url}`);
cluster.readUrls.forEach((url, i) => console.log(`  replica ${i + 1} ${url}`));
console.log(`\nServe the archive with reads on the replicas (an empty archive is loaded with the sample first):
  DATABASE_URL=${cluster.primary.url} DATABASE_READ_URLS=${cluster.readUrls.join(",")} npm start
Ingest goes to the primary only:
  DATABASE_URL=${cluster.primary.url} npm run ingest -- data/sample
Ctrl-C stops all ${replicas + 1} servers and removes their data.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    cluster.stop();
    console.log("cluster:local: stopped");
    process.exit(0);
  });
}
// Keeps the process (and so the servers' owner) alive until a signal.
setInterval(() => {}, 1 << 30);
