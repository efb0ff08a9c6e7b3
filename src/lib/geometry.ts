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
