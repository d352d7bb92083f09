// Brings a PostgreSQL archive up to the committed PostgreSQL migrations
// (prisma/postgres/migrations), as store/migrate.ts does for a SQLite file: each migration
// in one transaction with the row that records it, in Prisma's own bookkeeping table and
// format, so a process killed part-way leaves whole migrations only and the next start
// applies what is missing. PostgreSQL's DDL is transactional, CREATE EXTENSION included.
import { randomUUID } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { BACKFILL_NEEDED, BACKFILL_PAGE_SQL, echoKeyRows, type KeyedQuote } from "../echo-keys.js";
import { redactPassword } from "../database-url.js";
import { STORY_KEYS_NEEDED, STORY_KEYS_PAGE_SQL, storyKeyRows, type FeaturedArticle } from "../story-keys.js";
import { readMigrations, type Migration } from "../migrate.js";

const migrationsDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../prisma/postgres/migrations");

// Prisma's definition of the table on PostgreSQL.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// One key for every process migrating the same database: the second waits for the first,
// then finds the migrations applied. (Any constant works; this one is "news-arc" in ASCII.)
const MIGRATION_LOCK = 0x6e6577732d617263n;

/** The committed PostgreSQL migrations, oldest first. */
export function committedPostgresMigrations(): Migration[] {
  return readMigrations(migrationsDir);
}

async function appliedNames(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((r) => r.migration_name));
}

// The text-search parser reads letters by the database's LC_CTYPE: under C or POSIX it takes
// every non-ASCII character for a letter, so “Brown (a curly quote before it) is indexed as
// one word and a search for brown misses it. Searches would quietly find less than on SQLite.
async function refuseNonUtf8Ctype(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ ctype: string; database: string }>(
    `SELECT datctype AS ctype, datname AS database FROM pg_database WHERE datname = current_database()`,
  );
  const { ctype, database } = rows[0];
  if (!/utf-?8/i.test(ctype)) {
    throw new Error(
      `database ${database} has LC_CTYPE ${ctype}; full-text search needs a UTF-8 one. Create it with CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' (or another UTF-8 locale); nothing has been changed`,
    );
  }
}

/** Applies every committed migration the database at `url` lacks, each atomically. Safe to run from several processes at once. */
export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await refuseNonUtf8Ctype(client);
    await client.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK.toString()]);
    await client.query(BOOKKEEPING);
    const applied = await appliedNames(client);
    for (const migration of committedPostgresMigrations()) {
      if (applied.has(migration.name)) continue;
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed, and nothing of it was applied: ${(error as Error).message}`);
      }
    }
    // Data the new tables need from rows stored before them (as on SQLite: see migrate.ts).
    // Asked on every start, not only after a migration: a start stopped while filling (the
    // migration committed, the keys not) leaves them to the next.
    await fillMissingEchoKeys(client);
    await fillMissingStoryKeys(client);
  } catch (error) {
    throw new Error(`Could not migrate ${redactPassword(url)}: ${(error as Error).message}`);
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end();
  }
}

/** Fills quote_echo_keys for an archive stored before the table (see echo-keys.ts), in one transaction. */
async function fillMissingEchoKeys(client: pg.Client): Promise<void> {
  if (!(await client.query<{ missing: boolean }>(BACKFILL_NEEDED)).rows[0].missing) return;
  await fillByPages<KeyedQuote>(
    client,
    BACKFILL_PAGE_SQL,
    echoKeyRows,
    `INSERT INTO quote_echo_keys (key, "quoteId", "publishedOn") SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[]) ON CONFLICT DO NOTHING`,
  );
}

/** Fills story_keys for an archive with none (see story-keys.ts), in one transaction. */
async function fillMissingStoryKeys(client: pg.Client): Promise<void> {
  if (!(await client.query<{ missing: boolean }>(STORY_KEYS_NEEDED)).rows[0].missing) return;
  await fillByPages<FeaturedArticle>(
    client,
    STORY_KEYS_PAGE_SQL,
    storyKeyRows,
    `INSERT INTO story_keys (key, "publishedOn", "articleId") SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) ON CONFLICT DO NOTHING`,
  );
}

/** Reads `pageSql` a page at a time after the last id read, and inserts the rows `rowsOf` makes of each page as three arrays. */
async function fillByPages<T extends { id: number }>(client: pg.Client, pageSql: string, rowsOf: (page: T[]) => unknown[][], insertSql: string): Promise<void> {
  await client.query("BEGIN");
  try {
    for (let after = 0; ; ) {
      const { rows } = await client.query<T>(pageSql.replace("?", "$1"), [after]);
      if (!rows.length) break;
      const keys = rowsOf(rows);
      await client.query(insertSql, [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2])]);
      after = rows[rows.length - 1].id;
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
