import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { hoodFrame, hoodOutline, itemArea, itemFrame, PIN_ZOOM_CAP, pinFrame, restoredFrame, ZOOM_CAP } from './frames';
import { BoundaryCollection, ItemCollection, type Geometry } from './schema';
import { NEIGHBOURHOODS } from './taxonomy';

const items = ItemCollection.parse(JSON.parse(readFileSync('public/data/items.geojson', 'utf8'))).features;
const boundaries = BoundaryCollection.parse(JSON.parse(readFileSync('public/data/basemap/boundaries.geojson', 'utf8')));
const linghe = boundaries.features.find((f) => f.properties.is_linghe)!.geometry as Geometry;
const district = turf.bbox(linghe) as [number, number, number, number];
const subdistricts = NEIGHBOURHOODS.filter((n) => n.kind === 'subdistrict').map((n) => n.id);
const item = (id: string) => items.find((f) => f.id === id)!;

describe('itemFrame', () => {
  it('holds the whole uncertainty circle of the ±2 km bridge, capped at the near zoom', () => {
    const bridge = item('guangzhoujie-kua-xiaolinghe-teda-qiao');
    const { bbox, maxZoom } = itemFrame(bridge)!;
    const circle = turf.bbox(turf.circle(bridge.geometry!.coordinates as [number, number], 2000, { units: 'meters', steps: 64 }));
    expect(bbox[0]).toBeLessThanOrEqual(circle[0] + 1e-6);
    expect(bbox[1]).toBeLessThanOrEqual(circle[1] + 1e-6);
    expect(bbox[2]).toBeGreaterThanOrEqual(circle[2] - 1e-6);
    expect(bbox[3]).toBeGreaterThanOrEqual(circle[3] - 1e-6);
    expect(maxZoom).toBe(ZOOM_CAP.near);
  });
  it('caps each precision, and has nothing to frame for an unlocated item', () => {
    expect(itemFrame(item('liaoshen-zhanyi-jinianguan'))!.maxZoom).toBe(17);
    expect(itemFrame(item('songpo-lu'))!.maxZoom).toBe(15);
    expect(itemFrame(item('tiebei-xincheng'))!.maxZoom).toBe(13);
    expect(itemFrame(items.find((f) => !f.geometry)!)).toBeNull();
  });
});

describe('hoodFrame', () => {
  it('frames 铁北 by its outline, 滨河 by its items with their uncertainty, 紫荆街道 by the district', () => {
    expect(hoodFrame(items, 'tiebei', district).by).toBe('outline');
    const binhe = hoodFrame(items, 'binhe', district);
    expect(binhe.by).toBe('items');
    expect(binhe.bbox[2] - binhe.bbox[0]).toBeGreaterThan(0.04); // the ±2 km bridge, not one point
    const zijing = hoodFrame(items, '210703011', district);
    expect(zijing).toMatchObject({ by: 'district', bbox: district });
    expect(zijing.count).toBe(items.filter((f) => f.properties.neighbourhoods.includes('210703011')).length);
  });
  it('knows communities through the evidence that cites them', () => {
    const f = hoodFrame(items, '210703011200', district);
    expect(f.by).toBe('district');
    expect(f.count).toBeGreaterThan(0);
  });
  it('never gives a subdistrict an outline', () => {
    for (const id of subdistricts) expect(hoodOutline(items, id)).toBeNull();
  });
});

describe('itemArea', () => {
  it('highlights Linghe for a district-level item, nothing for outside, a named area where it has an outline', () => {
    const districtItem = items.find((f) => f.properties.location.precision === 'district')!;
    expect(itemArea(districtItem, items, linghe, subdistricts)).toEqual({ kind: 'district', outline: [linghe], hood: null });
    const outside = items.find((f) => f.properties.location.precision === 'outside')!;
    expect(itemArea(outside, items, linghe, subdistricts)).toEqual({ kind: 'outside', outline: null, hood: null });
    const inTiebei = items.find((f) => f.properties.location.precision === 'subdistrict' && f.properties.neighbourhoods.includes('tiebei'))!;
    expect(itemArea(inTiebei, items, linghe, subdistricts)).toMatchObject({ kind: 'subdistrict', hood: 'tiebei' });
    expect(itemArea(inTiebei, items, linghe, subdistricts)!.outline).toHaveLength(2);
    const zijing = items.find((f) => f.properties.location.precision === 'subdistrict' && f.properties.neighbourhoods.includes('210703011'))!;
    expect(itemArea(zijing, items, linghe, subdistricts)).toEqual({ kind: 'subdistrict', outline: null, hood: '210703011' });
    expect(itemArea(item('songpo-lu'), items, linghe, subdistricts)).toBeNull();
  });
});

describe('restoredFrame', () => {
  const frames = {
    item: (id: string) => (items.some((f) => f.id === id) ? itemFrame(item(id)) : null),
    hood: (id: string) => hoodFrame(items, id, district),
  };
  const none = { item: null, pin: null, radius: 500, hoods: [] as string[] };

  it('frames a restored neighbourhood exactly as choosing it does', () => {
    expect(restoredFrame({ ...none, hoods: ['tiebei'] }, frames)).toEqual(hoodFrame(items, 'tiebei', district));
    expect(restoredFrame({ ...none, hoods: ['210703011'] }, frames)).toEqual(hoodFrame(items, '210703011', district));
  });
  it('leaves the map alone for no link target, or several neighbourhoods', () => {
    expect(restoredFrame(none, frames)).toBeNull();
    expect(restoredFrame({ ...none, hoods: ['tiebei', '210703011'] }, frames)).toBeNull();
  });
  it('centres a pin with its whole radius in the frame', () => {
    const pin = { lat: 41.13, lng: 121.15 };
    const f = restoredFrame({ ...none, pin, radius: 1000, hoods: ['tiebei'] }, frames)!;
    expect((f.bbox[0] + f.bbox[2]) / 2).toBeCloseTo(pin.lng, 9);
    expect((f.bbox[1] + f.bbox[3]) / 2).toBeCloseTo(pin.lat, 9);
    const circle = turf.bbox(turf.circle([pin.lng, pin.lat], 1000, { units: 'meters', steps: 64 }));
    expect(f.bbox[0]).toBeLessThanOrEqual(circle[0]);
    expect(f.bbox[3]).toBeGreaterThanOrEqual(circle[3]);
    expect(f.maxZoom).toBe(PIN_ZOOM_CAP);
    expect(pinFrame(pin, 1000)).toEqual(f);
  });
  it('an item wins over a pin; an unknown item falls through to the pin', () => {
    const pin = { lat: 41.13, lng: 121.15 };
    expect(restoredFrame({ ...none, item: 'songpo-lu', pin }, frames)).toEqual(itemFrame(item('songpo-lu')));
    expect(restoredFrame({ ...none, item: 'no-such-item', pin, radius: 200 }, frames)).toEqual(pinFrame(pin, 200));
  });
});
