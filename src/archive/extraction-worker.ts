// A worker thread of extraction-pool.ts: extracts each batch of articles it is sent and
// posts the results back, each with its job's number. extractArticle never throws for bad
// input; if it does anyway, the failure goes back as a result so the file is reported, not lost.
import { parentPort } from "node:worker_threads";
import { extractArticle } from "../extract/pipeline.js";
import type { ExtractOptions, ExtractResult, RawArticle } from "../extract/types.js";

parentPort!.on("message", ({ jobs, options }: { jobs: { job: number; raw: RawArticle }[]; options: ExtractOptions }) => {
  parentPort!.postMessage(jobs.map(({ job, raw }) => ({ job, result: extract(raw, options) })));
});

function extract(raw: RawArticle, options: ExtractOptions): ExtractResult {
  try {
    return extractArticle(raw, options);
  } catch (error) {
    return { ok: false, code: "EXTRACTION_FAILED", message: `could not be extracted: ${(error as Error).message}` };
  }
}
