// Linking each new quote to the statement it reports, inside the article's transaction.
// The rule is isSameRemark (src/link/statements.ts); statements are the connected
// components of it. Every new quote is compared with the speaker's stored quotes near it
// in time, and a quote that matches quotes of several statements merges them, so
// ingesting articles one by one ends with the same statements as ingesting them at once.
import { dayNumber, shiftIsoDate } from "../extract/day-number.js";
import type { RemarkShape } from "../link/remark-similarity.js";
import { isSamePreparedRemark, prepareRemark, STATEMENT_ECHO_WINDOW_DAYS, STATEMENT_WINDOW_DAYS, type PreparedQuote } from "../link/statements.js";
import { yearOf, yearsBetween } from "./publication-years.js";
import { placeholders } from "./sql-rows.js";
import { echoKeys } from "./echo-keys.js";
import { QuoteShapes } from "./quote-shapes.js";
import type { Later, SqlWrites } from "./sql-archive.js";

/** A stored quote of a speaker of the article, which one of its quotes may be the same remark as. */
interface Candidate {
  id: number;
  speakerId: number;
  publishedOn: string | null;
  statementId: number | null;
  text: string;
}

const SHAPES_KEPT = 20_000;
const shapesByWriter = new WeakMap<SqlWrites, QuoteShapes>();

/** After a rollback: the quotes it took back may have their ids given again, to other quotes. */
export function forgetQuoteShapes(sql: SqlWrites): void {
  shapesByWriter.delete(sql);
}

function shapesOf(sql: SqlWrites): QuoteShapes {
  let shapes = shapesByWriter.get(sql);
  if (!shapes) shapesByWriter.set(sql, (shapes = new QuoteShapes(SHAPES_KEPT)));
  return shapes;
}

/** One of the article's quotes said by a person: what linking needs of it before it is stored. */
export interface QuoteToLink {
  /** Its place in the article, unique there: the stored quote is found again by it. */
  position: number;
  text: string;
  speakerId: number;
  /** The person's name as the article gives it (linking only asks that it is a name). */
  speaker: string;
}

/** Where one of the article's quotes goes: a stored statement, or one new to this article. */
type Target = { stored: number } | { fresh: FreshStatement };

interface FreshStatement {
  speakerId: number;
  /** Set when a later quote of the article joined it to a stored statement or an earlier new one. */
  mergedInto?: Target;
}

export interface StatementLinking {
  /**
   * Decides each quote's statement from the candidates read, merges stored statements a
   * quote joins together, and creates the statements the article brings (their ids come
   * back with the writer's next round trip).
   */
  decide(): Promise<StatementLinks>;
}

export interface StatementLinks {
  /** The statement of each quote, by its position (none for quotes not linked: no person said them). */
  statementIds(): Promise<(position: number) => number | undefined>;
  /** Once the article's quotes are stored with those statements: the statements' rows and the quotes' echo keys. */
  afterQuotesStored(articleId: number): Promise<void>;
}

/**
 * Links the article's attributed quotes to statements before they are stored, so that each
 * quote is written once, with its statement (updating a stored quote's statement wrote a new
 * version of the row and of each of its nine indexes on PostgreSQL, and left the old one for
 * VACUUM to find in every index). Asks for the candidates now (allLater: they go with the
 * writer's next round trip, which the article's story and id share), decides when asked;
 * what the quotes change in the statements they join is written by afterQuotesStored.
 */
