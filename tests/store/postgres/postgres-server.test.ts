import { existsSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresUnavailable, startPostgresServer, type PostgresServer } from "../../support/postgres-server.js";

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL tests: ${unavailable}`);

describe.skipIf(unavailable)("a throwaway PostgreSQL for tests", () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(() => server?.stop());

  it("answers a query on the database made for it, on a loopback port", async () => {
    expect(server.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/news_archive$/);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; database: string; answer: number }>(
        `SELECT current_setting('server_version_num') AS version, current_database() AS database, $1::int + 1 AS answer`,
        [41],
      );
      expect(rows[0]).toEqual({ version: expect.stringMatching(/^15\d{4}$/), database: "news_archive", answer: 42 });
    } finally {
      await client.end();
    }
  });

  it("makes further databases on the same server", async () => {
    const url = await server.createDatabase("second");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query(`SELECT current_database() AS name`)).rows).toEqual([{ name: "second" }]);
    await client.end();
  });

  // Last: it stops the server the tests above used (starting a second one cost seconds of the run).
  it("stops the server and removes its folder", async () => {
    const dataDir = (await queryOne(server.url, `SELECT current_setting('data_directory') AS dir`)).dir as string;
    expect(existsSync(dataDir)).toBe(true);
    server.stop();
    expect(existsSync(dataDir)).toBe(false);
    await expect(queryOne(server.url, `SELECT 1`)).rejects.toThrow(/ECONNREFUSED/);
    server.stop(); // a second stop is harmless
  });
});

async function queryOne(url: string, sql: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0];
  } finally {
    await client.end();
  }
}
