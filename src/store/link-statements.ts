// Linking each new quote to the statement it reports, inside the article's transaction.
// The rule is isSameRemark (src/link/statements.ts); statements are the connected
// components of it. Every new quote is compared with the speaker's stored quotes near it
// in time, and a quote that matches quotes of several statements merges them, so
// ingesting articles one by one ends with the same statements as ingesting them at once.
import { dayNumber, shiftIsoDate } from "../extract/day-number.js";
import { ECHO_MIN_WORDS, remarkShape, type RemarkShape } from "../link/remark-similarity.js";
import { isSamePreparedRemark, prepareRemark, STATEMENT_ECHO_WINDOW_DAYS, STATEMENT_WINDOW_DAYS } from "../link/statements.js";
import { yearOf, yearsBetween } from "./publication-years.js";
import { placeholders } from "./sql-rows.js";
import type { SqlWrites } from "./sql-archive.js";

interface QuoteRow {
  id: number;
  publishedOn: string | null;
  statementId: number | null;
}

// A quote is compared with its speaker's quotes of a year around it (verbatim echoes), so
// the quotes of a much-quoted speaker are candidates again and again: their word shapes
// are kept (a quote's text never changes), the most recently used first, and their texts
// are read only when not kept. Bounded: ~2 KB a shape. Kept per connection (ids are an
// archive's), and never for quotes of the article being linked: a file that fails rolls
// back to its savepoint, and its quotes' ids go to the next file's quotes.
const SHAPES_KEPT = 20_000;
const shapesByWriter = new WeakMap<SqlWrites, Map<number, RemarkShape>>();

async function shapesOf(sql: SqlWrites, ids: number[], articleId: number, years: string): Promise<Map<number, RemarkShape>> {
  let shapes = shapesByWriter.get(sql);
  if (!shapes) shapesByWriter.set(sql, (shapes = new Map()));
  const found = new Map<number, RemarkShape>();
  const missing: number[] = [];
  for (const id of ids) {
    const shape = shapes.get(id);
    if (shape === undefined) missing.push(id);
    else {
      shapes.delete(id); // to the back: recently used
      shapes.set(id, shape);
      found.set(id, shape);
    }
  }
  if (missing.length) {
    const inList = sql.dialect.inIdList("id", missing);
    const rows = await sql.all<{ id: number; text: string; articleId: number }>(`SELECT id, text, "articleId" FROM quotes WHERE ${inList.sql} AND ${years}`, inList.param);
    for (const row of rows) {
      const shape = remarkShape(row.text);
      found.set(row.id, shape);
      if (row.articleId !== articleId) shapes.set(row.id, shape);
    }
    for (const id of shapes.keys()) {
      if (shapes.size <= SHAPES_KEPT) break;
      shapes.delete(id);
    }
  }
  return found;
}

interface Candidate extends QuoteRow {
  speakerId: number;
}

/** Gives every attributed quote of the article a statement, creating or merging statements as needed. */
export async function linkStatements(sql: SqlWrites, articleId: number, publishedOn: string | null): Promise<void> {
  const year = yearOf(publishedOn);
  const fresh = await sql.all<{ id: number; text: string; publishedOn: string | null; outletId: number | null; speakerId: number; speaker: string }>(
    `SELECT q.id, q.text, q."publishedOn", q."outletId", q."speakerId", p.name AS speaker FROM quotes q JOIN people p ON p.id = q."speakerId"
     WHERE q."articleId" = ? AND q."publishedYear" = ? ORDER BY q.position`,
    articleId,
    year,
  );
  if (!fresh.length) return;
  // One speaker (one person in the store) on both sides: only dates and wordings differ.
  const remarks = fresh.map((quote) => prepareRemark({ id: String(quote.id), speaker: quote.speaker, text: quote.text, publishedOn: quote.publishedOn }));
  // Only a quote of a sentence's length can be a verbatim echo (it is then the shorter
  // side, or the longer); a shorter one links only within the near window, and an
  // undated one, which links only as an echo, to nothing.
  const windows = remarks.map((me) => (me.shape.stems.length >= ECHO_MIN_WORDS ? STATEMENT_ECHO_WINDOW_DAYS : STATEMENT_WINDOW_DAYS));

  // The stored quotes any of the article's quotes can be compared with, read at once (its
  // quotes share its date): those of its speakers in the widest window any of them has.
  const widest = Math.max(...windows);
  const speakers = [...new Set(fresh.filter((_, i) => publishedOn != null || windows[i] === STATEMENT_ECHO_WINDOW_DAYS).map((q) => q.speakerId))];
  const [from, to] = publishedOn ? [shiftIsoDate(publishedOn, -widest), shiftIsoDate(publishedOn, widest)] : [null, null];
  // The years the candidates can be in: the window's, and the undated (year 0).
  const years = from && to ? `"publishedYear" IN (0, ${yearsBetween(yearOf(from), yearOf(to)).join(", ")})` : "TRUE";
  let stored: Candidate[] = [];
  if (speakers.length) {
    const ofSpeakers = sql.dialect.inIdList(`"speakerId"`, speakers);
    // The article's own quotes have no statement yet, so "statementId" IS NOT NULL leaves them out.
    stored = from
      ? await sql.all<Candidate>(
          `SELECT id, "speakerId", "publishedOn", "statementId" FROM quotes WHERE ${ofSpeakers.sql} AND "statementId" IS NOT NULL
           AND ("publishedOn" IS NULL OR "publishedOn" BETWEEN ? AND ?) AND ${years}`,
          ofSpeakers.param,
          from,
          to,
        )
      : await sql.all<Candidate>(`SELECT id, "speakerId", "publishedOn", "statementId" FROM quotes WHERE ${ofSpeakers.sql} AND "statementId" IS NOT NULL`, ofSpeakers.param);
  }
  const shapeOf = await shapesOf(sql, stored.map((c) => c.id), articleId, years);

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
    const window = windows[i];
    let candidates: Candidate[] = [];
    if (publishedOn) {
      const [first, last] = [shiftIsoDate(publishedOn, -window), shiftIsoDate(publishedOn, window)];
      candidates = stored.filter((c) => c.speakerId === quote.speakerId && (c.publishedOn == null || (c.publishedOn >= first && c.publishedOn <= last)));
    } else if (window === STATEMENT_ECHO_WINDOW_DAYS) {
      candidates = stored.filter((c) => c.speakerId === quote.speakerId);
    } else {
      linked.push({ ...quote, shape: me.shape, statementId: await newStatement(sql, quote, year) });
      continue;
    }
    const ownEarlier = linked.filter((c) => c.speakerId === quote.speakerId);
    const matched = [
      ...new Set(
        [
          ...candidates.filter((c) => isSamePreparedRemark(me, { id: String(c.id), speaker: me.speaker, day: dayNumber(c.publishedOn), shape: shapeOf.get(c.id)! })),
          ...ownEarlier.filter((c) => isSamePreparedRemark(me, { id: String(c.id), speaker: me.speaker, day: dayNumber(c.publishedOn), shape: c.shape })),
        ].map((c) => current(Number(c.statementId))),
      ),
    ].sort((a, b) => a - b);

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
    await sql.run(`UPDATE quotes SET "statementId" = ? WHERE id = ? AND "publishedYear" = ?`, statementId, quote.id, year);
    linked.push({ ...quote, shape: me.shape, statementId });
    touched.add(statementId);
  }
  for (const id of touched) await refreshStatement(sql, id);
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
  await sql.run(`UPDATE quotes SET "statementId" = ? WHERE id = ? AND "publishedYear" = ?`, statementId, quote.id, year);
  return statementId;
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
