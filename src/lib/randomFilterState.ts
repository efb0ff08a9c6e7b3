/**
 * Test support (imported by tests only, never by the app): a seeded PRNG and random filter states,
 * shared by the predicate's tests (filters.test.ts) and the bitset index's (filterIndex.test.ts),
 * so both sample the filter space the same way.
 */
import { YEARS, type FilterState } from './filters';
import { Category, Precision, Status } from './schema';
import { NEIGHBOURHOODS } from './taxonomy';

/** A small deterministic PRNG (an LCG), so sampled data and states are the same on every run. */
export function prng(seed: number): () => number {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A random subset of `all`, of about 0–`max` values. */
export function pick<T>(rand: () => number, all: readonly T[], max: number): T[] {
  const n = Math.floor(rand() * (max + 1));
  return all.filter(() => rand() < n / all.length);
}

export const HOOD_IDS: readonly string[] = NEIGHBOURHOODS.map((h) => h.id);

/** A random filter state: a year (or all years), up to 3 categories, 2 statuses, 2 hoods, 2 precisions, a query from `queries`. */
export function randomFilterState(rand: () => number, queries: readonly string[]): FilterState {
  return {
    year: rand() < 0.3 ? null : YEARS[Math.floor(rand() * YEARS.length)],
    categories: pick(rand, Category.options, 3),
    statuses: pick(rand, Status.options, 2),
    hoods: pick(rand, HOOD_IDS, 2),
    precisions: pick(rand, Precision.options, 2),
    q: queries[Math.floor(rand() * queries.length)],
  };
}
