import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hoodBbox } from './hoodBbox';
import { ItemCollection, type ItemFeature } from './schema';

const items = ItemCollection.parse(JSON.parse(readFileSync('tests/fixtures/atlas-mini/items.geojson', 'utf8'))).features;

describe('hoodBbox', () => {
  it('frames the area-plan polygon of a named area, not every item in it', () => {
    // songpo-lu is in tiebei too, but the Tiebei frame is the new-town polygon
    expect(hoodBbox(items, 'tiebei')).toEqual([121.13, 41.14, 121.2, 41.16]);
  });
  it('spans every area plan of the area when there are several (a plan and its part)', () => {
    const plan = items.find((f) => f.id === 'tiebei-xincheng')!;
    const part: ItemFeature = {
      ...plan,
      id: 'part',
      geometry: { type: 'Polygon', coordinates: [[[121.19, 41.15], [121.21, 41.15], [121.21, 41.17], [121.19, 41.17], [121.19, 41.15]]] },
    };
    expect(hoodBbox([part, ...items], 'tiebei')).toEqual([121.13, 41.14, 121.21, 41.17]);
  });
  it('falls back to the mapped items of a neighbourhood, and to null without any', () => {
    expect(hoodBbox(items, '210703009')).toEqual([121.155, 41.125, 121.155, 41.125]);
    expect(hoodBbox(items, '210703004')).toBeNull(); // 贵州小区 is known only to its subdistrict
    expect(hoodBbox(items, 'binhe')).toBeNull();
  });
});
