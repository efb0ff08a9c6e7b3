import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Gazetteer, ItemCollection } from './schema';
import { crsLabel, METHOD_LABELS, NEIGHBOURHOOD_IDS } from './taxonomy';

const items = ItemCollection.parse(JSON.parse(readFileSync('public/data/items.geojson', 'utf8')));

describe('taxonomy against the published items', () => {
  it('labels every locating method the data uses', () => {
    const methods = new Set(items.features.map((f) => f.properties.location.method));
    expect([...methods].filter((m) => !(m in METHOD_LABELS))).toEqual([]);
  });

  it('knows every neighbourhood id the data uses', () => {
    const ids = new Set(items.features.flatMap((f) => f.properties.neighbourhoods));
    expect([...ids].filter((id) => !NEIGHBOURHOOD_IDS.has(id))).toEqual([]);
  });

  it('explains every source coordinate system of the gazetteer in Chinese without English prose', () => {
    const gazetteer = Gazetteer.parse(JSON.parse(readFileSync('public/data/gazetteer.json', 'utf8')));
    for (const crs of new Set(gazetteer.entries.map((e) => e.src_crs))) {
      expect(crsLabel(crs, 'zh'), crs).not.toMatch(/[a-z]{3,}/); // codes like GCJ-02 are fine, words are not
    }
  });
});
