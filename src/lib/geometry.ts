/**
 * The little geometry the app needs (bounding boxes, an uncertainty circle), written out so the
 * bundle does not carry @turf/turf.
 */
import type { Geometry, Position } from './schema';

export type Bbox = [number, number, number, number];

/** Every vertex of a geometry. */
export function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

/** [w, s, e, n] of some geometries, or null when there are none. */
export function bboxOf(geometries: Iterable<Geometry | null>): Bbox | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const g of geometries) {
    if (!g) continue;
    for (const [x, y] of positions(g)) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return w === Infinity ? null : [w, s, e, n];
}

export function unionBbox(a: Bbox | null, b: Bbox | null): Bbox | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

const EARTH_RADIUS_M = 6_371_008.8;

/** A closed ring approximating the circle of `radiusM` metres around `center` (good to ~0.1 % at these sizes). */
export function circleRing(center: Position, radiusM: number, steps = 48): Position[] {
  const [lng, lat] = center;
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    ring.push([lng + dLng * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Whether `p` lies inside a polygon (its outer ring, less its holes): even-odd ray casting. */
function insidePolygon([x, y]: Position, rings: readonly Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Squared distance from `p` to the nearest edge of the rings, in locally square units (x scaled by `kx`). */
function edgeDistance2([px, py]: Position, rings: readonly Position[][], kx: number): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = ring[i][0] * kx, ay = ring[i][1];
      const bx = ring[i + 1][0] * kx, by = ring[i + 1][1];
      const x = px * kx, y = py;
      const dx = bx - ax, dy = by - ay;
      const t = dx || dy ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))) : 0;
      const ex = ax + t * dx - x, ey = ay + t * dy - y;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return best;
}

/**
 * Where a polygon's name goes: a point inside its largest part, as far from its edges as a
 * `grid`×`grid` sample finds (a cheap pole of inaccessibility). One point per polygon, because
 * MapLibre would label every tile's piece of a polygon separately.
 */
export function labelPoint(g: Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>, grid = 24): Position {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const area = (ring: Position[]) => Math.abs(ring.reduce((a, [x, y], i) => a + (i ? ring[i - 1][0] * y - x * ring[i - 1][1] : 0), 0));
  const rings = polys.reduce((a, b) => (area(b[0]) > area(a[0]) ? b : a));
  const [w, s, e, n] = bboxOf([{ type: 'Polygon', coordinates: rings }])!;
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  let best: Position = rings[0][0];
  let bestD = -1;
  for (let i = 0; i < grid; i++) {
    for (let j = 0; j < grid; j++) {
      const p: Position = [w + ((i + 0.5) / grid) * (e - w), s + ((j + 0.5) / grid) * (n - s)];
      if (!insidePolygon(p, rings)) continue;
      const d = edgeDistance2(p, rings, kx);
      if (d > bestD) [best, bestD] = [p, d];
    }
  }
  return best;
}
