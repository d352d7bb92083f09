// Runs the extractor over the real seed articles and scores it with the shared scorer.
// The seeds are not ours and stay outside the repository; without them the suite is skipped.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";
import { haveScorer, scoreExtraction } from "../support/score-extraction.js";

const seeds = join(projectRoot, "..", "shared", "corpus", "seeds");

describe.skipIf(!existsSync(seeds) || !haveScorer)("seed corpus score (needs ../shared/corpus/seeds and ../shared/eval/score.mjs)", () => {
  it("meets the seed targets: attribution and people F1 ≥ 0.95, every headline and byline, no leaks", () => {
    const totals = scoreExtraction([seeds], join(seeds, "gold.json"));
    expect(totals.attribution.f1).toBeGreaterThanOrEqual(0.95);
    expect(totals.people.f1).toBeGreaterThanOrEqual(0.95);
    expect(totals.headlines).toBe("4/4");
    expect(totals.bylines).toBe("4/4");
    expect(totals.boilerplateLeaks).toMatch(/^0\//);
  });
});
