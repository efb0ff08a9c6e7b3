import { describe, expect, it } from 'vitest';
import { toWgs84 } from './crs';
import { crosscheckFacts } from './crosscheckFacts';

// A 0.01° square in GCJ-02 near Linghe, in both shapes DataV files come in.
const ring = [[121.15, 41.12], [121.16, 41.12], [121.16, 41.13], [121.15, 41.13], [121.15, 41.12]];
const feature = { type: 'Feature', properties: { adcode: 210703, name: '凌河区' }, geometry: { type: 'Polygon', coordinates: [ring] } };

describe('crosscheckFacts', () => {
  it('converts GCJ-02 to WGS-84 before measuring', () => {
    const f = crosscheckFacts([feature], 'test');
    const [sw, ne] = [toWgs84([121.15, 41.12], 'GCJ-02'), toWgs84([121.16, 41.13], 'GCJ-02')];
    expect(f.bbox[0]).toBeCloseTo(sw[0], 5);
    expect(f.bbox[1]).toBeCloseTo(sw[1], 5);
    expect(f.bbox[2]).toBeCloseTo(ne[0], 5);
    expect(f.bbox[3]).toBeCloseTo(ne[1], 5);
    expect(f.bbox[0]).not.toBeCloseTo(121.15, 3); // moved, not copied
    // ~840 m × ~1110 m
    expect(f.area_m2).toBeGreaterThan(0.9e6);
    expect(f.area_m2).toBeLessThan(1e6);
    expect(f.center_of_mass[0]).toBeCloseTo((sw[0] + ne[0]) / 2, 4);
    expect(f).toMatchObject({ adcode: '210703', name: '凌河区', vertices: 5, source: 'test', source_crs: 'GCJ-02', crs: 'WGS-84' });
  });

  it('reads a FeatureCollection of a MultiPolygon the same way', () => {
    const multi = { features: [{ ...feature, geometry: { type: 'MultiPolygon', coordinates: [[ring]] } }] };
    expect(crosscheckFacts(multi, 'test')).toEqual(crosscheckFacts([feature], 'test'));
  });

  it('names the problem when there is no feature', () => {
    expect(() => crosscheckFacts({ features: [] }, 'test')).toThrow(/no feature/);
  });
});