export function linkStatements(sql: SqlWrites, quotes: readonly QuoteToLink[], publishedOn: string | null, outletId: number | null): StatementLinking {
  const year = yearOf(publishedOn);
  // One speaker (one person in the store) on both sides: only dates and wordings differ.
  const remarks = quotes.map((quote) => prepareRemark({ id: String(quote.position), speaker: quote.speaker, text: quote.text, publishedOn }));
  // A quote can be the same remark as its speaker's stored quotes of the days around it
  // (wordings that match) and, further away or undated, as those it shares a run of words
  // with (verbatim echoes, found by echo keys; a quote too short to echo has none). Both read once for all the article's quotes, which share its date, with their
  // texts (a read of its own for the texts cost a round trip). Comparing with every quote the
  // speaker gave in a year instead cost each article more as the archive grew.
  const keysOf = quotes.map((quote, i) => echoKeys(quote.speakerId, remarks[i].shape));
  const none: Later<Candidate[]> = { get: async () => [] };
  let nearRead = none;
  if (publishedOn && quotes.length) {
    const speakers = [...new Set(quotes.map((q) => q.speakerId))];
    const [from, to] = [shiftIsoDate(publishedOn, -STATEMENT_WINDOW_DAYS), shiftIsoDate(publishedOn, STATEMENT_WINDOW_DAYS)];
    // A placeholder a speaker, not an id list: SQLite's planner then reads the (speakerId,
    // publishedOn) index once per speaker; given json_each it read the whole window's quotes.
    nearRead = sql.allLater<Candidate>(
      `SELECT id, "speakerId", "publishedOn", "statementId", text FROM quotes WHERE "speakerId" IN (${placeholders(speakers.length)}) AND "statementId" IS NOT NULL
       AND "publishedOn" BETWEEN ? AND ? AND ${inYears(from, to)}`,
      ...speakers,
      from,
      to,
    );
  }
  const allKeys = [...new Set(keysOf.flat())];
  let echoRead = none;
  if (allKeys.length) {
    const [from, to] = publishedOn ? [shiftIsoDate(publishedOn, -STATEMENT_ECHO_WINDOW_DAYS), shiftIsoDate(publishedOn, STATEMENT_ECHO_WINDOW_DAYS)] : [null, null];
    // The years any candidate can be in: the echo window's, and the undated (year 0).
    const years = from && to ? inYears(from, to, "q.") : "TRUE";
    // Which of the article's quotes a stored quote shares a key with is not asked: a quote is
    // compared with every candidate of its speaker, and the comparison decides. (A remark
    // repeated a thousand times is a thousand candidates.) A stored quote shares several keys
    // with a quote it echoes, one for each window of runs in both, and is read once.
    // Each key's quote is looked for in its own year's partition only (a key keeps its quote's
    // date): asked for by id alone, each id was looked for in every year of the window
    // (PostgreSQL partitions quotes by year), three or four index probes a candidate.
    const keyList = sql.dialect.inKeyList("key", allKeys);
    const keys = sql.dialect.joinInOrder(
      `(SELECT DISTINCT "quoteId", "publishedOn" FROM quote_echo_keys WHERE ${keyList.sql}${from ? ` AND ("publishedOn" IS NULL OR "publishedOn" BETWEEN ? AND ?)` : ""}) k`,
      "quotes q",
      `q.id = k."quoteId" AND q."publishedYear" = coalesce(CAST(substr(k."publishedOn", 1, 4) AS INTEGER), 0)`,
    );
    echoRead = sql.allLater<Candidate>(
      `SELECT q.id, q."speakerId", q."publishedOn", q."statementId", q.text FROM ${keys} WHERE q."statementId" IS NOT NULL AND ${years}`,
      keyList.param,
      ...(from && to ? [from, to] : []),
    );
  }
  return { decide: async () => decide(sql, quotes, remarks, keysOf, await nearRead.get(), await echoRead.get(), publishedOn, outletId, year) };
}

