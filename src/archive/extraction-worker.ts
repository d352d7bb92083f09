// A worker thread of extraction-pool.ts (run by piscina): extracts one batch of articles.
// extractArticle never throws for bad input; if it does anyway, the failure goes back as a
// result so the file is reported, not lost.
import { extractArticle } from "../extract/pipeline.js";
import type { ExtractOptions, ExtractResult, RawArticle } from "../extract/types.js";

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
