/** Order statistics for benchmark samples. */

/** Nearest-rank percentile (p in (0, 100]): an observed sample, never an interpolated one. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error(`percentile ${p} of no samples`);
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** The middle sample, or the mean of the two middle ones. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Rounds for reports: 0.1 ms is below what these timings can tell apart. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
