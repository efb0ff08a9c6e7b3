/**
 * Overlay coordinates in the datum of the basemap under them. Our data and the URL are WGS-84;
 * 高德 draws its tiles in GCJ-02, so while it is on, everything drawn over it (items, circles,
 * outlines, labels) and every camera move is shifted here, and only here. Pure: new objects out,
 * inputs untouched, so switching back simply uses the original data again.
 */
import gcoord from 'gcoord';
import type { Bbox } from '../geometry';
import type { Datum } from './basemaps';

type Pos = [number, number];

/** A WGS-84 position in the given datum (identity for WGS-84). */
export function toDatum(p: readonly number[], datum: Datum): Pos {
  if (datum === 'wgs84') return [p[0], p[1]];
  const [x, y] = gcoord.transform([p[0], p[1]] as Pos, gcoord.WGS84, gcoord.GCJ02);
  return [x, y];
}

/** A position shown in the given datum back to WGS-84 (for the hash view after a pan). */
export function fromDatum(p: readonly number[], datum: Datum): Pos {
  if (datum === 'wgs84') return [p[0], p[1]];
  const [x, y] = gcoord.transform([p[0], p[1]] as Pos, gcoord.GCJ02, gcoord.WGS84);
  return [x, y];
}

type Coords = number[] | Coords[];

function shiftCoords(c: Coords, datum: Datum): Coords {
  return typeof c[0] === 'number' ? toDatum(c as number[], datum) : (c as Coords[]).map((x) => shiftCoords(x, datum));
}

export function shiftGeometry<G extends GeoJSON.Geometry | null>(g: G, datum: Datum): G {
  if (!g || datum === 'wgs84') return g;
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => shiftGeometry(x, datum)) };
  return { ...g, coordinates: shiftCoords((g as GeoJSON.Point).coordinates as Coords, datum) } as G;
}

/** A feature collection in the given datum; the same object back for WGS-84. */
export function shiftCollection<C extends GeoJSON.FeatureCollection>(fc: C, datum: Datum): C {
  if (datum === 'wgs84') return fc;
  return { ...fc, features: fc.features.map((f) => ({ ...f, geometry: shiftGeometry(f.geometry, datum) })) };
}

/** A bbox in the given datum (the shift is smooth and < 1 km, so shifting the corners is enough). */
export function shiftBbox(b: Bbox, datum: Datum): Bbox {
  const [w, s] = toDatum([b[0], b[1]], datum);
  const [e, n] = toDatum([b[2], b[3]], datum);
  return [w, s, e, n];
}
