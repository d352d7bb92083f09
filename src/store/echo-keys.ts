// quote_echo_keys (see QuoteEchoKey in schema.prisma): a quote's runs of ECHO_MIN_WORDS word
// stems, each hashed with its speaker. Two quotes of one speaker are a verbatim echo only if the
// shorter's words are a run of the longer's, so the longer has the shorter's first run among
// its runs. A key's lowest bit marks its quote's first run, and a new quote looks up the first
// runs among its own runs (stored quotes it may contain) and every run equal to its own first
// (stored quotes that may contain it): not every stored quote it shares any run with. A remark
// repeated in many articles shares about ten keys with each of them, and reading them all was
// the costliest read of a PostgreSQL ingest.
// Written with each quote by linkStatements; filled once for archives stored before the table.
import { hash } from "node:crypto";
import Database from "better-sqlite3";
import { echoRunKeys, remarkShape, type RemarkShape } from "../link/remark-similarity.js";

/** The lowest bit of a key: set on a quote's first run. */
const FIRST_RUN = 1;

/** 48 bits of the run's hash with the speaker, the lowest bit left for FIRST_RUN. */
function runKeys(speakerId: number, shape: RemarkShape): number[] {
  // 48 bits: exact in a JavaScript number and in both engines' 64-bit integers; a collision
  // only adds a candidate, which the comparison then turns down.
  // crypto.hash, not createHash: a dozen keys a quote, and a Hash object each cost ingest's
  // main thread about three times as much.
  return echoRunKeys(shape).map((run) => {
    const key = hash("sha1", `${speakerId}\u0000${run}`, "buffer").readUIntBE(0, 6);
    return key - (key % 2);
  });
}

/** The echo keys stored for a quote by `speakerId` of word shape `shape`, its first run marked (none for a quote shorter than a run). */
export function echoKeys(speakerId: number, shape: RemarkShape): number[] {
  return runKeys(speakerId, shape).map((key, i) => (i === 0 ? key + FIRST_RUN : key));
}

/**
 * The keys a new quote with stored keys `keys` (echoKeys) looks up for the stored quotes it may
 * be a verbatim echo of: each of its runs as a first run, and its own first run as any run.
 */
export function echoLookupKeys(keys: readonly number[]): number[] {
  if (!keys.length) return [];
  const [first, ...others] = keys;
  return [first - FIRST_RUN, first, ...others.map((key) => key + FIRST_RUN)];
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
