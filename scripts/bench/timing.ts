// Repeats an operation enough times for stable percentiles, within a time budget.

export interface Timings {
  p50Ms: number;
  p99Ms: number;
  runs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `op` a few times to warm up, then up to `maxRuns` times or until `budgetMs` is spent (at least `minRuns`). */
export async function timeRepeated(op: () => unknown | Promise<unknown>, budget: { maxRuns: number; minRuns: number; budgetMs: number }): Promise<Timings> {
  for (let i = 0; i < 5; i++) await op();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < budget.maxRuns && (samples.length < budget.minRuns || performance.now() - started < budget.budgetMs)) {
    const t = performance.now();
    await op();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), runs: samples.length };
}
