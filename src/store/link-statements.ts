// Linking each new quote to the statement it reports, inside the article's transaction.
// The rule is isSameRemark (src/link/statements.ts); statements are the connected
// components of it. Every new quote is compared with the speaker's stored quotes near it
// in time, and a quote that matches quotes of several statements merges them, so
// ingesting articles one by one ends with the same statements as ingesting them at once.
import { dayNumber, shiftIsoDate } from "../extract/day-number.js";
import type { RemarkShape } from "../link/remark-similarity.js";
import { isSamePreparedRemark, prepareRemark, STATEMENT_ECHO_WINDOW_DAYS, STATEMENT_WINDOW_DAYS } from "../link/statements.js";
import { yearOf, yearsBetween } from "./publication-years.js";
import { placeholders } from "./sql-rows.js";
import { echoKeys } from "./echo-keys.js";
import { insertRows } from "./insert-rows.js";
import { QuoteShapes, type QuoteText } from "./quote-shapes.js";
import type { SqlWrites } from "./sql-archive.js";

interface QuoteRow {
  id: number;
  publishedOn: string | null;
  statementId: number | null;
}

const SHAPES_KEPT = 20_000;
const shapesByWriter = new WeakMap<SqlWrites, QuoteShapes>();

function shapesOf(sql: SqlWrites, ids: number[], articleId: number, years: string): Promise<(id: number) => RemarkShape> {
  let shapes = shapesByWriter.get(sql);
  if (!shapes) shapesByWriter.set(sql, (shapes = new QuoteShapes(SHAPES_KEPT)));
  return shapes.forArticle(ids, articleId, (missing) => {
    const inList = sql.dialect.inIdList("id", missing);
    return sql.all<QuoteText>(`SELECT id, text, "articleId" FROM quotes WHERE ${inList.sql} AND ${years}`, inList.param);
  });
}

interface Candidate extends QuoteRow {
  speakerId: number;
}

