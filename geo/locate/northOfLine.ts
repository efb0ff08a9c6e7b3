/**
 * Method `north-of-line`: an area the report defines by a line — 铁北 is Linghe north of the
 * railway; the 松坡路以北区域 plan is Linghe north of 松坡路. The line is known only through cited
 * points (railway stations from OSM; the street's cited points), joined west → east and continued
 * due west and due east beyond the district; the area is Linghe's polygon clipped to its north side.
 */
import { featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { BoundaryCollection, Evidence, GazetteerEntry, Geometry, Location, Position } from '../../src/lib/schema';
import { roundPosition } from '../crs';
import { lingheFeature } from '../boundaries';
import { entry, evidenceOf, withNotes, type Notes } from './evidence';
import { streetPoints } from './streetPoints';

/** How far (degrees) the line is continued beyond its end points: past any edge of Linghe. */
const REACH_DEG = 1;

/** The half-plane north of a W→E polyline, as a polygon reaching REACH_DEG beyond it. */
export function northOf(line: Position[]): Position[] {
  const pts = [...line].sort((a, b) => a[0] - b[0]);
  const w = pts[0][0] - REACH_DEG;
  const e = pts[pts.length - 1][0] + REACH_DEG;
  const top = Math.max(...pts.map((p) => p[1])) + REACH_DEG;
  return [[w, pts[0][1]], ...pts, [e, pts[pts.length - 1][1]], [e, top], [w, top], [w, pts[0][1]]];
}

/** `area` ∩ north of `line`, rounded; null when they do not overlap. */
export function clipNorth(area: BoundaryCollection['features'][number], line: Position[]): Geometry | null {
  const half = turfPolygon([northOf(line)]);
  const cut = intersect(featureCollection([half, area as never]));
  if (!cut) return null;
  const ring = (r: Position[]) => r.map((p) => roundPosition(p)).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
  const g = cut.geometry;
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => ring(r as Position[])) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => ring(r as Position[]))) };
}

export type LineSpec = { stations: string[] } | { street: string };

export function locateNorthOfLine(
  spec: { line: LineSpec } & Notes,
  entries: GazetteerEntry[],
  index: ReadonlyMap<string, GazetteerEntry>,
  boundaries: BoundaryCollection,
): Location {
  const linghe = lingheFeature(boundaries);
  let points: Position[];
  let evidence: Evidence[];
  let what: string;
  let whatZh: string;
  if ('stations' in spec.line) {
    const stations = spec.line.stations.map((id) => entry(index, id, 'north-of-line'));
    const missing = stations.filter((s) => !s.coordinates).map((s) => s.id);
    if (missing.length) throw new Error(`north-of-line: stations without coordinates: ${missing.join(', ')}`);
    points = stations.map((s) => s.coordinates!);
    evidence = stations.map((s) => evidenceOf(s, `${s.name} (railway station on the line)`));
    what = `the railway through ${stations.map((s) => s.name).join(', ')}`;
    whatZh = `经过${stations.map((s) => s.name).join('、')}的铁路`;
  } else {
    const pts = streetPoints(entries, spec.line.street);
    if (pts.length < 2) throw new Error(`north-of-line: street "${spec.line.street}" has ${pts.length} cited point(s), needs ≥2`);
    points = pts.map((p) => p.point);
    evidence = pts.flatMap((p) => p.entries.map((e) => evidenceOf(e)));
    what = `${spec.line.street} through ${pts.length} cited points`;
    whatZh = `经过${pts.length}个引用点的${spec.line.street}`;
  }
  const geometry = clipNorth(linghe, points);
  if (!geometry) throw new Error(`north-of-line: ${what} leaves nothing of Linghe to its north`);
  const boundary = entry(index, `boundary:${linghe.properties.adcode}`, 'north-of-line');
  return {
    precision: 'area',
    geometry,
    uncertainty_m: null,
    method: 'north-of-line',
    evidence: [...evidence, evidenceOf(boundary, `${boundary.name} district polygon`)],
    ...withNotes(
      spec,
      `Linghe north of ${what} (straight segments between the points, continued due west/east).`,
      `以${whatZh}为界，取凌河区在其以北的部分（各点之间以直线相连，两端向正西、正东延伸）。`,
    ),
  };
}
