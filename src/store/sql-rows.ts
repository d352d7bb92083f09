import type { Store } from "./open-store.js";

type SqlValue = string | number | null;

/**
 * Runs hand-written SQL through Prisma and returns plain rows. SQLite integers come back
 * from raw queries as BigInt; every number we store fits a double, so they become numbers.
 */
export async function sqlRows<T>(store: Store, sql: string, params: SqlValue[] = []): Promise<T[]> {
  const rows = (await store.prisma.$queryRawUnsafe(sql, ...params)) as Record<string, unknown>[];
  for (const row of rows) {
    for (const key in row) if (typeof row[key] === "bigint") row[key] = Number(row[key]);
  }
  return rows as T[];
}

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}