/** Gives every attributed quote of the article a statement, creating or merging statements as needed. */
export async function linkStatements(sql: SqlWrites, articleId: number, publishedOn: string | null): Promise<void> {
  const year = yearOf(publishedOn);
  const fresh = await sql.all<{ id: number; text: string; publishedOn: string | null; outletId: number | null; speakerId: number; speaker: string }>(
    `SELECT q.id, q.text, q."publishedOn", q."outletId", q."speakerId", p.name AS speaker FROM quotes q JOIN people p ON p.id = q."speakerId"
     WHERE q."articleId" = ? AND ${sql.dialect.inYearPartitions(`q."publishedYear"`, [year])} ORDER BY q.position`,
    articleId,
  );
  if (!fresh.length) return;
  // One speaker (one person in the store) on both sides: only dates and wordings differ.
  const remarks = fresh.map((quote) => prepareRemark({ id: String(quote.id), speaker: quote.speaker, text: quote.text, publishedOn: quote.publishedOn }));
  // A quote can be the same remark as its speaker's stored quotes of the days around it
  // (wordings that match) and, further away or undated, as those it shares a run of words
  // with (verbatim echoes, found by echo keys; a quote shorter than a run has none and is no
  // echo). Both read once for all the article's quotes, which share its date. Comparing with
  // every quote the speaker gave in a year instead cost each article more as the archive grew.
  const keysOf = fresh.map((quote, i) => echoKeys(quote.speakerId, remarks[i].shape));
  let near: Candidate[] = [];
  if (publishedOn) {
    const speakers = [...new Set(fresh.map((q) => q.speakerId))];
    const [from, to] = [shiftIsoDate(publishedOn, -STATEMENT_WINDOW_DAYS), shiftIsoDate(publishedOn, STATEMENT_WINDOW_DAYS)];
    // A placeholder a speaker, not an id list: SQLite's planner then reads the (speakerId,
    // publishedOn) index once per speaker; given json_each it read the whole window's quotes.
    near = await sql.all<Candidate>(
      `SELECT id, "speakerId", "publishedOn", "statementId" FROM quotes WHERE "speakerId" IN (${placeholders(speakers.length)}) AND "statementId" IS NOT NULL
       AND "publishedOn" BETWEEN ? AND ? AND ${inYears(from, to)}`,
      ...speakers,
      from,
      to,
    );
  }
  const [from, to] = publishedOn ? [shiftIsoDate(publishedOn, -STATEMENT_ECHO_WINDOW_DAYS), shiftIsoDate(publishedOn, STATEMENT_ECHO_WINDOW_DAYS)] : [null, null];
  // The years any candidate can be in: the echo window's, and the undated (year 0).
  const years = from && to ? inYears(from, to) : "TRUE";
  const allKeys = [...new Set(keysOf.flat())];
  let echoes: Candidate[] = [];
  if (allKeys.length) {
    // Which of the article's quotes a stored quote shares a key with is not asked: a quote is
    // compared with every candidate of its speaker, and the comparison decides. (A remark
    // repeated a thousand times shares a key with a thousand quotes, each under a dozen keys.)
    const keyList = sql.dialect.inKeyList("key", allKeys);
    const keyed = `SELECT "quoteId" FROM quote_echo_keys WHERE ${keyList.sql}${from ? ` AND ("publishedOn" IS NULL OR "publishedOn" BETWEEN ? AND ?)` : ""}`;
    echoes = await sql.all<Candidate>(
      `SELECT id, "speakerId", "publishedOn", "statementId" FROM quotes WHERE ${sql.dialect.inSubquery("id", keyed)} AND "statementId" IS NOT NULL AND ${years}`,
      keyList.param,
      ...(from && to ? [from, to] : []),
    );
  }
  const shapeOf = await shapesOf(sql, [...new Set([...near, ...echoes].map((c) => c.id))], articleId, years);

  // Statements merged away while linking this article, to the statement each became.
  const mergedInto = new Map<number, number>();
  const current = (statementId: number): number => {
    let id = statementId;
    while (mergedInto.has(id)) id = mergedInto.get(id)!;
    return id;
  };
  // The article's quotes already linked, which the quotes after them are compared with too.
  const linked: (Candidate & { shape: RemarkShape })[] = [];
  const touched = new Set<number>();
  for (const [i, quote] of fresh.entries()) {
    const me = remarks[i];
    const mayEcho = keysOf[i].length > 0;
    if (!publishedOn && !mayEcho) {
      // Undated and shorter than a run: nothing it could be linked to.
      linked.push({ ...quote, shape: me.shape, statementId: await newStatement(sql, quote, year) });
      continue;
    }
    const candidates = new Map<number, Candidate>();
    for (const c of near) if (c.speakerId === quote.speakerId) candidates.set(c.id, c);
    if (mayEcho) for (const c of echoes) if (c.speakerId === quote.speakerId) candidates.set(c.id, c);
    // One match is enough to join a statement: its other quotes are not compared.
    const joined = new Set<number>();
    const compare = (c: Candidate, shape: () => RemarkShape) => {
      const statementId = current(Number(c.statementId));
      if (!joined.has(statementId) && isSamePreparedRemark(me, { id: String(c.id), speaker: me.speaker, day: dayNumber(c.publishedOn), shape: shape() })) joined.add(statementId);
    };
    for (const c of candidates.values()) compare(c, () => shapeOf(c.id));
    for (const c of linked) if (c.speakerId === quote.speakerId) compare(c, () => c.shape);
    const matched = [...joined].sort((a, b) => a - b);

    if (!matched.length) {
      linked.push({ ...quote, shape: me.shape, statementId: await newStatement(sql, quote, year) });
      continue;
    }
    const [statementId, ...merged] = matched;
    if (merged.length) {
      await sql.run(`UPDATE quotes SET "statementId" = ? WHERE "statementId" IN (${placeholders(merged.length)})`, statementId, ...merged);
      await sql.run(`DELETE FROM statements WHERE id IN (${placeholders(merged.length)})`, ...merged);
      for (const id of merged) {
        touched.delete(id);
        mergedInto.set(id, statementId);
      }
    }
    await sql.run(`UPDATE quotes SET "statementId" = ? WHERE id = ? AND ${sql.dialect.inYearPartitions(`"publishedYear"`, [year])}`, statementId, quote.id);
    linked.push({ ...quote, shape: me.shape, statementId });
    if (merged.length) touched.add(statementId);
    else await joinStatement(sql, statementId, quote);
  }
  for (const id of touched) await refreshStatement(sql, id);
  await insertRows(sql, `quote_echo_keys (key, "quoteId", "publishedOn")`, fresh.flatMap((quote, i) => keysOf[i].map((key) => [key, quote.id, quote.publishedOn])), ` ON CONFLICT DO NOTHING`);
}

