// Scores the extractor on PolNeAR's dev articles (real news nobody here wrote) with the
// shared scorer. The corpus is not ours and stays outside the repository; without it the
// suite is skipped. The floor is the score this branch reached, less a little slack: a
// change that loses attribution on real articles fails here.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";
import { haveScorer, scoreExtraction } from "../support/score-extraction.js";

const dev = join(projectRoot, "..", "shared", "corpus", "polnear", "dev");
const ATTRIBUTION_FLOOR = 0.89;

describe.skipIf(!existsSync(dev) || !haveScorer)("PolNeAR dev score (needs ../shared/corpus/polnear/dev and ../shared/eval/score.mjs)", () => {
  it(`keeps attribution F1 on real articles at ${ATTRIBUTION_FLOOR} or more`, { timeout: 180_000 }, () => {
    const totals = scoreExtraction([dev], join(dev, "gold.json"));
    expect(totals.attribution.f1).toBeGreaterThanOrEqual(ATTRIBUTION_FLOOR);
  });
});
