// Runs `npm run extract` over some articles and scores its output with the shared scorer
// (../shared/eval/score.mjs), as a developer would on the command line.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { projectRoot } from "./run-script.js";

export const scorerPath = join(projectRoot, "..", "shared", "eval", "score.mjs");
export const haveScorer = existsSync(scorerPath);

/** The scorer's `--json` totals (see the header of score.mjs). */
export interface ScoreTotals {
  attribution: { p: number; r: number; f1: number };
  people: { p: number; r: number; f1: number };
  headlines: string;
  bylines: string;
  boilerplateLeaks: string;
  statements: string | null;
  stories: string | null;
}

export function scoreExtraction(inputs: string[], goldPath: string): ScoreTotals {
  const extract = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "scripts", "extract.ts"), ...inputs], { cwd: projectRoot, encoding: "utf8" });
  expect(extract.status, extract.stderr).toBe(0);
  const score = spawnSync(process.execPath, [scorerPath, goldPath, "--json"], { input: extract.stdout, encoding: "utf8" });
  expect(score.status, score.stderr).toBe(0);
  return JSON.parse(score.stdout) as ScoreTotals;
}

/** "statements (…): P 1.00 R 0.95 F1 0.97 (…)" → 0.97. */
export function f1Of(line: string | null): number {
  const m = /F1 ([0-9.]+)/.exec(line ?? "");
  return m ? Number(m[1]) : 0;
}
