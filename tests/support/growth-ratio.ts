// How a piece of work grows with its input, told without a wall-clock bound: the same work
// at two sizes in the same run, interleaved and repeated, the fastest run of each size
// compared. A busy machine slows both sizes alike, so the ratio holds where a time limit
// would not. Linear work grows by `large / small`; quadratic work by its square. Scales 1 and 8
// keep the two far apart (8 against 64).
//
// Each timing is of enough repetitions to last MIN_TIMED_MS: a run of a fraction of a
// millisecond is mostly timer and scheduler noise, and on a busy machine took a linear ×8 to ×30.

export interface GrowthOptions {
  /** The two scales compared (default 1 and 8). */
  small?: number;
  large?: number;
  /** Rounds at most (default 5), each timing both sizes; the fastest of each is kept. */
  rounds?: number;
  /**
   * Stops after two rounds once the ratio is below this: a stage that grows as the square
   * reads far above it in every round (noise only slows a run), and the rounds after the
   * second are for a machine busy enough to blur a ratio near the limit.
   */
  settledBelow?: number;
}

const MIN_TIMED_MS = 25;

/** The fastest time at `large` over the fastest at `small`, each per repetition. */
export function growthRatio<T>(make: (scale: number) => T, work: (input: T) => void, options: GrowthOptions = {}): number {
  const { small = 1, large = 8, rounds = 5, settledBelow = 0 } = options;
  const inputs = [make(small), make(large)];
  const timed = (input: T, repetitions: number) => {
    const started = performance.now();
    for (let i = 0; i < repetitions; i++) work(input);
    return (performance.now() - started) / repetitions;
  };
  // Each size is repeated until one timing lasts about MIN_TIMED_MS, the large size as the
  // small: a run eight times longer is eight times likelier to be interrupted on a busy
  // machine, which read a linear ×8 as ×32 while the short runs got through untouched.
  const repetitions = inputs.map((input) => {
    const once = timed(input, 1);
    return Math.min(1_000, Math.max(1, Math.ceil(MIN_TIMED_MS / Math.max(once, 0.01))));
  });
  const best = [Infinity, Infinity];
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, i) => {
      best[i] = Math.min(best[i], timed(input, repetitions[i]));
    });
    if (round >= 1 && best[1] / best[0] < settledBelow) break;
  }
  return best[1] / best[0];
}
