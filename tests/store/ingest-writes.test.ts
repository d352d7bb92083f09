// What ingestion's writer promises on both engines, whatever it does to save round trips
// (PostgreSQL's holds writes back and sends them with the next read): a file's writes are
// seen by its own reads, a file that fails takes only its own writes with it, and a write
// outside any transaction is committed at once, and a statement keeps working after the file
// that first sent it failed.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SqlStore } from "../../src/store/sql-store.js";
import { createStoreOn, describeOnEachStore, type TestStore } from "../support/test-stores.js";

describeOnEachStore("ingestion's writer", (engine) => {
  let archive: TestStore;
  let store: SqlStore;
  beforeEach(async () => {
    archive = await createStoreOn(engine);
    store = archive.store as SqlStore;
  });
  afterEach(async () => {
    await archive.close();
  });

  const outletNames = async () => (await store.sql.reads.all<{ name: string }>(`SELECT name FROM outlets ORDER BY name`)).map((r) => r.name);
  const addOutlet = (slug: string, name: string | null) => store.sql.writer().run(`INSERT INTO outlets (slug, name) VALUES (?, ?)`, slug, name);

  it("shows a transaction's own writes to its reads, in the order written", async () => {
    const writer = store.sql.writer();
    const seen = await writer.transaction(async () => {
      await addOutlet("harbour-ledger", "Harbour Ledger");
      await writer.run(`UPDATE outlets SET name = ? WHERE slug = ?`, "The Harbour Ledger", "harbour-ledger");
      return writer.all<{ name: string }>(`SELECT name FROM outlets WHERE slug = ?`, "harbour-ledger");
    });
    expect(seen).toEqual([{ name: "The Harbour Ledger" }]);
    expect(await outletNames()).toEqual(["The Harbour Ledger"]);
  });

  it("rolls back only the file whose write fails, even when nothing read after it; the group's other files are committed", async () => {
    const writer = store.sql.writer();
    const outcomes: string[] = [];
    await writer.inBatches({ size: 100, ms: 60_000 }, async (commitPoint) => {
      for (const [slug, name] of [["one", "Outlet One"], ["bad", null], ["two", "Outlet Two"]] as const) {
        try {
          // The failing write is the file's last statement: no read of the file follows it.
          await writer.transaction(() => addOutlet(slug, name));
          outcomes.push(`${slug}: stored`);
        } catch (error) {
          outcomes.push(`${slug}: failed`);
          expect(String(error)).toMatch(/null|NOT NULL/i);
        }
        await commitPoint();
      }
    });
    expect(outcomes).toEqual(["one: stored", "bad: failed", "two: stored"]);
    expect(await outletNames()).toEqual(["Outlet One", "Outlet Two"]);
  });

  it("stores the next files with a statement that was first written by a file that failed", async () => {
    // PostgreSQL's writer prepares each statement the first time it sends it, in the same
    // batch: that batch failing must not leave the statement unusable or half-known.
    const writer = store.sql.writer();
    const outcomes: string[] = [];
    await writer.inBatches({ size: 100, ms: 60_000 }, async (commitPoint) => {
      for (const [slug, name] of [["bad", null], ["one", "Outlet One"], ["two", "Outlet Two"]] as const) {
        await writer
          .transaction(() => writer.run(`INSERT INTO outlets (slug, name) VALUES (?, ?) -- first seen in a failing file`, slug, name))
          .then(() => outcomes.push(`${slug}: stored`), () => outcomes.push(`${slug}: failed`));
        await commitPoint();
      }
    });
    expect(outcomes).toEqual(["bad: failed", "one: stored", "two: stored"]);
    expect(await outletNames()).toEqual(["Outlet One", "Outlet Two"]);
  });

  it("commits a write made outside any transaction at once", async () => {
    await addOutlet("coastal-times", "Coastal Times");
    expect(await outletNames()).toEqual(["Coastal Times"]);
  });

  it("keeps text exactly as given, quotes, backslashes and all", async () => {
    const tricky = `O'Brien's "Ledger" \\ C:\\news\\ 50% _x_ ?? $1 -- not a comment\n€ 🚢`;
    const writer = store.sql.writer();
    await writer.transaction(async () => {
      await addOutlet("tricky", tricky);
      await writer.run(`UPDATE outlets SET name = name || ? WHERE slug = ?`, " ?", "tricky");
    });
    expect(await outletNames()).toEqual([`${tricky} ?`]);
  });
});
