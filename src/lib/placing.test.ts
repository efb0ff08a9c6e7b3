import { describe, expect, it } from 'vitest';
import { addVertex, endDrag, missingVertices, moveVertex, placedGeometry, setShape, startPlacing, undo } from './placing';

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
