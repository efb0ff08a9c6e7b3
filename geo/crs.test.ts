import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { fromWgs84, round6, toWgs84 } from './crs';

const metres = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'meters' });

// Independent reference formulas, written out here so the test does not trust gcoord with itself.
// BD-09 -> GCJ-02: Baidu's published inverse of its GCJ-02 offset (x_pi = pi*3000/180), as used
// by e.g. the "coordtransform"/"eviltransform" projects and the Baidu map JS SDK documentation.
function bd09ToGcj02([lon, lat]: [number, number]): [number, number] {
  const xPi = (Math.PI * 3000) / 180;
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * xPi);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * xPi);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}
// WGS-84 -> GCJ-02: the leaked GB/T "Krasovsky" offset formula (eviltransform, MIT).
function wgs84ToGcj02([lon, lat]: [number, number]): [number, number] {
  const a = 6378245.0;
  const ee = 0.00669342162296594323;
  const x = lon - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLon += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLon += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

describe('toWgs84', () => {
  it('converts the memorial GCJ-02 point to the published WGS-84 position within 5 m', () => {
    // geodata/README.md: 辽沈战役纪念馆 GCJ-02 (121.148175, 41.129367) -> WGS-84 ~ (121.14255, 41.12731).
    const wgs = toWgs84([121.148175, 41.129367], 'GCJ-02');
    expect(metres(wgs, [121.14255, 41.12731])).toBeLessThan(5);
  });

  it('agrees with the independent Krasovsky formula when the WGS-84 result is shifted back to GCJ-02', () => {
    const gcj: [number, number] = [121.152653, 41.138342];
    expect(metres(wgs84ToGcj02(toWgs84(gcj, 'GCJ-02')), gcj)).toBeLessThan(1);
  });

  it('converts a BD-09 point as Baidu’s formula followed by the GCJ-02 inverse does', () => {
    // 锦州医科大学 as published by a Baidu place search (landmarks.csv).
    const bd: [number, number] = [121.14956403401095, 41.15520847524671];
    const expected = wgs84ToGcj02Inverse(bd09ToGcj02(bd));
    expect(metres(toWgs84(bd, 'BD-09'), expected)).toBeLessThan(2);
    // and BD-09 is further off WGS-84 than GCJ-02 is (~0.0065 deg east on top of GCJ's shift)
    expect(metres(toWgs84(bd, 'BD-09'), bd)).toBeGreaterThan(900);
  });

  it('leaves WGS-84 untouched', () => {
    expect(toWgs84([121.135383, 41.1232126], 'WGS-84')).toEqual([121.135383, 41.1232126]);
  });

  it('round-trips WGS-84 -> GCJ-02 / BD-09 -> WGS-84 within 1 m', () => {
    const wgs: [number, number] = [121.18, 41.12];
    for (const crs of ['GCJ-02', 'BD-09']) {
      expect(metres(toWgs84(fromWgs84(wgs, crs), crs), wgs)).toBeLessThan(1);
    }
  });

  it('names an unknown CRS in its error', () => {
    expect(() => toWgs84([121, 41], 'unknown (WGS-84 or GCJ-02)')).toThrow(/"unknown \(WGS-84 or GCJ-02\)"/);
    expect(() => toWgs84([121, 41], 'EPSG:2385')).toThrow(/EPSG:2385/);
  });
});

describe('round6', () => {
  it('rounds to six decimals without a negative zero', () => {
    expect(round6(121.12016438111095)).toBe(121.120164);
    expect(Object.is(round6(-0.0000001), -0)).toBe(false);
  });
});

/** Inverts wgs84ToGcj02 by fixed-point iteration (independent of gcoord). */
function wgs84ToGcj02Inverse(gcj: [number, number]): [number, number] {
  let wgs: [number, number] = [gcj[0], gcj[1]];
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(wgs);
    wgs = [wgs[0] - (g[0] - gcj[0]), wgs[1] - (g[1] - gcj[1])];
  }
  return wgs;
}
