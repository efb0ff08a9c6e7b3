import { describe, expect, it } from 'vitest';
import { addVertex, cancelEdit, confirmEdit, endDrag, missingVertices, moveCursor, moveVertex, pickVertex, placedGeometry, setShape, startPlacing, undo } from './placing';

const A: [number, number] = [121.17, 41.12];
const B: [number, number] = [121.18, 41.12];
const C: [number, number] = [121.18, 41.13];

describe('placing', () => {
  it('needs three vertices for a polygon and closes its ring', () => {
    let p = startPlacing(A);
    p = addVertex(addVertex(p, A), B);
    expect(missingVertices(p)).toBe(1);
    expect(placedGeometry(p)).toBeNull();
    p = addVertex(p, C);
    expect(placedGeometry(p)).toEqual({ type: 'Polygon', coordinates: [[A, B, C, A]] });
  });

  it('keeps one vertex for a point, and undo walks back every step', () => {
    let p = startPlacing(A, 'point');
    p = addVertex(addVertex(p, A), B);
    expect(placedGeometry(p)).toEqual({ type: 'Point', coordinates: B });
    p = undo(p);
    expect(p.vertices).toEqual([A]);
    p = undo(undo(p));
    expect(p.vertices).toEqual([]);
  });

  it('moves a vertex, a whole drag being one undo step', () => {
    let p = addVertex(addVertex(startPlacing(A, 'line'), A), B);
    const before = p.vertices;
    p = moveVertex(p, 1, [121.181, 41.121]);
    p = moveVertex(p, 1, C);
    p = endDrag(p, before);
    expect(placedGeometry(p)).toEqual({ type: 'LineString', coordinates: [A, C] });
    expect(undo(p).vertices).toEqual([A, B]);
  });

  it('switching to a point keeps the last vertex; undo restores the rest', () => {
    let p = addVertex(addVertex(startPlacing(A, 'line'), A), B);
    p = setShape(p, 'point');
    expect(p.vertices).toEqual([B]);
    expect(undo(p).vertices).toEqual([A, B]);
  });
});

it('keeps vertices exactly as drawn, in the CRS of the map they were drawn on', () => {
  const G: [number, number] = [121.176195, 41.119834]; // a GCJ-02 position on 高德's map
  let p = startPlacing(G, 'point', 'GCJ-02');
  p = addVertex(p, G);
  expect(p.crs).toBe('GCJ-02');
  expect(placedGeometry(p)).toEqual({ type: 'Point', coordinates: G });
  expect(startPlacing(A).crs).toBe('WGS-84');
});

describe('moving an existing vertex by keyboard', () => {
  const D: [number, number] = [121.19, 41.14];
  const tri = () => addVertex(addVertex(addVertex(startPlacing(A), A), B), C);

  it('picks vertices in turn (wrapping both ways) and puts the crosshair on the picked one', () => {
    let p = pickVertex(tri(), 1);
    expect(p.editing?.index).toBe(0);
    expect(p.cursor).toEqual(A);
    p = pickVertex(p, 1);
    expect(p.editing?.index).toBe(1);
    expect(p.cursor).toEqual(B);
    p = pickVertex(pickVertex(p, 1), 1);
    expect(p.editing?.index).toBe(0);
    expect(pickVertex(tri(), -1).editing?.index).toBe(2);
    expect(pickVertex(startPlacing(A), 1).editing).toBeNull();
  });

  it('arrows move the picked vertex; Enter keeps the move as one undo step', () => {
    const start = tri();
    let p = pickVertex(start, 1);
    p = moveCursor(moveCursor(p, [121.171, 41.12]), D);
    expect(p.vertices).toEqual([D, B, C]);
    expect(p.past.length).toBe(start.past.length); // no history until confirmed
    p = confirmEdit(p);
    expect(p.editing).toBeNull();
    expect(p.past.length).toBe(start.past.length + 1);
    expect(placedGeometry(p)).toEqual({ type: 'Polygon', coordinates: [[D, B, C, D]] });
    expect(undo(p).vertices).toEqual([A, B, C]);
  });

  it('Escape (cancel) or undo puts the vertex back; confirming without a move adds no step', () => {
    const start = tri();
    const moved = moveCursor(pickVertex(start, 1), D);
    expect(cancelEdit(moved).vertices).toEqual([A, B, C]);
    expect(cancelEdit(moved).cursor).toEqual(A);
    expect(undo(moved).vertices).toEqual([A, B, C]);
    expect(undo(moved).past.length).toBe(start.past.length);
    expect(confirmEdit(pickVertex(start, 1)).past.length).toBe(start.past.length);
  });

  it('picking the next vertex keeps the move of the one before; adding a vertex ends the edit', () => {
    let p = moveCursor(pickVertex(tri(), 1), D);
    p = pickVertex(p, 1);
    expect(p.vertices).toEqual([D, B, C]);
    expect(p.editing?.index).toBe(1);
    p = addVertex(confirmEdit(p), A);
    expect(p.vertices).toEqual([D, B, C, A]);
    expect(addVertex(moveCursor(pickVertex(tri(), 1), D), A).editing).toBeNull();
  });
});
