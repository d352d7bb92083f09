// Scores the extractor on the bundled sample corpus (data/sample) against gold written
// for it by hand before the extractor was run on it (tests/fixtures/sample-gold), with the shared scorer.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";
import { haveScorer, scoreExtraction } from "../support/score-extraction.js";

describe.skipIf(!haveScorer)("sample corpus score (needs ../shared/eval/score.mjs)", () => {
  it("meets the evaluation targets: attribution and people F1 ≥ 0.85", () => {
    const totals = scoreExtraction([join(projectRoot, "data", "sample")], join(projectRoot, "tests", "fixtures", "sample-gold", "gold.json"));
    expect(totals.attribution.f1).toBeGreaterThanOrEqual(0.85);
    expect(totals.people.f1).toBeGreaterThanOrEqual(0.85);
  });
});
