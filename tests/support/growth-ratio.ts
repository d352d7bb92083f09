// How a piece of work grows with its input, told without a wall-clock bound: the same work
// at two sizes in the same run, interleaved and repeated, the fastest run of each size
// compared. A busy machine slows both sizes alike, so the ratio holds where a time limit
// would not. Linear work grows by `large / small`; quadratic work by its square. Scales 1 and 8
// keep the two far apart (8 against 64): a load spike on this shared machine once took a
// linear ×4 to 10.3, past a limit that had to stay below quadratic's 16.

export interface GrowthOptions {
  /** The two scales compared (default 1 and 8). */
  small?: number;
  large?: number;
  rounds?: number;
}

/** The fastest time at `large` over the fastest at `small` (with 1 ms as the floor of the latter). */
export function growthRatio<T>(make: (scale: number) => T, work: (input: T) => void, options: GrowthOptions = {}): number {
  const { small = 1, large = 8, rounds = 3 } = options;
  const inputs = [make(small), make(large)];
  const best = [Infinity, Infinity];
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, i) => {
      const started = performance.now();
      work(input);
      best[i] = Math.min(best[i], performance.now() - started);
    });
  }
  return best[1] / Math.max(best[0], 1);
}
