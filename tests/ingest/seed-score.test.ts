// Runs the extractor over the real seed articles and scores it with the shared
// scorer. The seeds are not ours and stay outside the repository; without them the
// suite is skipped.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const seeds = join(import.meta.dirname, "../../../shared/corpus/seeds");
const scorer = join(import.meta.dirname, "../../../shared/eval/score.mjs");
const root = join(import.meta.dirname, "../..");

describe.skipIf(!existsSync(seeds) || !existsSync(scorer))("seed corpus score (needs ../shared/corpus/seeds and ../shared/eval/score.mjs)", () => {
  it("meets the seed targets: attribution and people F1 ≥ 0.95, every headline and byline, no leaks", () => {
    const extract = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/extract.ts"), seeds], { cwd: root, encoding: "utf8" });
    expect(extract.status, extract.stderr).toBe(0);
    const score = spawnSync(process.execPath, [scorer, join(seeds, "gold.json"), "--json"], { input: extract.stdout, encoding: "utf8" });
    expect(score.status, score.stderr).toBe(0);
    const totals = JSON.parse(score.stdout);
    expect(totals.attribution.f1).toBeGreaterThanOrEqual(0.95);
    expect(totals.people.f1).toBeGreaterThanOrEqual(0.95);
    expect(totals.headlines).toBe("4/4");
    expect(totals.bylines).toBe("4/4");
    expect(totals.boilerplateLeaks).toMatch(/^0\//);
  });
});
