// A worker thread of extraction-pool.ts (run by piscina): extracts one batch of articles.
// extractArticle never throws for bad input; if it does anyway, the failure goes back as a
// result so the file is reported, not lost.
import { extractArticle } from "../extract/pipeline.js";
import type { ExtractOptions, ExtractResult, RawArticle } from "../extract/types.js";
import { setThreadNiceness } from "./thread-priority.js";

// Extraction runs ahead of the writer by a window of files (extraction-pool.ts); what sets
// the pace is the chain of the writer's own thread and the database's backends answering
// it, which hand the work back and forth several times an article. At the same priority,
// an extraction thread busy on a core made each hand-over wait for its time slice. At the
// lowest, it takes the cores when that chain leaves them: 10,000 articles into PostgreSQL's
// 100,000 with 2 writers, three rounds in turns, 48.4/39.4/35.2 s at nice 0, 43.4/34.1/33.2
// at 10, 40.9/32.7/32.1 at 19; SQLite's ingest unchanged. The same yields the cores to an API
// server on the machine.
const EXTRACTION_NICENESS = 19;
setThreadNiceness(EXTRACTION_NICENESS);

export interface ExtractionBatch {
  raws: RawArticle[];
  options: ExtractOptions;
}

export default function extractBatch({ raws, options }: ExtractionBatch): ExtractResult[] {
  return raws.map((raw) => extract(raw, options));
}

function extract(raw: RawArticle, options: ExtractOptions): ExtractResult {
  try {
    return extractArticle(raw, options);
  } catch (error) {
    return { ok: false, code: "EXTRACTION_FAILED", message: `could not be extracted: ${(error as Error).message}` };
  }
}
