// Linking each new quote to the statement it reports, inside the article's transaction.
// The rule is isSameRemark (src/ingest/statements.ts); statements are the connected
// components of it. Every new quote is compared with the speaker's stored quotes near it
// in time, and a quote that matches quotes of several statements merges them, so
// ingesting articles one by one ends with the same statements as ingesting them at once.
import type { Prisma } from "../generated/prisma/client.js";
import { isSameRemark, STATEMENT_ECHO_WINDOW_DAYS } from "../ingest/statements.js";
import { shiftIsoDate } from "../ingest/day-number.js";
import { placeholders } from "./sql-rows.js";

type Tx = Prisma.TransactionClient;

interface QuoteRow {
  id: number;
  text: string;
  publishedOn: string | null;
  statementId: number | null;
}


/** Gives every attributed quote of the article a statement, creating or merging statements as needed. */
export async function linkStatements(tx: Tx, articleId: number): Promise<void> {
  const fresh = await tx.quote.findMany({
    where: { articleId, speakerId: { not: null } },
    select: { id: true, text: true, publishedOn: true, speakerId: true, speaker: { select: { name: true } } },
    orderBy: { position: "asc" },
  });
  const touched = new Set<number>();
  for (const quote of fresh) {
    const speaker = quote.speaker!.name;
    const window = quote.publishedOn
      ? { sql: `AND ("publishedOn" IS NULL OR "publishedOn" BETWEEN ? AND ?)`, params: [shiftIsoDate(quote.publishedOn, -STATEMENT_ECHO_WINDOW_DAYS), shiftIsoDate(quote.publishedOn, STATEMENT_ECHO_WINDOW_DAYS)] }
      : { sql: "", params: [] };
    const candidates = await tx.$queryRawUnsafe<QuoteRow[]>(
      `SELECT id, text, "publishedOn", "statementId" FROM quotes WHERE "speakerId" = ? AND id <> ? AND "statementId" IS NOT NULL ${window.sql}`,
      quote.speakerId,
      quote.id,
      ...window.params,
    );
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
      statementId = (await tx.statement.create({ data: { speakerId: quote.speakerId!, text: quote.text, reportCount: 0, outletCount: 0 }, select: { id: true } })).id;
    } else {
      [statementId] = matched;
      const merged = matched.slice(1);
      if (merged.length) {
        await tx.$executeRawUnsafe(`UPDATE quotes SET "statementId" = ? WHERE "statementId" IN (${placeholders(merged.length)})`, statementId, ...merged);
        await tx.statement.deleteMany({ where: { id: { in: merged } } });
        for (const id of merged) touched.delete(id);
      }
    }
    await tx.quote.update({ where: { id: quote.id }, data: { statementId } });
    touched.add(statementId);
  }
  for (const id of touched) await refreshStatement(tx, id);
}

// The fullest rendering stands for the statement; counts and dates are kept on the row
// so lists of statements sort and filter without aggregating quotes.
async function refreshStatement(tx: Tx, id: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE statements SET
       text = (SELECT text FROM quotes WHERE "statementId" = ? ORDER BY length(text) DESC, id LIMIT 1),
       "firstReportedOn" = (SELECT min("publishedOn") FROM quotes WHERE "statementId" = ?),
       "lastReportedOn" = (SELECT max("publishedOn") FROM quotes WHERE "statementId" = ?),
       "reportCount" = (SELECT count(*) FROM quotes WHERE "statementId" = ?),
       "outletCount" = (SELECT count(DISTINCT "outletId") FROM quotes WHERE "statementId" = ?)
     WHERE id = ?`,
    ...Array(6).fill(id),
  );
}
