import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssues } from './data';
import { isValid } from './isValid';
import { BoundaryCollection, Geometry } from './schema';

const issues = (g: unknown) => {
  const r = Geometry.safeParse(g);
  return r.success ? null : describeIssues(r.error.issues);
};

describe('lines and rings (positions checked in one loop)', () => {
  const ring = [[121.1, 41.1], [121.2, 41.1], [121.2, 41.2], [121.1, 41.1]];

  it('accepts valid lines and polygons and returns them unchanged', () => {
    const line = { type: 'LineString', coordinates: [[121.1, 41.1], [121.2, 41.2]] };
    expect(Geometry.parse(line)).toEqual(line);
    expect(Geometry.parse({ type: 'Polygon', coordinates: [ring] })).toEqual({ type: 'Polygon', coordinates: [ring] });
    expect(Geometry.parse({ type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] })).toEqual({ type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] });
  });

  it('names the path of the first bad position, as a tuple per position did', () => {
    expect(issues({ type: 'LineString', coordinates: [[121.1, 41.1], [121.2, 95]] })).toContain('coordinates.1: expected [lon, lat]');
    expect(issues({ type: 'Polygon', coordinates: [[...ring.slice(0, 2), [181, 41], ring[3]]] })).toContain('coordinates.0.2: expected [lon, lat]');
    expect(issues({ type: 'MultiPolygon', coordinates: [[ring], [ring, [ring[0], ring[1], [121, 41, 5], ring[3]]]] })).toContain('coordinates.1.1.2:');
    for (const bad of [[121, '41'], [121], null, 'x', [NaN, 41]]) {
      expect(issues({ type: 'LineString', coordinates: [[121, 41], bad] }), JSON.stringify(bad)).toContain('coordinates.1:');
    }
  });

  it('refuses a line of one position, a ring of three and a non-array', () => {
    expect(issues({ type: 'LineString', coordinates: [[121, 41]] })).toContain('coordinates: expected array >= 2 items');
    expect(issues({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })).toContain('coordinates.0: expected array >= 4 items');
    expect(issues({ type: 'LineString', coordinates: { 0: [121, 41] } })).toContain('coordinates: expected array');
    expect(issues({ type: 'Polygon', coordinates: [] })).toContain('coordinates: ');
  });

  it('the compiled validator agrees (big files take that path)', () => {
    const b = JSON.parse(readFileSync(new URL('../../public/data/basemap/boundaries.geojson', import.meta.url), 'utf8'));
    expect(BoundaryCollection.safeParse(b).success).toBe(true);
    expect(isValid(BoundaryCollection, b)).toBe(true);
    const broken = structuredClone(b);
    const poly = broken.features[0].geometry;
    const firstRing = poly.type === 'Polygon' ? poly.coordinates[0] : poly.coordinates[0][0];
    firstRing[5] = [121, 91];
    expect(BoundaryCollection.safeParse(broken).success).toBe(false);
    expect(isValid(BoundaryCollection, broken)).toBe(false);
  });
});
