/**
 * Placing mode as plain data: the shape being drawn, its vertices, an undo history and the keyboard
 * cursor. Pure functions return a new state, so the map layer, the buttons and the keys all go
 * through the same few steps (and undo undoes any of them).
 */
import type { ContributionGeometry, SourceCrs } from './contribution';
import type { Position } from './schema';

export type PlaceShape = 'point' | 'line' | 'polygon';
export const PLACE_SHAPES: readonly PlaceShape[] = ['point', 'line', 'polygon'];

/** The CRS of the map placing happens on: vertices are kept in it, exactly as drawn. */
export type PlacingCrs = Extract<SourceCrs, 'WGS-84' | 'GCJ-02'>;

export interface Placing {
  shape: PlaceShape;
  /** Fixed for the session (the basemap is locked while placing): nothing is ever converted here. */
  crs: PlacingCrs;
  vertices: readonly Position[];
  /** Earlier vertex lists, latest last. */
  past: readonly (readonly Position[])[];
  /** Where Enter adds a vertex (keyboard users); the map shows it as a crosshair. */
  cursor: Position;
  /**
   * A vertex picked by keyboard to move: arrows move it, Enter keeps the move (one undo step),
   * Escape puts it back. `from` is the vertex list before the move began.
   */
  editing: { index: number; from: readonly Position[] } | null;
}

export const startPlacing = (cursor: Position, shape: PlaceShape = 'polygon', crs: PlacingCrs = 'WGS-84'): Placing => ({ shape, crs, vertices: [], past: [], cursor, editing: null });

const step = (p: Placing, vertices: readonly Position[]): Placing => ({ ...p, vertices, past: [...p.past, p.vertices] });

/** A point has one vertex: adding replaces it. */
export function addVertex(p: Placing, at: Position): Placing {
  if (p.editing) p = confirmEdit(p);
  return step(p, p.shape === 'point' ? [at] : [...p.vertices, at]);
}

export function moveVertex(p: Placing, index: number, to: Position): Placing {
  if (index < 0 || index >= p.vertices.length) return p;
  return step(p, p.vertices.map((v, i) => (i === index ? to : v)));
}

/** A vertex drag is many moves and one undo step: `from` is the list before the drag began. */
export function endDrag(p: Placing, from: readonly Position[]): Placing {
  return { ...p, past: [...p.past.slice(0, p.past.length - countSince(p, from)), from] };
}
function countSince(p: Placing, from: readonly Position[]): number {
  const i = p.past.lastIndexOf(from);
  return i < 0 ? 0 : p.past.length - i;
}

export function undo(p: Placing): Placing {
  if (p.editing) return cancelEdit(p);
  if (!p.past.length) return p;
  return { ...p, vertices: p.past[p.past.length - 1], past: p.past.slice(0, -1) };
}

/** Changing the shape keeps what fits: a point keeps the last vertex. */
export function setShape(p: Placing, shape: PlaceShape): Placing {
  if (shape === p.shape) return p;
  if (p.editing) p = confirmEdit(p);
  const vertices = shape === 'point' ? p.vertices.slice(-1) : p.vertices;
  return { ...p, shape, vertices, past: [...p.past, p.vertices] };
}

/** The crosshair moves; while a vertex is being edited, the vertex moves with it (no history yet). */
export function moveCursor(p: Placing, cursor: Position): Placing {
  if (!p.editing) return { ...p, cursor };
  const i = p.editing.index;
  return { ...p, cursor, vertices: p.vertices.map((v, j) => (j === i ? cursor : v)) };
}

/**
 * Picks the next (dir 1) or previous (dir -1) vertex to move by keyboard, keeping any move of the
 * one picked before; the crosshair jumps onto it. Nothing to pick without vertices.
 */
export function pickVertex(p: Placing, dir: 1 | -1): Placing {
  const n = p.vertices.length;
  if (!n) return p;
  const kept = p.editing ? confirmEdit(p) : p;
  const index = p.editing ? (((p.editing.index + dir) % n) + n) % n : dir === 1 ? 0 : n - 1;
  return { ...kept, editing: { index, from: kept.vertices }, cursor: kept.vertices[index] };
}

/** Keeps a keyboard move: one undo step, however many arrow presses it took. */
export function confirmEdit(p: Placing): Placing {
  if (!p.editing) return p;
  const { from } = p.editing;
  const moved = from.some((v, i) => v !== p.vertices[i]);
  return { ...p, editing: null, past: moved ? [...p.past, from] : p.past };
}

/** Puts the vertex back where it was before the keyboard move. */
export function cancelEdit(p: Placing): Placing {
  if (!p.editing) return p;
  return { ...p, vertices: p.editing.from, cursor: p.editing.from[p.editing.index], editing: null };
}

/** Vertices still needed before the shape is a geometry. */
export function missingVertices(p: Placing): number {
  const need = p.shape === 'point' ? 1 : p.shape === 'line' ? 2 : 3;
  return Math.max(0, need - p.vertices.length);
}

/** The drawn geometry, or null while vertices are missing; a polygon's ring is closed here. */
export function placedGeometry(p: Placing): ContributionGeometry | null {
  if (missingVertices(p)) return null;
  const vs = p.vertices.map((v) => [v[0], v[1]] as Position);
  if (p.shape === 'point') return { type: 'Point', coordinates: vs[0] };
  if (p.shape === 'line') return { type: 'LineString', coordinates: vs };
  return { type: 'Polygon', coordinates: [[...vs, vs[0]]] };
}
