import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASE_FILTERS, ITEM_LAYERS, ITEM_FEATURE_LAYERS, ITEM_LABEL_LAYERS, itemLayers, LABEL_DENSE_ITEMS, LABEL_MINZOOM, LABEL_MINZOOM_DENSE, labelField, labelMinZoom } from './itemLayers';

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
});
