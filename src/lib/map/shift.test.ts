import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { fromDatum, shiftBbox, shiftCollection, shiftGeometry, toDatum } from './shift';

// 辽沈战役纪念馆: our WGS-84 point (public/data/items.geojson) and its cited AMap (GCJ-02) point.
const MEMORIAL_WGS: [number, number] = [121.142553, 41.127313];
const MEMORIAL_AMAP: [number, number] = [121.148175, 41.129367];

describe('toDatum / fromDatum', () => {
  it('shifts the memorial onto its AMap point, as gcoord does', () => {
    const p = toDatum(MEMORIAL_WGS, 'gcj02');
    expect(p).toEqual(gcoord.transform([...MEMORIAL_WGS] as [number, number], gcoord.WGS84, gcoord.GCJ02));
    // within a metre (1e-5°) of the cited GCJ-02 point the pipeline converted from
    expect(Math.abs(p[0] - MEMORIAL_AMAP[0])).toBeLessThan(1e-5);
    expect(Math.abs(p[1] - MEMORIAL_AMAP[1])).toBeLessThan(1e-5);
    // and the shift is the ~500 m that makes unshifted overlays visibly wrong on AMap tiles
    expect(p[0] - MEMORIAL_WGS[0]).toBeGreaterThan(0.005);
  });

  it('is the identity for WGS-84 and round-trips for GCJ-02', () => {
    expect(toDatum(MEMORIAL_WGS, 'wgs84')).toEqual(MEMORIAL_WGS);
    const back = fromDatum(toDatum(MEMORIAL_WGS, 'gcj02'), 'gcj02');
    expect(back[0]).toBeCloseTo(MEMORIAL_WGS[0], 6);
    expect(back[1]).toBeCloseTo(MEMORIAL_WGS[1], 6);
  });
});

describe('shiftCollection', () => {
  const fc: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: MEMORIAL_WGS }, properties: { id: 'a' } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [MEMORIAL_WGS, [121.15, 41.13]] }, properties: { id: 'b' } },
      {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [[[MEMORIAL_WGS, [121.15, 41.13], [121.15, 41.12], MEMORIAL_WGS]]] },
        properties: { id: 'c' },
      },
      { type: 'Feature', geometry: null as unknown as GeoJSON.Point, properties: { id: 'd' } },
    ],
  };
  const before = JSON.stringify(fc);

  it('shifts every position of every geometry type and keeps properties', () => {
    const out = shiftCollection(fc, 'gcj02');
    const expected = toDatum(MEMORIAL_WGS, 'gcj02');
    expect((out.features[0].geometry as GeoJSON.Point).coordinates).toEqual(expected);
    expect((out.features[1].geometry as GeoJSON.LineString).coordinates[0]).toEqual(expected);
    expect((out.features[2].geometry as GeoJSON.MultiPolygon).coordinates[0][0][3]).toEqual(expected);
    expect(out.features[3].geometry).toBeNull();
    expect(out.features.map((f) => f.properties?.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves its input untouched, so switching back restores the WGS-84 data', () => {
    shiftCollection(fc, 'gcj02');
    expect(JSON.stringify(fc)).toBe(before);
    expect(shiftCollection(fc, 'wgs84')).toBe(fc);
    expect(shiftGeometry(fc.features[0].geometry, 'wgs84')).toBe(fc.features[0].geometry);
  });
});

describe('shiftBbox', () => {
  it('shifts both corners', () => {
    const b = shiftBbox([121.1, 41.1, 121.2, 41.2], 'gcj02');
    expect(b.slice(0, 2)).toEqual(toDatum([121.1, 41.1], 'gcj02'));
    expect(b.slice(2)).toEqual(toDatum([121.2, 41.2], 'gcj02'));
  });
});
