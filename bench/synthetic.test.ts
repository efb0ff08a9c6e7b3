import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { BoundaryCollection, ItemCollection } from '../src/lib/schema';
import { lingheOf, prng, syntheticItems } from './synthetic';

const data = join(import.meta.dirname, '..', 'public', 'data');
const readJson = (f: string) => JSON.parse(readFileSync(join(data, f), 'utf8'));

function inputs() {
  return { real: ItemCollection.parse(readJson('items.geojson')), boundaries: BoundaryCollection.parse(readJson('basemap/boundaries.geojson')) };
}

describe('prng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = prng(7);
    const b = prng(7);
    const c = prng(8);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('syntheticItems', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const { real, boundaries } = inputs();
    const one = JSON.stringify(syntheticItems(real, boundaries, { n: 300, seed: 42 }));
    expect(JSON.stringify(syntheticItems(real, boundaries, { n: 300, seed: 42 }))).toBe(one);
    expect(JSON.stringify(syntheticItems(real, boundaries, { n: 300, seed: 43 }))).not.toBe(one);
  });

  it('puts every point inside Linghe', () => {
    const { real, boundaries } = inputs();
    const linghe = lingheOf(boundaries);
    const out = syntheticItems(real, boundaries, { n: 2000, seed: 1 });
    const outside = out.features.filter((f) => f.geometry?.type !== 'Point' || !booleanPointInPolygon(f.geometry.coordinates, linghe));
    expect(outside.map((f) => f.id)).toEqual([]);
  });

  it('validates against ItemCollection with unique syn-<n> ids, exact precision and verbatim quotes', () => {
    const { real, boundaries } = inputs();
    const report = readJson('report.json') as { text: string };
    const out = syntheticItems(real, boundaries, { n: 500, seed: 3 });
    const parsed = ItemCollection.safeParse(out);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(out.features).toHaveLength(500);
    expect(new Set(out.features.map((f) => f.id)).size).toBe(500);
    out.features.forEach((f, k) => {
      expect(f.id).toBe(`syn-${k}`);
      expect(f.properties.id).toBe(f.id);
      expect(f.properties.location.precision).toBe('exact');
      for (const m of f.properties.mentions) expect(report.text.slice(m.start, m.end)).toBe(m.quote);
    });
  });

  it('varies categories and statuses instead of copying the templates', () => {
    const { real, boundaries } = inputs();
    const out = syntheticItems(real, boundaries, { n: 2000, seed: 5 });
    const categories = new Set(out.features.map((f) => f.properties.category));
    const statuses = new Set(out.features.flatMap((f) => f.properties.mentions.map((m) => m.status)));
    expect(categories.size).toBe(12);
    expect(statuses.size).toBe(3);
    const sameAsTemplate = out.features.filter((f, k) => f.properties.category === real.features[k % real.features.length].properties.category);
    expect(sameAsTemplate.length).toBeLessThan(out.features.length / 4);
  });

  it('names the problem when there is nothing to clone', () => {
    const { boundaries } = inputs();
    expect(() => syntheticItems({ type: 'FeatureCollection', features: [] }, boundaries, { n: 1 })).toThrow(/no item to clone/);
  });
});
