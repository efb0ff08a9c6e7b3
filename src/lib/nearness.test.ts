import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { distanceTo, nearItems } from './nearness';
import { ItemCollection, type Geometry, type ItemFeature } from './schema';

const items = ItemCollection.parse(JSON.parse(readFileSync('public/data/items.geojson', 'utf8'))).features;
const all = items.map((_, i) => i);

/** turf's answer for the same question: points, lines, polygons (0 inside). */
function turfDistance(at: [number, number], g: Geometry): number {
  const pt = turf.point(at);
  switch (g.type) {
    case 'Point':
      return turf.distance(pt, turf.point(g.coordinates), { units: 'meters' });
    case 'LineString':
      return turf.pointToLineDistance(pt, turf.lineString(g.coordinates), { units: 'meters' });
    case 'Polygon':
    case 'MultiPolygon': {
      const f = turf.feature(g);
      return turf.booleanPointInPolygon(pt, f as never) ? 0 : Math.abs(turf.pointToPolygonDistance(pt, f as never, { units: 'meters' }));
    }
  }
}

describe('distanceTo', () => {
  it('agrees with turf within 0.5 % (or 1 m) for every mapped item from points across the district', () => {
    const probes: [number, number][] = [
      [121.15, 41.13],
      [121.1, 41.1],
      [121.2, 41.16],
      [121.17, 41.145],
    ];
    let n = 0;
    for (const at of probes) {
      for (const f of items) {
        if (!f.geometry) continue;
        const ours = distanceTo(at, f.geometry);
        const theirs = turfDistance(at, f.geometry);
        expect(Math.abs(ours - theirs), `${f.id} from ${at}`).toBeLessThanOrEqual(Math.max(1, theirs * 0.005));
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it('is 0 inside a polygon and not inside its hole', () => {
    const square: Geometry = {
      type: 'Polygon',
      coordinates: [
        [[121, 41], [121.1, 41], [121.1, 41.1], [121, 41.1], [121, 41]],
        [[121.04, 41.04], [121.06, 41.04], [121.06, 41.06], [121.04, 41.06], [121.04, 41.04]],
      ],
    };
    expect(distanceTo([121.02, 41.02], square)).toBe(0);
    expect(distanceTo([121.05, 41.05], square)).toBeGreaterThan(500);
  });
});

describe('nearItems', () => {
  const bridge = items.findIndex((f) => f.id === 'guangzhoujie-kua-xiaolinghe-teda-qiao');
  const at = items[bridge].geometry!.coordinates as [number, number];

  it('counts an item as near when its uncertainty reaches the radius', () => {
    // 2.3 km from the bridge point: outside a 500 m radius, but its ±2 km reaches within 300 m
    const away: [number, number] = turf.destination(turf.point(at), 2.3, 90, { units: 'kilometers' }).geometry.coordinates as [number, number];
    const near = nearItems(items, [bridge], away, 500);
    expect(near).toHaveLength(1);
    expect(near[0].distance).toBeGreaterThan(250);
    expect(near[0].distance).toBeLessThan(350);
    expect(nearItems(items, [bridge], away, 200)).toEqual([]);
  });

  it('lists nearest first, never items without geometry, and only candidates', () => {
    const near = nearItems(items, all, at, 3000);
    expect(near[0]).toEqual({ index: bridge, distance: 0 });
    for (let i = 1; i < near.length; i++) expect(near[i].distance).toBeGreaterThanOrEqual(near[i - 1].distance);
    expect(near.every((n) => items[n.index].geometry)).toBe(true);
    expect(nearItems(items, [], at, 3000)).toEqual([]);
  });

  it('takes the radius as the limit: a larger radius never lists fewer items', () => {
    let previous = 0;
    for (const r of [100, 500, 1000, 3000, 10000]) {
      const n = nearItems(items, all, [121.15, 41.13], r).length;
      expect(n).toBeGreaterThanOrEqual(previous);
      previous = n;
    }
    expect(previous).toBe(items.filter((f: ItemFeature) => f.geometry).length);
  });
});
