// A worker thread of extraction-pool.ts: extracts each article it is sent and posts the
// result back with the job's number. extractArticle never throws for bad input; if it does
// anyway, the failure goes back as a result so the file is reported, not lost.
import { parentPort } from "node:worker_threads";
import { extractArticle } from "../ingest/pipeline.js";
import type { ExtractOptions, RawArticle } from "../ingest/types.js";

parentPort!.on("message", ({ job, raw, options }: { job: number; raw: RawArticle; options: ExtractOptions }) => {
  try {
    parentPort!.postMessage({ job, result: extractArticle(raw, options) });
  } catch (error) {
    parentPort!.postMessage({ job, result: { ok: false, file: raw.file, code: "EXTRACTION_FAILED", message: `could not be extracted: ${(error as Error).message}` } });
  }
});
