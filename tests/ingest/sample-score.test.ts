// Scores the extractor on the bundled sample corpus (data/sample) against gold written
// for it by hand before the extractor was run on it (tests/fixtures/sample-gold), with the shared scorer.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const sample = join(root, "data/sample");
const gold = join(root, "tests/fixtures/sample-gold/gold.json");
const scorer = join(root, "../shared/eval/score.mjs");

describe.skipIf(!existsSync(gold) || !existsSync(scorer))("sample corpus score (needs ../shared/eval/score.mjs)", () => {
  it("meets the evaluation targets: attribution and people F1 ≥ 0.85", () => {
    const extract = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/extract.ts"), sample], { cwd: root, encoding: "utf8" });
    expect(extract.status, extract.stderr).toBe(0);
    const score = spawnSync(process.execPath, [scorer, gold, "--json"], { input: extract.stdout, encoding: "utf8" });
    expect(score.status, score.stderr).toBe(0);
    const totals = JSON.parse(score.stdout);
    expect(totals.attribution.f1).toBeGreaterThanOrEqual(0.85);
    expect(totals.people.f1).toBeGreaterThanOrEqual(0.85);
  });
});
