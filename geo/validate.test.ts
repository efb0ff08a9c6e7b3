import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemFeature } from '../src/lib/schema';
import { readBoundarySource } from './boundaries';
import { buildBasemap } from './pipeline';
import { geometryProblems, validateItems } from './validate';

const root = join(import.meta.dirname, '..');
const basemap = buildBasemap({
  landmarksCsv: readFileSync(join(root, 'geo/sources/landmarks.csv'), 'utf8'),
  adminUnitsCsv: readFileSync(join(root, 'geo/sources/admin-units.csv'), 'utf8'),
  boundarySource: readBoundarySource(root),
});
const memorial = basemap.gazetteer.find((e) => e.id === 'poi:辽沈战役纪念馆')!;
const evidence = { source: memorial.id, says: 'x', src_coordinates: memorial.src_coordinates, src_crs: memorial.src_crs };

function item(id: string, over: Partial<ItemFeature['properties']['location']> = {}, geometry: ItemFeature['geometry'] = { type: 'Point', coordinates: memorial.coordinates! }): ItemFeature {
  return {
    type: 'Feature', id, geometry,
    properties: {
      id, name: id, name_en: id, category: 'culture_tourism', neighbourhoods: [], claims: [],
      mentions: [{ start: 0, end: 1, quote: 'x', section: '一', sentence: 0, years: [2022], status: 'planned', status_words: 'x', status_rule: 'x' }],
      location: { precision: 'exact', uncertainty_m: 50, method: 'cited-place', evidence: [evidence], ...over },
    },
  };
}
const check = (items: unknown[]) => validateItems(items, basemap.gazetteer, basemap.boundaries);

describe('validateItems', () => {
  it('accepts a well-evidenced item inside Linghe', () => {
    expect(check([item('ok')])).toEqual([]);
  });

  it('collects every problem, not just the first', () => {
    const problems = check([
      item('no-evidence', { evidence: [] }),
      item('ghost', { evidence: [{ ...evidence, source: 'poi:鬼' }] }),
      item('far', {}, { type: 'Point', coordinates: [121.0, 41.0] }),
      item('null-island', {}, { type: 'Point', coordinates: [0, 0] }),
      item('ok'),
      item('ok'),
      item('district-with-geometry', { precision: 'district' }),
      item('near-no-radius', { precision: 'near', uncertainty_m: null }),
      item('misquoted', { evidence: [{ ...evidence, src_crs: 'WGS-84' }] }),
      { type: 'Feature', id: 'Not Kebab', geometry: null, properties: {} },
    ]);
    const has = (re: RegExp) => expect(problems.some((p) => re.test(p)), String(re)).toBe(true);
    has(/item no-evidence: no evidence/);
    has(/item no-evidence: geometry without evidence/);
    has(/item ghost: evidence source "poi:鬼" is not in the gazetteer/);
    has(/item far: 1 position\(s\) outside Linghe/);
    has(/item null-island: geometry: a position at null island/);
    has(/item ok: duplicate id/);
    has(/item district-with-geometry: precision district with a geometry/);
    has(/item near-no-radius: near without an uncertainty radius/);
    has(/item misquoted: evidence "poi:辽沈战役纪念馆" is not cited as published/);
    has(/item Not Kebab: does not parse/);
  });

  it('lets an outside item lie outside Linghe', () => {
    expect(check([item('out', { precision: 'outside', uncertainty_m: null }, { type: 'Point', coordinates: [121.0, 41.0] })])).toEqual([]);
  });
});

describe('geometryProblems', () => {
  it('finds unclosed rings and self-intersections', () => {
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0.1, 0.1], [1, 0], [1, 1], [0, 1]]] })).toEqual(['ring 0 is not closed']);
    const bowtie = { type: 'Polygon' as const, coordinates: [[[121, 41], [121.1, 41.1], [121.1, 41], [121, 41.1], [121, 41]]] as [number, number][][] };
    expect(geometryProblems(bowtie)[0]).toMatch(/self-intersection/);
  });
});
