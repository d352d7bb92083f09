// The PostgreSQL writer keeps one generic plan per statement, made when the statement is first
// prepared. In an ingest into a new archive, statements prepared while the tables are a few
// rows (once autovacuum has analyzed them so) are planned as sequential scans, which the
// tables then outgrow; they are planned again, for the tables as they are, as the writer goes
// on committing.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlStore } from "../../../src/store/sql-store.js";
import type { SqlWrites } from "../../../src/store/sql-archive.js";
import { postgresUnavailable } from "../../support/postgres-server.js";
import { createStoreOn, type TestStore } from "../../support/test-stores.js";

const unavailable = postgresUnavailable();

describe.skipIf(unavailable)(`the PostgreSQL writer's plans${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  let archive: TestStore;
  let writer: SqlWrites;
  let admin: pg.Client;
  beforeEach(async () => {
    archive = await createStoreOn("postgresql");
    writer = (archive.store as SqlStore).sql.writer();
    admin = new pg.Client({ connectionString: archive.url });
    await admin.connect();
    // Left out of autovacuum: an ANALYZE would make the plan again whatever the writer does.
    await admin.query(`CREATE TABLE plan_probe (id integer PRIMARY KEY, code text UNIQUE) WITH (autovacuum_enabled = false)`);
  });
  afterEach(async () => {
    await admin.end();
    await archive.close();
  });

  const probe = () => writer.transaction(() => writer.all(`SELECT id FROM plan_probe WHERE id = ? OR code = ?`, 1, "a"));
  // The plan the writer's session now keeps for the probe (prepared by SQL, as the writer does in a transaction).
  async function planOfProbe(): Promise<string> {
    const [{ name }] = await writer.all<{ name: string }>(
      `SELECT name FROM pg_prepared_statements WHERE from_sql AND statement LIKE ? ORDER BY prepare_time DESC LIMIT 1`,
      "%FROM plan_probe WHERE%",
    );
    return (await writer.all<{ "QUERY PLAN": string }>(`EXPLAIN EXECUTE ${name}(1, 'a')`)).map((row) => row["QUERY PLAN"]).join("\n");
  }

  it("plans a statement first prepared on a table of a few rows again once the writer has gone on committing, with the table's indexes", async () => {
    await admin.query(`INSERT INTO plan_probe SELECT g, 'code ' || g FROM generate_series(1, 5) AS g`);
    await admin.query(`ANALYZE plan_probe`);
    await probe();
    expect(await planOfProbe()).toMatch(/Seq Scan on plan_probe/);

    await admin.query(`INSERT INTO plan_probe SELECT g, 'code ' || g FROM generate_series(6, 50000) AS g`);
    let committed = 1;
    while (/Seq Scan/.test(await planOfProbe()) && committed < 200) {
      await probe();
      committed++;
    }
    expect(await planOfProbe()).toMatch(/Index Scan|Bitmap Index Scan/);
    expect(committed).toBeLessThan(200);
  });
});
