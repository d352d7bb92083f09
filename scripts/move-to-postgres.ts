// npm run move-to-postgres -- --to postgresql://USER@HOST:PORT/DB [--from file:archive.db]
// Copies a SQLite archive (DATABASE_URL unless --from) into an empty PostgreSQL database, ids
// and links as they are; the SQLite file is left unchanged. Then point DATABASE_URL at the new one.
// Exits 0 when moved, 1 when the move failed (the PostgreSQL database is left empty), 2 on a usage error.
import { parseArgs } from "node:util";
import { databaseUrl, isPostgresUrl, moveToPostgres, redactPassword } from "../src/store/open-store.js";

const usage = `usage: npm run move-to-postgres -- --to postgresql://USER@HOST:PORT/DB [--from file:archive.db]
  Copies the SQLite archive (--from, or DATABASE_URL) into the empty PostgreSQL database --to names.`;

let parsed;
try {
  parsed = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help || !values.to) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const from = values.from ?? databaseUrl();
if (!isPostgresUrl(values.to)) {
  console.error(`--to must be a PostgreSQL database (postgresql://…), got "${values.to}"\n${usage}`);
  process.exit(2);
}
if (isPostgresUrl(from)) {
  console.error(`the archive to move must be a SQLite file: ${values.from ? "--from" : "DATABASE_URL"} is ${redactPassword(from)}\n${usage}`);
  process.exit(2);
}

let lastLine = 0;
try {
  const report = await moveToPostgres(from, values.to, ({ table, rows, of }) => {
    // A line a table, and one every few seconds through a large one.
    if (rows === of || performance.now() - lastLine > 5_000) {
      lastLine = performance.now();
      console.log(`${table}: ${rows.toLocaleString("en")} of ${of.toLocaleString("en")} rows`);
    }
  });
  const total = report.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`moved ${total.toLocaleString("en")} rows in ${report.tables.length} tables to ${redactPassword(values.to)} in ${report.seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`move-to-postgres: ${(error as Error).message}`);
  process.exit(1);
}