async function decide(
  sql: SqlWrites,
  quotes: readonly QuoteToLink[],
  remarks: readonly PreparedQuote[],
  keysOf: readonly number[][],
  near: readonly Candidate[],
  echoes: readonly Candidate[],
  publishedOn: string | null,
  outletId: number | null,
  year: number,
): Promise<StatementLinks> {
  const shapes = shapesOf(sql);
  // Stored statements merged away while linking this article, to the statement each became.
  const mergedInto = new Map<number, number>();
  const storedNow = (statementId: number): number => {
    let id = statementId;
    while (mergedInto.has(id)) id = mergedInto.get(id)!;
    return id;
  };
  const targetNow = (target: Target): Target => {
    while ("fresh" in target && target.fresh.mergedInto) target = target.fresh.mergedInto;
    return "stored" in target ? { stored: storedNow(target.stored) } : target;
  };
  const targets: Target[] = [];
  // The article's quotes already placed, which the quotes after them are compared with too.
  const linked: { quote: QuoteToLink; shape: RemarkShape; target: Target }[] = [];
  const place = (i: number, target: Target) => {
    targets[i] = target;
    linked.push({ quote: quotes[i], shape: remarks[i].shape, target });
  };
  const freshStatement = (quote: QuoteToLink): Target => ({ fresh: { speakerId: quote.speakerId } });
  for (const [i, quote] of quotes.entries()) {
    const me = remarks[i];
    const mayEcho = keysOf[i].length > 0;
    if (!publishedOn && !mayEcho) {
      // Undated and shorter than a run: nothing stored it could be linked to.
      place(i, freshStatement(quote));
      continue;
    }
    const candidates = new Map<number, Candidate>();
    for (const c of near) if (c.speakerId === quote.speakerId) candidates.set(c.id, c);
    if (mayEcho) for (const c of echoes) if (c.speakerId === quote.speakerId) candidates.set(c.id, c);
    // One match is enough to join a statement: its other quotes are not compared.
    const stored = new Set<number>();
    const fresh = new Set<FreshStatement>();
    const matches = (day: number | null, shape: () => RemarkShape) => isSamePreparedRemark(me, { id: "", speaker: me.speaker, day, shape: shape() });
    for (const c of candidates.values()) {
      const statementId = storedNow(Number(c.statementId));
      if (!stored.has(statementId) && matches(dayNumber(c.publishedOn), () => shapes.shapeOf(c))) stored.add(statementId);
    }
    for (const c of linked) {
      if (c.quote.speakerId !== quote.speakerId) continue;
      const target = targetNow(c.target);
      const seen = "stored" in target ? stored.has(target.stored) : fresh.has(target.fresh);
      if (!seen && matches(me.day, () => c.shape)) {
        if ("stored" in target) stored.add(target.stored);
        else fresh.add(target.fresh);
      }
    }
    // A stored statement outlives the others (the one of the smallest id), and new ones
    // join it; among new ones only, the article's first.
    const [survivor, ...others] = [...stored].sort((a, b) => a - b);
    for (const id of others) mergedInto.set(id, survivor);
    const target: Target = survivor !== undefined ? { stored: survivor } : fresh.size ? { fresh: [...fresh][0] } : freshStatement(quote);
    for (const statement of fresh) if (statement !== ("fresh" in target ? target.fresh : null)) statement.mergedInto = target;
    place(i, target);
  }

  // Stored statements merged into another: their quotes move, and the survivor is counted again.
  const merged = [...mergedInto.keys()];
  const recounted = new Set(merged.map(storedNow));
  if (merged.length) {
    for (const [id, into] of mergedInto) await sql.run(`UPDATE quotes SET "statementId" = ? WHERE "statementId" = ?`, storedNow(into), id);
    await sql.run(`DELETE FROM statements WHERE id IN (${placeholders(merged.length)})`, ...merged);
  }
  // What each statement gains from the article: its quotes, in the article's order.
  const joining = new Map<number, QuoteToLink[]>();
  const created = new Map<FreshStatement, QuoteToLink[]>();
  for (const [i, quote] of quotes.entries()) {
    const target = targetNow(targets[i]);
    if ("stored" in target) joining.set(target.stored, [...(joining.get(target.stored) ?? []), quote]);
    else created.set(target.fresh, [...(created.get(target.fresh) ?? []), quote]);
  }
  const statementOf = new Map<number, number>();
  for (const [id, joined] of joining) for (const quote of joined) statementOf.set(quote.position, id);
  // A remark reported once is most of them: its row is written whole here.
  const creating = [...created].map(([statement, reports]) => ({
    reports,
    row: sql.allLater<{ id: number }>(
      `INSERT INTO statements ("speakerId", text, "firstReportedOn", "lastReportedOn", "reportCount", "outletCount") VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      statement.speakerId,
      fullest(reports).text,
      publishedOn,
      publishedOn,
      reports.length,
      outletId == null ? 0 : 1,
    ),
  }));

  return {
    async statementIds() {
      for (const { reports, row } of creating) {
        const [{ id }] = await row.get();
        for (const quote of reports) statementOf.set(quote.position, id);
      }
      return (position) => statementOf.get(position);
    },
    async afterQuotesStored(articleId) {
      for (const [id, joined] of joining) if (!recounted.has(id)) await joinStatement(sql, id, joined, articleId, publishedOn, outletId);
      for (const id of recounted) await refreshStatement(sql, id);
      // Keys to find these quotes as echoes of later ones, by their place in the article.
      const keyRows = quotes.flatMap((quote, i) => keysOf[i].map((key) => [key, quote.position]));
      for (let at = 0; at < keyRows.length; at += ECHO_KEY_ROWS) {
        const chunk = keyRows.slice(at, at + ECHO_KEY_ROWS);
        await sql.run(
          `INSERT INTO quote_echo_keys (key, "quoteId", "publishedOn")
           SELECT k.column1, q.id, q."publishedOn" FROM (VALUES ${chunk.map(() => "(CAST(? AS BIGINT), CAST(? AS INTEGER))").join(", ")}) AS k
           JOIN quotes q ON q."articleId" = ? AND q.position = k.column2 AND ${sql.dialect.inYearPartitions(`q."publishedYear"`, [year])}`,
          ...chunk.flat(),
          articleId,
        );
      }
    },
  };
}

/** Echo keys written a statement: few statement shapes to prepare, whatever the article's number of keys. */
const ECHO_KEY_ROWS = 32;

/** The quote whose text stands for the statement: the longest, the first of those as long. */
function fullest(quotes: readonly QuoteToLink[]): QuoteToLink {
  return quotes.reduce((best, quote) => (quote.text.length > best.text.length ? quote : best));
}

/** "publishedYear" within the years of `from` to `to`, or undated (year 0). */
function inYears(from: string, to: string, alias = ""): string {
  return `${alias}"publishedYear" IN (0, ${yearsBetween(yearOf(from), yearOf(to)).join(", ")})`;
}

// Quotes joining a statement change its row by themselves alone: recounting the statement's
// quotes, as refreshStatement does, cost a remark reported a thousand times a thousand rows
// for each new report. (The article's quotes have the largest ids of the statement, their
// speaker being locked while they are linked, so a text no longer than the one kept keeps its
// place.) All of them are of one article, and so of one outlet and one day.
async function joinStatement(sql: SqlWrites, id: number, quotes: readonly QuoteToLink[], articleId: number, publishedOn: string | null, outletId: number | null): Promise<void> {
  const text = fullest(quotes).text;
  const day = `CAST(? AS TEXT)`;
  await sql.run(
    `UPDATE statements SET
       text = CASE WHEN length(CAST(? AS TEXT)) > length(text) THEN CAST(? AS TEXT) ELSE text END,
       "firstReportedOn" = CASE WHEN ${day} IS NOT NULL AND ("firstReportedOn" IS NULL OR ${day} < "firstReportedOn") THEN ${day} ELSE "firstReportedOn" END,
       "lastReportedOn" = CASE WHEN ${day} IS NOT NULL AND ("lastReportedOn" IS NULL OR ${day} > "lastReportedOn") THEN ${day} ELSE "lastReportedOn" END,
       "reportCount" = "reportCount" + ?,
       "outletCount" = "outletCount" + CASE WHEN CAST(? AS INTEGER) IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM quotes WHERE "statementId" = ? AND "outletId" = CAST(? AS INTEGER) AND "articleId" <> ?) THEN 1 ELSE 0 END
     WHERE id = ?`,
    text,
    text,
    ...Array<string | null>(6).fill(publishedOn),
    quotes.length,
    outletId,
    id,
    outletId,
    articleId,
    id,
  );
}

// The fullest rendering stands for the statement (recounted only for a statement others were
// merged into: a new one is written whole, a joined one by joinStatement); counts and dates
// are kept on the row so lists of statements sort and filter without aggregating quotes.
// The counts and dates in one pass over the statement's quotes (a subquery each read them four
// times: 1.25 ms a refresh at a million articles), the text in a second.
async function refreshStatement(sql: SqlWrites, id: number): Promise<void> {
  await sql.run(
    `UPDATE statements SET
       text = (SELECT text FROM quotes WHERE "statementId" = ? ORDER BY length(text) DESC, id LIMIT 1),
       ("firstReportedOn", "lastReportedOn", "reportCount", "outletCount") =
         (SELECT min("publishedOn"), max("publishedOn"), count(*), count(DISTINCT "outletId") FROM quotes WHERE "statementId" = ?)
     WHERE id = ?`,
    ...Array<number>(3).fill(id),
  );
}
