// Relay cursor connections: page arguments checked once, cursors made opaque, edges built.
import type { KeyValue, Page, PageRequest } from "../store/store.js";
import { badUserInput } from "./errors.js";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface EdgeResult<T> {
  cursor: string;
  node: T;
  count?: number | null;
}

export interface PageInfoResult {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionResult<T> {
  edges: EdgeResult<T>[];
  pageInfo: PageInfoResult;
  /** Counted only when a client asks for it. */
  totalCount: () => Promise<number>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * A cursor holds the sort key of a row and the name of the list it came from, so a cursor
 * from one list (or one order) is refused by another instead of silently paging wrong.
 */
export function encodeCursor(list: string, key: KeyValue[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString("base64url");
}

function decodeCursor(list: string, keyLength: number, cursor: string, argument: string): KeyValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed[0] === list &&
    parsed.length === keyLength + 1 &&
    parsed.slice(1).every((v) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)));
  if (!valid) {
    throw badUserInput(`\`${argument}\` is not a cursor from this list: pass a cursor exactly as this connection returned it.`, {
      argument,
    });
  }
  return (parsed as KeyValue[]).slice(1);
}

function checkSize(value: number | null | undefined, argument: string): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}. Page through longer lists with cursors.`, {
      argument,
    });
  }
}

/** Checks Relay page arguments and turns cursors back into sort keys for the store. */
export function pageRequest(args: PageArgs, list: string, keyLength: number): PageRequest {
  checkSize(args.first, "first");
  checkSize(args.last, "last");
  if (args.first != null && args.last != null) {
    throw badUserInput("Pass `first` or `last`, not both: one page is read in one direction.", { argument: "last" });
  }
  return {
    first: args.last == null ? (args.first ?? DEFAULT_PAGE_SIZE) : null,
    last: args.last ?? null,
    after: args.after != null ? decodeCursor(list, keyLength, args.after, "after") : null,
    before: args.before != null ? decodeCursor(list, keyLength, args.before, "before") : null,
  };
}

/** A connection over one page of store rows. */
export function toConnection<T, N = T>(
  page: Page<T>,
  list: string,
  keyOf: (row: T) => KeyValue[],
  totalCount: () => Promise<number>,
  toEdge: (row: T) => { node: N; count?: number | null } = (row) => ({ node: row as unknown as N }),
): ConnectionResult<N> {
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(list, keyOf(row)), ...toEdge(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
