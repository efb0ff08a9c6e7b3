import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaCounts, isAreaActive } from './areaCounts';
import { DEFAULT_FILTERS, matches, toRecord } from './filters';
import { ItemCollection } from './schema';

const items = ItemCollection.parse(JSON.parse(readFileSync('public/data/items.geojson', 'utf8'))).features;
const records = items.map((f) => toRecord(f));
const visibleFor = (f = DEFAULT_FILTERS) => records.flatMap((r, i) => (matches(r, f) ? [i] : []));

describe('areaCounts', () => {
  it('counts every unmapped item exactly once, in a fixed order', () => {
    const counts = areaCounts(items, visibleFor());
    const unmapped = items.filter((f) => !f.geometry).length;
    expect(counts.reduce((n, a) => n + a.count, 0)).toBe(unmapped);
    expect(counts[0].key).toBe('district');
    expect(counts.at(-1)!.key).toBe('outside');
    expect(counts.find((a) => a.label.zh === '紫荆街道')!.count).toBe(items.filter((f) => f.properties.location.precision === 'subdistrict' && f.properties.neighbourhoods.includes('210703011')).length);
  });

  it('follows the filters: a category changes the counts', () => {
    const all = areaCounts(items, visibleFor());
    const estate = areaCounts(items, visibleFor({ ...DEFAULT_FILTERS, categories: ['real_estate'] }));
    expect(estate.reduce((n, a) => n + a.count, 0)).toBe(items.filter((f) => !f.geometry && f.properties.category === 'real_estate').length);
    expect(estate).not.toEqual(all);
    expect(areaCounts(items, [])).toEqual([]);
  });

  it("each count's patch lists exactly the items it counts", () => {
    for (const a of areaCounts(items, visibleFor())) {
      const f = { ...DEFAULT_FILTERS, ...a.patch };
      expect(visibleFor(f).filter((i) => !items[i].geometry).length, a.key).toBe(a.count);
      expect(isAreaActive(a, f)).toBe(true);
      expect(isAreaActive(a, DEFAULT_FILTERS)).toBe(false);
    }
  });
});
