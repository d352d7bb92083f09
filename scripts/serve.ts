// npm start: migrates the archive at DATABASE_URL, loads the bundled sample corpus into an
// empty archive, and serves the API on PORT (default 4000).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeTotals, ingestFiles } from "../src/archive/ingest-files.js";
import { startServer } from "../src/server/start-server.js";
import { countAllArticles } from "../src/store/articles.js";
import { databaseUrl } from "../src/store/database-url.js";
import { migrateDatabase } from "../src/store/migrate.js";
import { openStore } from "../src/store/open-store.js";

const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}"`);
  process.exit(2);
}
const host = process.env.HOST ?? "127.0.0.1";
const sampleDir = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "sample");

const url = databaseUrl();
await migrateDatabase(url);
const store = await openStore(url);
if ((await countAllArticles(store)) === 0) {
  const totals = await ingestFiles(store, [sampleDir], {
    onFile: (o) => o.status === "failed" && console.error(`sample ${o.file}: ${o.message}`),
  });
  console.log(`Loaded the sample corpus into an empty archive: ${describeTotals(totals)}`);
}
const server = await startServer(store, port, host);
console.log(`news-archive: GraphQL API on ${server.url}/graphql over ${url} (${await countAllArticles(store)} articles)`);
console.log(`Open ${server.url}/ in a browser for the GraphQL IDE, with example queries.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await server.close();
    await store.close();
    process.exit(0);
  });
}
