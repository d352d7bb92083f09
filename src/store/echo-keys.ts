// quote_echo_keys (see QuoteEchoKey in schema.prisma): where a new quote finds the stored quotes
// of its speaker it may repeat verbatim, or that repeat it. Each run of ECHO_RUN_WORDS word
// stems of a quote is hashed with its speaker; of every ECHO_WINDOW_RUNS consecutive runs the
// lowest key is kept (winnowing), and a new quote looks up its own kept keys. Two quotes are a
// verbatim echo only if the shorter's words are a run of the longer's, at least a whole window
// of runs long: that window's kept key is in both, whichever came first. At a million
// articles each key written is an index page dirtied at a random place in a large file, so
// keeping one run in two instead of every run halves the pages the keys cost an ingest.
// Written with each quote by linkStatements; filled once for archives stored before the table
// (or after a migration that emptied it).
import { hash } from "node:crypto";
import Database from "better-sqlite3";
import { ECHO_WINDOW_RUNS, echoRuns, remarkShape, type RemarkShape } from "../link/remark-similarity.js";

/** 48 bits of each run's hash with the speaker, in the quote's order. */
function runKeys(speakerId: number, shape: RemarkShape): number[] {
  // 48 bits: exact in a JavaScript number and in both engines' 64-bit integers; a collision
  // only adds a candidate, which the comparison then turns down.
  // crypto.hash, not createHash: a dozen keys a quote, and a Hash object each cost ingest's
  // main thread about three times as much.
  return echoRuns(shape).map((run) => hash("sha1", `${speakerId}\u0000${run}`, "buffer").readUIntBE(0, 6));
}

/** The lowest of every `window` consecutive keys (the last of equal lowest ones), distinct. */
export function winnow(keys: readonly number[], window: number): number[] {
  const kept = new Set<number>();
  for (let start = 0; start + window <= keys.length; start++) {
    let lowest = start;
    for (let i = start + 1; i < start + window; i++) if (keys[i] <= keys[lowest]) lowest = i;
    kept.add(keys[lowest]);
  }
  return [...kept];
}

/**
 * A quote's echo keys by `speakerId` of word shape `shape`, none for a quote too short to echo:
 * written with the quote, and looked up by it. A window of runs inside both quotes of an echo
 * keeps the same key in each, so the keys a quote looks up are its own, not all its runs.
 */
export function echoKeys(speakerId: number, shape: RemarkShape): number[] {
  return winnow(runKeys(speakerId, shape), ECHO_WINDOW_RUNS);
}

export interface KeyedQuote {
  id: number;
  speakerId: number;
  text: string;
  publishedOn: string | null;
}

/** Rows of quote_echo_keys (key, quoteId, publishedOn) for `quotes`. */
export function echoKeyRows(quotes: readonly KeyedQuote[]): [number, number, string | null][] {
  return quotes.flatMap((q) => echoKeys(q.speakerId, remarkShape(q.text)).map((key) => [key, q.id, q.publishedOn] as [number, number, string | null]));
}

// Quotes keyed a page at a time (a connection cannot write while it iterates a read).
export const BACKFILL_PAGE = 2_000;
export const BACKFILL_NEEDED = `SELECT EXISTS (SELECT 1 FROM quotes WHERE "speakerId" IS NOT NULL AND "statementId" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM quote_echo_keys) AS missing`;
export const BACKFILL_PAGE_SQL = `SELECT id, "speakerId", text, "publishedOn" FROM quotes WHERE "speakerId" IS NOT NULL AND id > ? ORDER BY id LIMIT ${BACKFILL_PAGE}`;

/** Fills quote_echo_keys of a SQLite archive that has linked quotes but no keys; returns how many quotes it read. */
export function fillMissingEchoKeys(path: string): number {
  const db = new Database(path, { timeout: 10_000 });
  try {
    if (!(db.prepare(BACKFILL_NEEDED).get() as { missing: number }).missing) return 0;
    const insert = db.prepare(`INSERT OR IGNORE INTO quote_echo_keys (key, "quoteId", "publishedOn") VALUES (?, ?, ?)`);
    const page = db.prepare(BACKFILL_PAGE_SQL);
    let read = 0;
    db.transaction(() => {
      for (let after = 0; ; ) {
        const quotes = page.all(after) as KeyedQuote[];
        if (!quotes.length) break;
        for (const row of echoKeyRows(quotes)) insert.run(...row);
        read += quotes.length;
        after = quotes[quotes.length - 1].id;
      }
    }).immediate();
    return read;
  } finally {
    db.close();
  }
}
