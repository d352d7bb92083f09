// Reads are sent as named statements: each connection parses and plans a statement once and
// keeps the plan, where an unnamed one was planned on every request. With articles and quotes
// partitioned by year, planning a statement over them cost about 5 ms, against a fraction of
// a millisecond to run it; a kept plan prunes partitions as it runs, from its parameters.
import { createHash } from "node:crypto";
import type pg from "pg";

const names = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/** A read as a statement prepared on every connection under a hash of its text (the same text is the same statement). */
export function readQuery(text: string, values: unknown[]): pg.QueryConfig {
  return { name: statementName(text), text, values };
}

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `r${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (names.size >= MAX_REMEMBERED) names.clear();
    names.set(text, name);
  }
  return name;
}
