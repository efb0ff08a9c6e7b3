import { describe, expect, it } from 'vitest';
import { bboxOf, circleRing, unionBbox } from './geometry';

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
