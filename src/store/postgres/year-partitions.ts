// Articles and quotes are partitioned by publication year on PostgreSQL (the migration
// 20261203200000_partition_keys says why and how): a year's partitions are made the first time
// an article of that year is saved, by whichever writer gets there first.
import type pg from "pg";
import { LOCK_SPACES } from "../sql-archive.js";

export const PARTITIONED = ["articles", "quotes"] as const;

/** The partition of `table` holding `year` (0: the undated rows). */
export const partitionName = (table: (typeof PARTITIONED)[number], year: number) => `${table}_y${year}`;

/**
 * Makes `year`'s partitions of articles and quotes if they are missing, in a transaction of
 * its own on `client` (which must not be in one). Made as tables of their own, then attached:
 * ATTACH PARTITION takes a SHARE UPDATE EXCLUSIVE lock on the parent, so requests and exports
 * reading it go on meanwhile (CREATE TABLE … PARTITION OF would wait for every one of them to
 * end, and hold back the ones after). Writers making the same year wait for each other on an
 * advisory lock, and the second finds the first's partitions.
 */
export async function ensureYearPartitions(client: pg.ClientBase, year: number): Promise<void> {
  if (!(Number.isInteger(year) && year >= 0 && year <= 9999)) throw new Error(`no partition for the year ${year}: a year is a whole number from 0 (undated) to 9999`);
  await client.query("BEGIN");
  try {
    await client.query(`SELECT pg_advisory_xact_lock($1, $2)`, [LOCK_SPACES.indexOf("year-partition"), year]);
    for (const table of PARTITIONED) {
      const name = partitionName(table, year);
      const { rows } = await client.query(`SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname = $1 AND i.inhparent = $2::regclass`, [name, table]);
      if (rows.length) continue;
      await client.query(`CREATE TABLE "${name}" (LIKE "${table}" INCLUDING DEFAULTS INCLUDING GENERATED)`);
      await client.query(`ALTER TABLE "${table}" ATTACH PARTITION "${name}" FOR VALUES FROM (${year}) TO (${year + 1})`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
