import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASE_FILTERS, ITEM_LAYERS, ITEM_SOURCES, ITEM_FEATURE_LAYERS, ITEM_LABEL_LAYERS, itemLayers, LABEL_DENSE_ITEMS, LABEL_MINZOOM, LABEL_MINZOOM_DENSE, labelField, labelMinZoom } from './itemLayers';

describe('item layers', () => {
  const layers = itemLayers('st2022', 'en');

  it('gives every layer a base filter, so a user filter is ANDed onto each', () => {
    for (const l of layers) expect(BASE_FILTERS[l.id], l.id).toBeDefined();
  });

  it('reads the status of the chosen year', () => {
    expect(JSON.stringify(layers)).toContain('"st2022"');
    expect(JSON.stringify(layers)).not.toContain('"st"]');
  });

  it('labels in the requested language, from separate symbol layers that are not hover targets', () => {
    const labels = layers.filter((l) => ITEM_LABEL_LAYERS.includes(l.id));
    expect(labels.map((l) => l.type)).toEqual(['symbol', 'symbol', 'symbol']);
    for (const l of labels) expect((l as { layout: Record<string, unknown> }).layout['text-field']).toEqual(['get', 'name_en']);
    expect(labelField('zh')).toEqual(['get', 'name']);
    expect(ITEM_FEATURE_LAYERS.some((id) => ITEM_LABEL_LAYERS.includes(id))).toBe(false);
  });

  it('labels a dense dataset only from close in', () => {
    expect(labelMinZoom(15)).toBe(LABEL_MINZOOM);
    expect(labelMinZoom(LABEL_DENSE_ITEMS)).toBe(LABEL_MINZOOM);
    expect(labelMinZoom(LABEL_DENSE_ITEMS + 1)).toBe(LABEL_MINZOOM_DENSE);
    // areas are named from further out than points, unless the dataset is dense
    expect(labelMinZoom(15, ITEM_LAYERS.labelArea)).toBeLessThan(LABEL_MINZOOM);
    expect(labelMinZoom(LABEL_DENSE_ITEMS + 1, ITEM_LAYERS.labelArea)).toBe(LABEL_MINZOOM_DENSE);
  });

  it('stacks area names on top (placed first), all names above every other item layer', () => {
    const ids = layers.map((l) => l.id);
    expect(ids.slice(-ITEM_LABEL_LAYERS.length)).toEqual([...ITEM_LABEL_LAYERS]);
    expect(ids.at(-1)).toBe(ITEM_LAYERS.labelArea);
  });

  it('rings contributed locations only: points by a circle, lines and areas by a line', () => {
    const hit = (layer: string, type: 1 | 2 | 3, contributed: boolean) =>
      featureFilter(BASE_FILTERS[layer] as never, 'filter').filter({ zoom: 14 } as never, { type, properties: { contributed } } as never);
    expect([hit(ITEM_LAYERS.contributedPoint, 1, true), hit(ITEM_LAYERS.contributedPoint, 1, false), hit(ITEM_LAYERS.contributedPoint, 3, true)]).toEqual([true, false, false]);
    expect([hit(ITEM_LAYERS.contributedLine, 3, true), hit(ITEM_LAYERS.contributedLine, 2, true), hit(ITEM_LAYERS.contributedLine, 3, false), hit(ITEM_LAYERS.contributedLine, 1, true)]).toEqual([true, true, false, false]);
  });

  describe('atlas mode: filters and the year reach the map without re-tiling', () => {
    const atlas = itemLayers('st2022', 'zh', 'atlas');
    const byId = (id: string) => atlas.find((l) => l.id === id) as { source: string; paint: Record<string, unknown> };

    it('hides every drawn shape by feature-state, and no naive layer reads it', () => {
      const shapes = atlas.filter((l) => !ITEM_LABEL_LAYERS.includes(l.id) && l.id !== ITEM_LAYERS.point);
      for (const l of shapes) expect(JSON.stringify((l as { paint: unknown }).paint), l.id).toContain('["feature-state","hidden"]');
      expect(JSON.stringify(layers)).not.toContain('"hidden"');
    });

    it('takes the status from feature-state over the all-years property, never from a year key', () => {
      const text = JSON.stringify(atlas);
      expect(text).toContain('["coalesce",["feature-state","st"],["get","st"]]');
      expect(text).not.toContain('st2022');
    });

    it('keeps the point layer for hit-testing only (both opacities 0: MapLibre skips drawing it)', () => {
      const p = byId(ITEM_LAYERS.point).paint;
      expect([p['circle-opacity'], p['circle-stroke-opacity']]).toEqual([0, 0]);
      // the same radii as drawn, so the pointer finds what the eye sees
      expect(p['circle-radius']).toEqual((layers.find((l) => l.id === ITEM_LAYERS.point) as { paint: Record<string, unknown> }).paint['circle-radius']);
    });

    it('puts point and line labels on their own source, so filtering them re-tiles nothing else', () => {
      expect([byId(ITEM_LAYERS.label).source, byId(ITEM_LAYERS.labelLine).source]).toEqual([ITEM_SOURCES.labels, ITEM_SOURCES.labels]);
      expect(byId(ITEM_LAYERS.lineExact).source).toBe(ITEM_SOURCES.items);
    });
  });
});
