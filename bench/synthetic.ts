/**
 * Deterministic synthetic item collections for the benchmark: real items cloned into `n` points
 * spread uniformly inside Linghe, so filter latency can be measured at 10k and 100k items.
 *
 * Each synthetic item keeps its template's mentions (offsets and verbatim quotes untouched) so the
 * collection still validates against the schema the app parses with; only the id, the category,
 * the mention statuses and the location change. Nothing here is data: the method `synthetic-bench`
 * marks every location as made up for a benchmark.
 */
import { booleanPointInPolygon, bbox as turfBbox } from '@turf/turf';
import {
  Category,
  Status,
  type BoundaryCollection,
  type ItemCollection,
  type ItemFeature,
  type Position,
} from '../src/lib/schema';

/** mulberry32: a tiny seeded PRNG with a full 2^32 period, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The pipeline rounds to 6 decimals (~0.1 m); synthetic points look the same. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Linghe's polygon from the basemap boundaries (the feature flagged `is_linghe`). */
export function lingheOf(boundaries: BoundaryCollection): BoundaryCollection['features'][number] {
  const f = boundaries.features.find((b) => b.properties.is_linghe);
  if (!f) throw new Error(`no feature with is_linghe in boundaries (${boundaries.features.length} features)`);
  return f;
}

/** A point drawn uniformly in the polygon by rejection from its bbox. */
function pointIn(shape: ReturnType<typeof lingheOf>, box: number[], rand: () => number): Position {
  for (let tries = 0; tries < 10_000; tries++) {
    const p: Position = [round6(box[0] + rand() * (box[2] - box[0])), round6(box[1] + rand() * (box[3] - box[1]))];
    if (booleanPointInPolygon(p, shape)) return p;
  }
  throw new Error(`no point found inside ${shape.properties.name} after 10000 tries`);
}

export interface SyntheticOptions {
  n: number;
  seed?: number;
}

/**
 * `n` items: item k clones real item k mod |real|, gets id `syn-<k>`, a category and mention
 * statuses drawn from the seeded PRNG, and an `exact` Point inside Linghe.
 */
export function syntheticItems(
  real: ItemCollection,
  boundaries: BoundaryCollection,
  { n, seed = 1 }: SyntheticOptions,
): ItemCollection {
  if (real.features.length === 0) throw new Error('syntheticItems: the real collection has no item to clone');
  const shape = lingheOf(boundaries);
  const box = turfBbox(shape);
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const features: ItemFeature[] = [];
  for (let k = 0; k < n; k++) {
    const t = real.features[k % real.features.length];
    const p = t.properties;
    features.push({
      type: 'Feature',
      id: `syn-${k}`,
      geometry: { type: 'Point', coordinates: pointIn(shape, box, rand) },
      properties: {
        ...p,
        id: `syn-${k}`,
        category: pick(Category.options),
        mentions: p.mentions.map((m) => ({ ...m, status: pick(Status.options), status_rule: 'synthetic' })),
        location: { precision: 'exact', uncertainty_m: null, method: 'synthetic-bench', evidence: [] },
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
