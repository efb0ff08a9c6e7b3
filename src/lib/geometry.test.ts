import { describe, expect, it } from 'vitest';
import { bboxOf, circleRing, labelPoint, unionBbox } from './geometry';

describe('bboxOf', () => {
  it('spans points, lines and polygons and skips null geometries', () => {
    expect(
      bboxOf([
        { type: 'Point', coordinates: [121.15, 41.12] },
        null,
        { type: 'LineString', coordinates: [[121.14, 41.14], [121.16, 41.141]] },
      ]),
    ).toEqual([121.14, 41.12, 121.16, 41.141]);
    expect(bboxOf([null])).toBeNull();
  });
  it('unions with null as the identity', () => {
    expect(unionBbox(null, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(unionBbox([0, 0, 1, 1], [2, -1, 3, 0.5])).toEqual([0, -1, 3, 1]);
  });
});

describe('circleRing', () => {
  it('is closed and every vertex lies the radius away (haversine)', () => {
    const c: [number, number] = [121.15, 41.13];
    const ring = circleRing(c, 500);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const rad = Math.PI / 180;
    for (const [x, y] of ring) {
      const a = Math.sin(((y - c[1]) * rad) / 2) ** 2 + Math.cos(c[1] * rad) * Math.cos(y * rad) * Math.sin(((x - c[0]) * rad) / 2) ** 2;
      const d = 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
      expect(Math.abs(d - 500)).toBeLessThan(2);
    }
  });
});

describe('labelPoint', () => {
  const inside = ([x, y]: number[], ring: number[][]) => {
    let c = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      if (ring[i][1] > y !== ring[j][1] > y && x < ((ring[j][0] - ring[i][0]) * (y - ring[i][1])) / (ring[j][1] - ring[i][1]) + ring[i][0]) c = !c;
    }
    return c;
  };
  it('puts a square’s label near its middle', () => {
    const [x, y] = labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
    expect(Math.abs(x - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(y - 0.5)).toBeLessThan(0.05);
  });
  it('keeps a U-shaped polygon’s label inside it, where its bbox centre is not', () => {
    const u: [number, number][] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    expect(inside([1.5, 1.5], u)).toBe(false);
    expect(inside(labelPoint({ type: 'Polygon', coordinates: [u] }), u)).toBe(true);
  });
  it('labels the largest part of a MultiPolygon, and avoids a hole', () => {
    const big: [number, number][] = [[10, 10], [14, 10], [14, 14], [10, 14], [10, 10]];
    const hole: [number, number][] = [[11, 11], [13, 11], [13, 13], [11, 13], [11, 11]];
    const p = labelPoint({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [big, hole]] });
    expect(inside(p, big) && !inside(p, hole)).toBe(true);
  });
});
