// Runs the real extractor over the invented linking set (tests/fixtures/linking: one
// lithium deal told by a wire, a broadsheet and a translated outlet, with trimmed and
// re-translated quotes; the same minister's different remark of the same day; the same
// words said by two ministers; a busy president in two unrelated stories of one day; a
// follow-up months later) and scores statements and stories with the shared scorer.
// Unlike linking-score.test.ts, the linkers here read what the extractor produced.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";
import { f1Of, haveScorer, scoreExtraction } from "../support/score-extraction.js";

const fixtures = join(projectRoot, "tests", "fixtures", "linking");

describe.skipIf(!haveScorer)("linking through the real extraction (tests/fixtures/linking)", () => {
  it("links one remark across outlets and one event's articles, keeping the traps apart", { timeout: 60_000 }, () => {
    const totals = scoreExtraction([fixtures], join(fixtures, "gold.json"));
    console.log(`linking fixtures: ${totals.statements}; ${totals.stories}`);
    expect(f1Of(totals.statements)).toBeGreaterThanOrEqual(0.7);
    expect(f1Of(totals.stories)).toBeGreaterThanOrEqual(0.8);
    // The traps are wrong links, so any of them would show as lost precision.
    expect(totals.statements).toMatch(/P 1\.00/);
    expect(totals.stories).toMatch(/P 1\.00/);
  });
});
