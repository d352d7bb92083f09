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

/** Gives every attributed quote of the article a statement, creating or merging statements as needed. */
export async function linkStatements(sql: SqlWrites, articleId: number, publishedOn: string | null): Promise<void> {
  const year = yearOf(publishedOn);
  const fresh = await sql.all<{ id: number; text: string; publishedOn: string | null; outletId: number | null; speakerId: number; speaker: string }>(
    `SELECT q.id, q.text, q."publishedOn", q."outletId", q."speakerId", p.name AS speaker FROM quotes q JOIN people p ON p.id = q."speakerId"
     WHERE q."articleId" = ? AND q."publishedYear" = ? ORDER BY q.position`,
    articleId,
    year,
  );
  const touched = new Set<number>();
  for (const quote of fresh) {
    const speaker = quote.speaker;
    // One speaker (one person in the store) on both sides: only dates and wordings differ.
    const me = prepareRemark({ id: String(quote.id), speaker, text: quote.text, publishedOn: quote.publishedOn });
    // Only a quote of a sentence's length can be a verbatim echo (it is then the shorter
    // side, or the longer); a shorter one links only within the near window, and an
    // undated one, which links only as an echo, to nothing.
    const window = me.shape.stems.length >= ECHO_MIN_WORDS ? STATEMENT_ECHO_WINDOW_DAYS : STATEMENT_WINDOW_DAYS;
    const [from, to] = quote.publishedOn ? [shiftIsoDate(quote.publishedOn, -window), shiftIsoDate(quote.publishedOn, window)] : [null, null];
    // The years the candidates can be in: the window's, and the undated (year 0).
    const years = from && to ? `"publishedYear" IN (0, ${yearsBetween(yearOf(from), yearOf(to)).join(", ")})` : "TRUE";
    const candidates = quote.publishedOn
      ? await sql.all<QuoteRow>(
          `SELECT id, "publishedOn", "statementId" FROM quotes WHERE "speakerId" = ? AND id <> ? AND "statementId" IS NOT NULL
           AND ("publishedOn" IS NULL OR "publishedOn" BETWEEN ? AND ?) AND ${years}`,
          quote.speakerId,
          quote.id,
          from,
          to,
        )
      : window === STATEMENT_ECHO_WINDOW_DAYS
        ? await sql.all<QuoteRow>(`SELECT id, "publishedOn", "statementId" FROM quotes WHERE "speakerId" = ? AND id <> ? AND "statementId" IS NOT NULL`, quote.speakerId, quote.id)
        : [];
    const shapeOf = await shapesOf(sql, candidates.map((c) => c.id), articleId, years);
    const matched = [
      ...new Set(
        candidates
          .filter((c) => isSamePreparedRemark(me, { id: String(c.id), speaker: me.speaker, day: dayNumber(c.publishedOn), shape: shapeOf.get(c.id)! }))
          .map((c) => Number(c.statementId)),
      ),
    ].sort((a, b) => a - b);

    if (!matched.length) {
      // A remark reported once: its row is complete as written (most quotes are such).
      const { id: statementId } = (await sql.get<{ id: number }>(
        `INSERT INTO statements ("speakerId", text, "firstReportedOn", "lastReportedOn", "reportCount", "outletCount") VALUES (?, ?, ?, ?, 1, ?) RETURNING id`,
        quote.speakerId,
        quote.text,
        quote.publishedOn,
        quote.publishedOn,
        quote.outletId == null ? 0 : 1,
      ))!;
      await sql.run(`UPDATE quotes SET "statementId" = ? WHERE id = ? AND "publishedYear" = ?`, statementId, quote.id, year);
      continue;
    }
    const [statementId, ...merged] = matched;
    if (merged.length) {
      await sql.run(`UPDATE quotes SET "statementId" = ? WHERE "statementId" IN (${placeholders(merged.length)})`, statementId, ...merged);
      await sql.run(`DELETE FROM statements WHERE id IN (${placeholders(merged.length)})`, ...merged);
      for (const id of merged) touched.delete(id);
    }
    await sql.run(`UPDATE quotes SET "statementId" = ? WHERE id = ? AND "publishedYear" = ?`, statementId, quote.id, year);
    touched.add(statementId);
  }
  for (const id of touched) await refreshStatement(sql, id);
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
