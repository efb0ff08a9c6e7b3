import { MercatorCoordinate } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { packPoints, perVertex, quadIndices, rgbBytes, statusCode, translated, visibleBytes, VERTICES_PER_POINT } from './pointLayer';

describe('point layer buffers', () => {
  const points = [
    { item: 4, lngLat: [121.13, 41.12] as const, colour: '#1f5fbf' },
    { item: 0, lngLat: [121.2, 41.15] as const, colour: '#d3382f' },
    { item: 9, lngLat: [121.16, 41.09] as const, colour: '#2e7d32' },
  ];

  it('keeps each point to well under a pixel at zoom 18 as a float32 offset from the middle', () => {
    const p = packPoints(points);
    const worldPx = 512 * 2 ** 18;
    points.forEach((pt, k) => {
      const m = MercatorCoordinate.fromLngLat({ lng: pt.lngLat[0], lat: pt.lngLat[1] });
      expect(Math.abs(p.origin[0] + p.offsets[2 * k] - m.x) * worldPx).toBeLessThan(0.01);
      expect(Math.abs(p.origin[1] + p.offsets[2 * k + 1] - m.y) * worldPx).toBeLessThan(0.01);
    });
    expect([...p.items]).toEqual([4, 0, 9]);
    expect([...p.colours.slice(0, 8)]).toEqual([0x1f, 0x5f, 0xbf, 255, 0xd3, 0x38, 0x2f, 255]);
  });

  it('repeats each point for its four vertices, whose ids give the point (id >> 2) and corner (id & 3)', () => {
    const p = packPoints(points);
    const offsets = perVertex(p.offsets, 2);
    const colours = perVertex(p.colours, 4);
    const bytes = perVertex(new Uint8Array([7, 0, 3]), 1, new Uint8Array(12));
    expect(offsets).toBeInstanceOf(Float32Array);
    expect(offsets).toHaveLength(points.length * VERTICES_PER_POINT * 2);
    const idx = quadIndices(points.length);
    expect(idx).toHaveLength(points.length * 6);
    const corners = new Set<number>();
    for (let t = 0; t < idx.length; t++) {
      const id = idx[t];
      const k = id >> 2;
      expect(k).toBe(Math.floor(t / 6)); // a triangle never spans two points
      expect([offsets[2 * id], offsets[2 * id + 1]]).toEqual([p.offsets[2 * k], p.offsets[2 * k + 1]]);
      expect([...colours.slice(4 * id, 4 * id + 4)]).toEqual([...p.colours.slice(4 * k, 4 * k + 4)]);
      expect(bytes[id]).toBe([7, 0, 3][k]);
      if (k === 0) corners.add(id & 3);
    }
    expect([...corners].sort()).toEqual([0, 1, 2, 3]); // the two triangles cover the whole quad
    expect([...idx.slice(0, 6)]).toEqual([0, 1, 2, 1, 3, 2]);
  });

  it('shows a point exactly when its item bit is set (null = all)', () => {
    const bits = new Uint32Array(1);
    bits[0] = (1 << 4) | (1 << 9);
    const items = new Int32Array([4, 0, 9, 31]);
    expect([...visibleBytes(bits, items)]).toEqual([1, 0, 1, 0]);
    bits[0] = 1 << 31;
    expect([...visibleBytes(bits, items)]).toEqual([0, 0, 0, 1]);
    expect([...visibleBytes(null, items)]).toEqual([1, 1, 1, 1]);
  });

  it('codes statuses as the circle layer styles them (anything unknown draws as planned)', () => {
    expect(['completed', 'under_way', 'planned', '', undefined].map(statusCode)).toEqual([0, 1, 2, 2, 2]);
    expect(rgbBytes('#ffffff')).toEqual([255, 255, 255]);
  });

  it('translates a matrix so that offset + origin lands where the point itself would', () => {
    // a column-major matrix with scale, shear and translation
    const m = [2, 0.5, 0, 0, -0.25, 3, 0, 0, 0, 0, 1, 0, 7, -4, 0, 1];
    const apply = (mat: ArrayLike<number>, x: number, y: number) => [0, 1, 3].map((r) => mat[r] * x + mat[4 + r] * y + mat[12 + r]);
    const t = translated(m, 0.8, 0.4);
    expect(apply(t, 0.01, -0.02)).toEqual(apply(m, 0.81, 0.38).map((v) => expect.closeTo(v, 12)));
  });
});