/** "publishedYear" within the years of `from` to `to`, or undated (year 0). */
function inYears(from: string, to: string, alias = ""): string {
  return `${alias}"publishedYear" IN (0, ${yearsBetween(yearOf(from), yearOf(to)).join(", ")})`;
}

/** A statement of the one quote (a remark reported once: its row is complete as written; most quotes are such). */
async function newStatement(sql: SqlWrites, quote: { id: number; text: string; publishedOn: string | null; outletId: number | null; speakerId: number }, year: number): Promise<number> {
  const { id: statementId } = (await sql.get<{ id: number }>(
    `INSERT INTO statements ("speakerId", text, "firstReportedOn", "lastReportedOn", "reportCount", "outletCount") VALUES (?, ?, ?, ?, 1, ?) RETURNING id`,
    quote.speakerId,
    quote.text,
    quote.publishedOn,
    quote.publishedOn,
    quote.outletId == null ? 0 : 1,
  ))!;
  await sql.run(`UPDATE quotes SET "statementId" = ? WHERE id = ? AND ${sql.dialect.inYearPartitions(`"publishedYear"`, [year])}`, statementId, quote.id);
  return statementId;
}

// A quote joining a statement changes its row by itself alone: recounting the statement's
// quotes, as refreshStatement does, cost a remark reported a thousand times a thousand rows
// for each new report. (A quote's id is the largest of its statement, its speaker being
// locked while it is linked, so a text no longer than the one kept keeps its place.)
async function joinStatement(sql: SqlWrites, id: number, quote: { id: number; text: string; publishedOn: string | null; outletId: number | null }): Promise<void> {
  const day = `CAST(? AS TEXT)`;
  await sql.run(
    `UPDATE statements SET
       text = CASE WHEN length(CAST(? AS TEXT)) > length(text) THEN CAST(? AS TEXT) ELSE text END,
       "firstReportedOn" = CASE WHEN ${day} IS NOT NULL AND ("firstReportedOn" IS NULL OR ${day} < "firstReportedOn") THEN ${day} ELSE "firstReportedOn" END,
       "lastReportedOn" = CASE WHEN ${day} IS NOT NULL AND ("lastReportedOn" IS NULL OR ${day} > "lastReportedOn") THEN ${day} ELSE "lastReportedOn" END,
       "reportCount" = "reportCount" + 1,
       "outletCount" = "outletCount" + CASE WHEN CAST(? AS INTEGER) IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM quotes WHERE "statementId" = ? AND "outletId" = CAST(? AS INTEGER) AND id <> ?) THEN 1 ELSE 0 END
     WHERE id = ?`,
    quote.text,
    quote.text,
    ...Array<string | null>(6).fill(quote.publishedOn),
    quote.outletId,
    id,
    quote.outletId,
    quote.id,
    id,
  );
}

// The fullest rendering stands for the statement (recounted only for statements a quote
// joined or merged: a new one is written whole); counts and dates are kept on the row
// so lists of statements sort and filter without aggregating quotes.
async function refreshStatement(sql: SqlWrites, id: number): Promise<void> {
  await sql.run(
    `UPDATE statements SET
       text = (SELECT text FROM quotes WHERE "statementId" = ? ORDER BY length(text) DESC, id LIMIT 1),
       "firstReportedOn" = (SELECT min("publishedOn") FROM quotes WHERE "statementId" = ?),
       "lastReportedOn" = (SELECT max("publishedOn") FROM quotes WHERE "statementId" = ?),
       "reportCount" = (SELECT count(*) FROM quotes WHERE "statementId" = ?),
       "outletCount" = (SELECT count(DISTINCT "outletId") FROM quotes WHERE "statementId" = ?)
     WHERE id = ?`,
    ...Array<number>(6).fill(id),
  );
}
