// GET /export/articles.ndjson and /export/quotes.ndjson: every matching row, streamed as
// NDJSON in constant memory, ending with a trailer line that says the export is complete.
// Filters as query parameters (see export-params.ts); a bad one answers 400 naming it.
import { Router, type RequestHandler } from "express";
import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import { EXPORT_KINDS, exportChunks, type ExportKind } from "./export-lines.js";
import { parseExportParams } from "./export-params.js";
import { exportPace, type ExportPace } from "./export-pace.js";
import { exportLimits, exportSlots, type ExportLimits } from "./export-slots.js";
import { requestRecordOfResponse } from "./request-log.js";
import { writeChunks } from "./write-chunks.js";

function exportHandler(store: Store, kind: ExportKind, logger: Logger, limits: ExportLimits, pace: ExportPace): RequestHandler {
  return async (req, res) => {
    const parsed = parseExportParams(new URL(req.originalUrl, "http://export.invalid").searchParams);
    if (!parsed.ok) {
      res.status(400).json({ errors: [{ message: parsed.message, extensions: { code: "BAD_USER_INPUT", parameter: parsed.parameter } }] });
      return;
    }
    const record = requestRecordOfResponse(res);
    res.status(200).set({
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    try {
      const chunks = exportChunks(store, kind, parsed.filter, (count) => {
        if (record) record.exported = count;
      });
      const outcome = await writeChunks(res, pace.paced(chunks), limits.stallMs);
      if (outcome === "written") res.end();
      else if (outcome === "stalled") {
        logger.warn({ path: req.path, stallMs: limits.stallMs }, "export dropped: its client stopped reading");
        // Cut short without a trailer: the client (if it ever reads again) knows the export is incomplete.
        res.destroy();
      }
    } catch (error) {
      logger.error({ err: error, path: req.path }, "export failed");
      if (!res.headersSent) {
        res.status(500).json({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        return;
      }
      // Lines are already out: end the connection without a trailer, so the client knows
      // the export is incomplete rather than reading a JSON error as a row.
      res.destroy();
    }
  };
}

/**
 * The bulk export routes, under /export; EXPORT_CONCURRENCY and EXPORT_STALL_MS bound them
 * (server/export-slots.ts), and `pace` lets GraphQL go first (server/export-pace.ts).
 */
export function exportRouter(store: Store, logger: Logger, pace: ExportPace = exportPace(), limits: ExportLimits = exportLimits()): Router {
  const router = Router();
  const slots = exportSlots(limits.concurrency);
  for (const kind of EXPORT_KINDS) router.get(`/export/${kind}.ndjson`, slots, exportHandler(store, kind, logger, limits, pace));
  return router;
}
