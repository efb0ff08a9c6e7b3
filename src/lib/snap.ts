/**
 * Snapping while placing: a click, tap or drag that ends within a few pixels of a vertex of an item
 * already on the map, or of the district outline, lands exactly on that vertex, so a contributed
 * compound can share an edge with its neighbour or stop at the district line. Pure: the map layer
 * projects to screen pixels, this picks. A snapped position is the target's own WGS-84 coordinate,
 * never a converted one.
 */
import { positions } from './geometry';
import type { Geometry, Position } from './schema';

/** How close (CSS px) a pointer must come to a vertex to land on it: about a fingertip's slack. */
export const SNAP_PX = 10;

/** Every vertex worth snapping to: the items' geometries and the outline, deduplicated. */
export function snapTargets(geometries: Iterable<Geometry | null | undefined>): Position[] {
  const seen = new Set<string>();
  const out: Position[] = [];
  for (const g of geometries) {
    if (!g) continue;
    for (const p of positions(g)) {
      const k = `${p[0]},${p[1]}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push([p[0], p[1]]);
    }
  }
  return out;
}

/**
 * The target nearest to `at` (screen px) within `tolerance` px, or null. `project` gives a target's
 * screen position (the caller's map, in its datum).
 */
export function snapAt(at: readonly [number, number], targets: readonly Position[], project: (p: Position) => readonly [number, number], tolerance = SNAP_PX): Position | null {
  let best: Position | null = null;
  let bestD = tolerance * tolerance;
  for (const t of targets) {
    const [x, y] = project(t);
    const d = (x - at[0]) ** 2 + (y - at[1]) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = t;
    }
  }
  return best;
}
