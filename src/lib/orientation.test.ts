import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, toRecord, type FilterState } from './filters';
import { activeFilters, leadCounts, withoutFilter } from './orientation';
import type { ItemFeature } from './schema';

function item(id: string, status: 'completed' | 'planned', mapped: boolean): ItemFeature {
  return {
    type: 'Feature',
    id,
    geometry: mapped ? { type: 'Point', coordinates: [121.1, 41.1] } : null,
    properties: {
      id, name: id, name_en: id, category: 'road_bridge', neighbourhoods: [], claims: [],
      mentions: [{ start: 0, end: 1, quote: 'x', section: '一', sentence: 0, years: [2022], status, status_words: '', status_rule: 't' }],
      location: { precision: mapped ? 'exact' : 'district', uncertainty_m: null, method: 'm', evidence: [] },
    },
  } as unknown as ItemFeature;
}

describe('leadCounts', () => {
  const items = [item('a', 'completed', true), item('b', 'planned', false), item('c', 'planned', true)];
  const records = items.map((f) => toRecord(f));
  it('counts the visible items, those on the map and each status in order', () => {
    const lead = leadCounts([0, 1, 2], records, (i) => !!items[i].geometry, null, ['completed', 'under_way', 'planned']);
    expect(lead).toEqual({ items: 3, mapped: 2, byStatus: [{ status: 'completed', n: 1 }, { status: 'planned', n: 2 }] });
  });
  it('follows the filters: only the indices given count', () => {
    expect(leadCounts([1], records, (i) => !!items[i].geometry, 2022, ['completed', 'under_way', 'planned'])).toEqual({
      items: 1, mapped: 0, byStatus: [{ status: 'planned', n: 1 }],
    });
  });
});

describe('activeFilters / withoutFilter', () => {
  const f: FilterState = { year: 2022, categories: ['education'], statuses: ['planned'], hoods: ['tiebei', 'binhe'], precisions: ['district'], q: ' 松坡 ' };
  it('lists every active filter once, none for the defaults', () => {
    expect(activeFilters(DEFAULT_FILTERS)).toEqual([]);
    expect(activeFilters(f).map((a) => `${a.facet}:${a.value}`)).toEqual(['q:松坡', 'year:2022', 'status:planned', 'category:education', 'hood:tiebei', 'hood:binhe', 'precision:district']);
  });
  it('removes exactly one chip, and all of them gives the defaults', () => {
    expect(withoutFilter(f, { facet: 'hood', value: 'tiebei' }).hoods).toEqual(['binhe']);
    const cleared = activeFilters(f).reduce(withoutFilter, f);
    expect(cleared).toEqual(DEFAULT_FILTERS);
  });
});
