// Linking each new quote to the statement it reports, inside the article's transaction.
// The rule is isSameRemark (src/ingest/statements.ts); statements are the connected
// components of it. Every new quote is compared with the speaker's stored quotes near it
// in time, and a quote that matches quotes of several statements merges them, so
// ingesting articles one by one ends with the same statements as ingesting them at once.
import { isSameRemark, STATEMENT_ECHO_WINDOW_DAYS } from "../ingest/statements.js";
import { shiftIsoDate } from "../ingest/day-number.js";
import { placeholders } from "./sql-rows.js";
import type { SqlWriter } from "./sql-writer.js";

interface QuoteRow {
  id: number;
  text: string;
  publishedOn: string | null;
  statementId: number | null;
}

/** Gives every attributed quote of the article a statement, creating or merging statements as needed. */
export function linkStatements(sql: SqlWriter, articleId: number): void {
  const fresh = sql.all<{ id: number; text: string; publishedOn: string | null; speakerId: number; speaker: string }>(
    `SELECT q.id, q.text, q."publishedOn", q."speakerId", p.name AS speaker FROM quotes q JOIN people p ON p.id = q."speakerId"
     WHERE q."articleId" = ? ORDER BY q.position`,
    articleId,
  );
  const touched = new Set<number>();
  for (const quote of fresh) {
    const speaker = quote.speaker;
    const candidates = quote.publishedOn
      ? sql.all<QuoteRow>(
          `SELECT id, text, "publishedOn", "statementId" FROM quotes WHERE "speakerId" = ? AND id <> ? AND "statementId" IS NOT NULL
           AND ("publishedOn" IS NULL OR "publishedOn" BETWEEN ? AND ?)`,
          quote.speakerId,
          quote.id,
          shiftIsoDate(quote.publishedOn, -STATEMENT_ECHO_WINDOW_DAYS),
          shiftIsoDate(quote.publishedOn, STATEMENT_ECHO_WINDOW_DAYS),
        )
      : sql.all<QuoteRow>(`SELECT id, text, "publishedOn", "statementId" FROM quotes WHERE "speakerId" = ? AND id <> ? AND "statementId" IS NOT NULL`, quote.speakerId, quote.id);
    const me = { id: String(quote.id), speaker, text: quote.text, publishedOn: quote.publishedOn };
    const matched = [
      ...new Set(
        candidates
          .filter((c) => isSameRemark(me, { id: String(c.id), speaker, text: c.text, publishedOn: c.publishedOn }))
          .map((c) => Number(c.statementId)),
      ),
    ].sort((a, b) => a - b);

    let statementId: number;
    if (!matched.length) {
      statementId = sql.run(`INSERT INTO statements ("speakerId", text, "reportCount", "outletCount") VALUES (?, ?, 0, 0)`, quote.speakerId, quote.text);
    } else {
      [statementId] = matched;
      const merged = matched.slice(1);
      if (merged.length) {
        sql.run(`UPDATE quotes SET "statementId" = ? WHERE "statementId" IN (${placeholders(merged.length)})`, statementId, ...merged);
        sql.run(`DELETE FROM statements WHERE id IN (${placeholders(merged.length)})`, ...merged);
        for (const id of merged) touched.delete(id);
      }
    }
    sql.run(`UPDATE quotes SET "statementId" = ? WHERE id = ?`, statementId, quote.id);
    touched.add(statementId);
  }
  for (const id of touched) refreshStatement(sql, id);
}

// The fullest rendering stands for the statement; counts and dates are kept on the row
// so lists of statements sort and filter without aggregating quotes.
function refreshStatement(sql: SqlWriter, id: number): void {
  sql.run(
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
