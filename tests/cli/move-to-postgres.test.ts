// `npm run move-to-postgres`: a SQLite archive copied into PostgreSQL as it is (that the moved
// archive answers every question as the SQLite one does is tests/store/store-conformance.test.ts).
// Here: what an operator sees, and that a refused or failed move changes nothing on either side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { ingestFiles } from "../../src/archive/ingest-files.js";
import { postgresUnavailable, testPostgres } from "../support/postgres-server.js";
import { projectRoot, runScript } from "../support/run-script.js";
import { createTestArchive, type TestArchive } from "../support/test-archive.js";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { moveToPostgres } from "../../src/store/move-to-postgres.js";

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)("npm run move-to-postgres", () => {
  let archive: TestArchive;
  let urlOf: (name: string) => string;
  let createDatabase: (name: string) => Promise<string>;
  beforeAll(async () => {
    archive = await createTestArchive();
    await ingestFiles(archive.store, [join(projectRoot, "tests", "fixtures", "linking")]);
    ({ urlOf, createDatabase } = await testPostgres());
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
  });
  const move = (...args: string[]) => runScript("move-to-postgres.ts", args, { DATABASE_URL: archive.url });
  const rows = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it("copies every table of the archive at DATABASE_URL, says how many rows, and new ids go on after the moved ones", async () => {
    const url = await createDatabase(`moved_${process.pid}`);
    const run = await move("--to", url);
    expect(run.code, run.stderr).toBe(0);
    const articles = archive.store.db.prisma.article.count();
    expect(run.stdout).toContain(`articles: ${await articles} of ${await articles} rows`);
    expect(run.stdout).toMatch(/^moved [\d,]+ rows in 15 tables to postgresql:\/\/.* in [\d.]+ s$/m);
    const [{ n, max }] = await rows(url, `SELECT count(*)::int AS n, max(id) AS max FROM articles`);
    expect(n).toBe(await articles);
    const [{ next }] = await rows(url, `SELECT nextval(pg_get_serial_sequence('"articles"', 'id'))::int AS next`);
    expect(next).toBe(max + 1);
  }, 60_000);

  // The refusals in this process (a script's start-up is seconds): moveToPostgres is what the
  // script runs, printing its message after "move-to-postgres: " and exiting 1.
  it("refuses a target that already holds an archive, and leaves it as it was", async () => {
    const url = await createDatabase(`taken_${process.pid}`);
    await moveToPostgres(archive.url, url);
    const before = await rows(url, `SELECT count(*)::int AS n FROM quotes`);
    await expect(moveToPostgres(archive.url, url)).rejects.toThrow("the PostgreSQL archive is not empty: move into a database of its own");
    expect(await rows(url, `SELECT count(*)::int AS n FROM quotes`)).toEqual(before);
  }, 60_000);

  it("refuses a missing or wrong --to, and a source that is not a SQLite archive, naming what is wrong", async () => {
    const none = await move("--to", "file:other.db");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`--to must be a PostgreSQL database (postgresql://…), got "file:other.db"`);
    expect(none.stderr).toContain("usage: npm run move-to-postgres -- --to postgresql://");
    await expect(moveToPostgres(urlOf("postgres"), urlOf("postgres"))).rejects.toThrow("the archive to move must be a SQLite file (file:…), got postgresql://");
    await expect(moveToPostgres("file:/nonexistent/archive.db", urlOf("postgres"))).rejects.toThrow("cannot open the SQLite archive /nonexistent/archive.db");
    const notArchive = join(tmpdir(), `not-an-archive-${process.pid}.db`);
    new Database(notArchive).close();
    try {
      await expect(moveToPostgres(`file:${notArchive}`, urlOf("postgres"))).rejects.toThrow(`${notArchive} is not an archive (it has no articles table)`);
    } finally {
      rmSync(notArchive, { force: true });
    }
  }, 60_000);
});
