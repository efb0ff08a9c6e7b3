import { describe, expect, it } from 'vitest';
import { addVertex, moveCursor, startPlacing } from '../placing';
import { crsOfDatum, placingFeatures } from './placing';

describe('placing on the map converts nothing', () => {
  it('reads positions in the CRS of the basemap: GCJ-02 on 高德, else WGS-84', () => {
    expect(crsOfDatum('gcj02')).toBe('GCJ-02');
    expect(crsOfDatum('wgs84')).toBe('WGS-84');
  });

  it('draws the vertices, shape and crosshair at exactly the stored positions', () => {
    const G: [number, number] = [121.176195, 41.119834];
    const H: [number, number] = [121.177, 41.12];
    const p = moveCursor(addVertex(addVertex(startPlacing(G, 'line', 'GCJ-02'), G), H), H);
    const fs = placingFeatures(p, true);
    expect(fs.map((f) => f.properties!.role)).toEqual(['shape', 'vertex', 'vertex', 'cursor']);
    expect(fs[0].geometry).toEqual({ type: 'LineString', coordinates: [G, H] });
    expect(fs[1].geometry).toEqual({ type: 'Point', coordinates: G });
    expect(fs[3].geometry).toEqual({ type: 'Point', coordinates: H });
  });
});
