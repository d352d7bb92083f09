// Runs the real extractor over the invented linking set (tests/fixtures/linking: one
// lithium deal told by a wire, a broadsheet and a translated outlet, with trimmed and
// re-translated quotes; the same minister's different remark of the same day; the same
// words said by two ministers; a busy president in two unrelated stories of one day; a
// follow-up months later) and scores statements and stories with the shared scorer.
// Unlike linking-score.test.ts, the linkers here read what the extractor produced.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const fixtures = join(root, "tests/fixtures/linking");
const scorer = join(root, "../shared/eval/score.mjs");

/** "statements (...): P 1.00 R 0.95 F1 0.97 (...)" → the F1 figure. */
function f1Of(line: string | null): number {
  const m = /F1 ([0-9.]+)/.exec(line ?? "");
  return m ? Number(m[1]) : 0;
}

describe.skipIf(!existsSync(scorer))("linking through the real extraction (tests/fixtures/linking)", () => {
  it("links one remark across outlets and one event's articles, keeping the traps apart", { timeout: 60_000 }, () => {
    const extract = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/extract.ts"), fixtures], { cwd: root, encoding: "utf8" });
    expect(extract.status, extract.stderr).toBe(0);
    const score = spawnSync(process.execPath, [scorer, join(fixtures, "gold.json"), "--json"], { input: extract.stdout, encoding: "utf8" });
    expect(score.status, score.stderr).toBe(0);
    const totals = JSON.parse(score.stdout) as { statements: string | null; stories: string | null };
    console.log(`linking fixtures: ${totals.statements}; ${totals.stories}`);
    expect(f1Of(totals.statements)).toBeGreaterThanOrEqual(0.7);
    expect(f1Of(totals.stories)).toBeGreaterThanOrEqual(0.8);
    // The traps are wrong links, so any of them would show as lost precision.
    expect(totals.statements).toMatch(/P 1\.00/);
    expect(totals.stories).toMatch(/P 1\.00/);
  });
});
