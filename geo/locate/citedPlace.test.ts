import { describe, expect, it } from 'vitest';
import type { GazetteerEntry } from '../../src/lib/schema';
import { type CitedPlaceSpec, locateCitedPlace } from './citedPlace';
import { golden, goldenCases, readCase } from './golden';

type Case = { spec: CitedPlaceSpec; entries: GazetteerEntry[] };
const index = (entries: GazetteerEntry[]) => new Map(entries.map((e) => [e.id, e]));

describe('cited-place (golden)', () => {
  it('has cases', () => expect(goldenCases('cited-place').length).toBeGreaterThan(0));
  for (const name of goldenCases('cited-place')) {
    it(name, () => {
      const c = readCase<Case>('cited-place', name);
      const { got, want } = golden('cited-place', name, locateCitedPlace(c.spec, index(c.entries)));
      expect(got).toBe(want);
    });
  }
});

describe('cited-place', () => {
  it('uses the WGS-84 position and cites the entry as published', () => {
    const c = readCase<Case>('cited-place', 'memorial-exact');
    const loc = locateCitedPlace(c.spec, index(c.entries));
    expect(loc.geometry).toEqual({ type: 'Point', coordinates: c.entries[0].coordinates });
    expect(loc.evidence[0]).toMatchObject({ source: 'poi:辽沈战役纪念馆', src_coordinates: [121.148175, 41.129367], src_crs: 'GCJ-02' });
  });
  it('refuses exact for a point whose CRS is only assumed', () => {
    const c = readCase<Case>('cited-place', 'college-bd09-assumed-near');
    expect(() => locateCitedPlace({ ...c.spec, precision: 'exact' }, index(c.entries))).toThrow(/college:锦州医科大学.*too loose/);
  });
  it('names a missing gazetteer id', () => {
    expect(() => locateCitedPlace({ source: 'poi:无此地', precision: 'exact', note: 'x', note_zh: 'x' }, new Map())).toThrow(/poi:无此地/);
  });
});
