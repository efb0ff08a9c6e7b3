import { describe, expect, it } from 'vitest';
import type { GazetteerEntry } from '../src/lib/schema';
import { buildContext, contextKind, growBbox } from './basemap';

const entry = (id: string, kind: string, name: string, c: [number, number] | null): GazetteerEntry => ({
  id, kind, name, source: 'test', licence: 'test', src_coordinates: c, src_crs: 'WGS-84', coordinates: c,
});
const BBOX: [number, number, number, number] = [121.125, 41.093, 121.25, 41.158];

describe('contextKind', () => {
  it('keeps parks, memorials and temples but not guesthouses or sub-points of a park', () => {
    expect(contextKind(entry('poi:紫荆山公园', 'poi', '紫荆山公园', [121.2, 41.1]))).toBe('landmark');
    expect(contextKind(entry('poi:辽沈战役纪念馆', 'poi', '辽沈战役纪念馆', [121.2, 41.1]))).toBe('landmark');
    expect(contextKind(entry('poi:锦州站民宿', 'poi', '锦州站民宿', [121.2, 41.1]))).toBeNull();
    expect(contextKind(entry('poi:凌河公园-休息亭', 'poi', '凌河公园-休息亭', [121.2, 41.1]))).toBeNull();
    expect(contextKind(entry('station:锦州站', 'railway_station', '锦州站', [121.2, 41.1]))).toBe('station');
    expect(contextKind(entry('community:1', 'community', '贵州社区', null))).toBeNull();
  });
});

describe('buildContext', () => {
  it('keeps points inside the bbox grown by the margin, sorted by id, drops far ones', () => {
    const entries = [
      entry('station:锦州北站', 'railway_station', '锦州北站', [121.121419, 41.179248]), // ~2.4 km north
      entry('station:锦州南站', 'railway_station', '锦州南站', [121.121162, 41.014496]), // ~8.7 km south
      entry('college:锦州医科大学', 'college', '锦州医科大学', [121.137318, 41.147492]),
    ];
    const ctx = buildContext(entries, BBOX);
    expect(ctx.features.map((f) => f.properties)).toEqual([
      { id: 'college:锦州医科大学', name: '锦州医科大学', kind: 'college' },
      { id: 'station:锦州北站', name: '锦州北站', kind: 'station' },
    ]);
  });

  it('grows the bbox by about the margin in metres', () => {
    const [w, s] = growBbox(BBOX, 1000);
    expect((BBOX[1] - s) * 111_320).toBeCloseTo(1000, 0);
    expect((BBOX[0] - w) * 111_320 * Math.cos((41.125 * Math.PI) / 180)).toBeCloseTo(1000, -1);
  });
});
