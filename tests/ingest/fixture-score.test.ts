// Scores the extractor on our invented evaluation set (tests/fixtures/extraction),
// written independently of the extractor, with the shared scorer.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const fixtures = join(root, "tests/fixtures/extraction");
const scorer = join(root, "../shared/eval/score.mjs");

describe.skipIf(!existsSync(join(fixtures, "gold.json")) || !existsSync(scorer))("evaluation set score (needs ../shared/eval/score.mjs)", () => {
  it("meets the evaluation targets: attribution and people F1 ≥ 0.85", () => {
    const extract = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/extract.ts"), fixtures], { cwd: root, encoding: "utf8" });
    expect(extract.status, extract.stderr).toBe(0);
    const score = spawnSync(process.execPath, [scorer, join(fixtures, "gold.json"), "--json"], { input: extract.stdout, encoding: "utf8" });
    expect(score.status, score.stderr).toBe(0);
    const totals = JSON.parse(score.stdout);
    expect(totals.attribution.f1).toBeGreaterThanOrEqual(0.85);
    expect(totals.people.f1).toBeGreaterThanOrEqual(0.85);
  });
});
