/**
 * "What is near this place": an item is near a pin when its geometry, or its uncertainty around
 * it, comes within the radius — distance to the geometry minus the uncertainty. Distances are on a
 * local flat projection around the pin, good to well under 1 % across a district (checked against
 * turf in nearness.test.ts), so the bundle does not carry turf.
 */
import type { Geometry, ItemFeature, Position } from './schema';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

type XY = [number, number];

/** Metres east/north of `origin`. */
function project(origin: Position, cosLat: number, [lng, lat]: Position): XY {
  return [(lng - origin[0]) * RAD * EARTH_RADIUS_M * cosLat, (lat - origin[1]) * RAD * EARTH_RADIUS_M];
}

/** Distance from the origin (0,0) to the segment a–b. */
function toSegment(a: XY, b: XY): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / len2));
  return Math.hypot(a[0] + t * dx, a[1] + t * dy);
}

/** Whether the origin lies inside a ring (even-odd rule). */
function ringContainsOrigin(ring: XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > 0 !== yj > 0 && 0 < ((xj - xi) * -yi) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function toPath(path: XY[]): number {
  if (path.length === 1) return Math.hypot(path[0][0], path[0][1]);
  let d = Infinity;
  for (let i = 1; i < path.length; i++) d = Math.min(d, toSegment(path[i - 1], path[i]));
  return d;
}

/** Metres from `at` ([lng, lat]) to the nearest point of `g`; 0 inside a polygon. */
export function distanceTo(at: Position, g: Geometry): number {
  const cosLat = Math.cos(at[1] * RAD);
  const p = (ps: Position[]) => ps.map((q) => project(at, cosLat, q));
  const polygon = (rings: Position[][]) => {
    const xy = rings.map(p);
    // inside the outer ring and in no hole
    if (ringContainsOrigin(xy[0]) && !xy.slice(1).some(ringContainsOrigin)) return 0;
    return Math.min(...xy.map(toPath));
  };
  switch (g.type) {
    case 'Point':
      return toPath(p([g.coordinates]));
    case 'LineString':
      return toPath(p(g.coordinates));
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPolygon':
      return Math.min(...g.coordinates.map(polygon));
  }
}

export interface Near {
  /** Index into the items. */
  index: number;
  /** Metres from the pin to the item's geometry less its uncertainty; 0 when the pin is within it. */
  distance: number;
}

/** The items among `candidates` (indices) near `at` within `radius` metres, nearest first, then in report order. */
export function nearItems(items: readonly ItemFeature[], candidates: readonly number[], at: Position, radius: number): Near[] {
  const out: Near[] = [];
  for (const index of candidates) {
    const f = items[index];
    if (!f.geometry) continue;
    const distance = Math.max(0, distanceTo(at, f.geometry) - (f.properties.location.uncertainty_m ?? 0));
    if (distance <= radius) out.push({ index, distance });
  }
  return out.sort((a, b) => a.distance - b.distance || a.index - b.index);
}
