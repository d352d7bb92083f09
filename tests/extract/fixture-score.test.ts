// Scores the extractor on our invented evaluation set (tests/fixtures/extraction),
// written independently of the extractor, with the shared scorer.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";
import { haveScorer, scoreExtraction } from "../support/score-extraction.js";

const fixtures = join(projectRoot, "tests", "fixtures", "extraction");

describe.skipIf(!haveScorer)("evaluation set score (needs ../shared/eval/score.mjs)", () => {
  it("meets the evaluation targets: attribution and people F1 ≥ 0.85", () => {
    const totals = scoreExtraction([fixtures], join(fixtures, "gold.json"));
    expect(totals.attribution.f1).toBeGreaterThanOrEqual(0.85);
    expect(totals.people.f1).toBeGreaterThanOrEqual(0.85);
  });
});
