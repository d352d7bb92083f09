// SQL conditions for the filters the API offers. Names a user gives (outlet names or
// slugs, person slugs or any alias slug, topic slugs or names) are resolved inside the
// query, so a filter costs one statement however many names it lists.
import type { KeyValue } from "./keyset.js";
import { placeholders } from "./sql-rows.js";

export interface DateRange {
  publishedAfter?: string | null; // inclusive, YYYY-MM-DD
  publishedBefore?: string | null; // inclusive
}

/** Conditions collected for one query, with their parameters in order. */
export class Conditions {
  readonly sql: string[] = [];
  readonly params: KeyValue[] = [];

  add(sql: string, ...params: KeyValue[]): void {
    this.sql.push(sql);
    this.params.push(...params);
  }

  where(extra?: string | null): string {
    const all = extra ? [...this.sql, extra] : this.sql;
    return all.length ? `WHERE ${all.join(" AND ")}` : "";
  }
}

const lower = (names: string[]) => names.map((n) => n.trim().toLowerCase());

export function outletIdsIn(names: string[]): [string, KeyValue[]] {
  const ns = lower(names);
  return [`SELECT id FROM outlets WHERE slug IN (${placeholders(ns.length)}) OR lower(name) IN (${placeholders(ns.length)})`, [...ns, ...ns]];
}

// A person may be addressed by any spelling seen: "volodymyr-zelenskiy" finds Zelensky.
export function personIdsIn(slugs: string[]): [string, KeyValue[]] {
  const ss = lower(slugs);
  return [
    `SELECT id FROM people WHERE slug IN (${placeholders(ss.length)}) UNION SELECT personId FROM person_aliases WHERE slug IN (${placeholders(ss.length)})`,
    [...ss, ...ss],
  ];
}

export function topicIdsIn(names: string[]): [string, KeyValue[]] {
  const ns = lower(names);
  return [`SELECT id FROM topics WHERE slug IN (${placeholders(ns.length)}) OR lower(name) IN (${placeholders(ns.length)})`, [...ns, ...ns]];
}

export function addDateRange(c: Conditions, column: string, range: DateRange): void {
  if (range.publishedAfter) c.add(`${column} >= ?`, range.publishedAfter);
  if (range.publishedBefore) c.add(`${column} <= ?`, range.publishedBefore);
}
