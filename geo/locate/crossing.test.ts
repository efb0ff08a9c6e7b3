import { distance, rhumbBearing } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { GazetteerEntry } from '../../src/lib/schema';
import { locateCrossing, parseCrossing } from './crossing';
import type { Notes } from './evidence';
import { golden, goldenCases, readCase } from './golden';

type Case = { spec: { source: string } & Notes; entries: GazetteerEntry[] };
const index = (entries: GazetteerEntry[]) => new Map(entries.map((e) => [e.id, e]));

describe('parseCrossing', () => {
  it('reads streets, direction and distance', () => {
    expect(parseCrossing('松坡路与锦义街交叉口西160米')).toEqual({ streets: ['松坡路', '锦义街'], bearing: 270, distance_m: 160 });
    expect(parseCrossing('为民路与锦义街交叉口西南280米')).toEqual({ streets: ['为民路', '锦义街'], bearing: 225, distance_m: 280 });
    expect(parseCrossing('解放路与云飞街交叉口东北方向')).toEqual({ streets: ['解放路', '云飞街'], bearing: 45, distance_m: 0 });
  });
  it('returns null for addresses that state no crossing', () => {
    expect(parseCrossing('广州街18号')).toBeNull();
    expect(parseCrossing('士英街道松坡路(辽宁工业大学东北侧约100米)')).toBeNull();
  });
});

describe('crossing-offset (golden)', () => {
  it('has cases', () => expect(goldenCases('crossing-offset').length).toBeGreaterThan(0));
  for (const name of goldenCases('crossing-offset')) {
    it(name, () => {
      const c = readCase<Case>('crossing-offset', name);
      const { got, want } = golden('crossing-offset', name, locateCrossing(c.spec, index(c.entries)));
      expect(got).toBe(want);
    });
  }
});

describe('crossing-offset', () => {
  it('shifts a POI stated 160 m west of the crossing 160 m east', () => {
    const c = readCase<Case>('crossing-offset', 'laoyemiao-west-160m');
    const loc = locateCrossing(c.spec, index(c.entries));
    const poi = c.entries[0].coordinates!;
    const at = loc.geometry!.coordinates as [number, number];
    expect(distance(poi, at, { units: 'meters' })).toBeCloseTo(160, -1);
    expect(rhumbBearing(poi, at)).toBeCloseTo(90, 0);
    expect(loc.precision).toBe('near');
    expect(loc.uncertainty_m).toBeGreaterThan(100);
  });
  it('throws naming an entry whose address states no crossing', () => {
    const e: GazetteerEntry = { id: 'poi:八一公园', name: '八一公园', kind: 'poi', address: '广州街18号', source: 's', licence: 'l', src_coordinates: [1, 1], src_crs: 'GCJ-02', coordinates: [1, 1] };
    expect(() => locateCrossing({ source: e.id, note: 'x', note_zh: 'x' }, index([e]))).toThrow(/poi:八一公园.*广州街18号/);
  });
});
