/**
 * Method `street-points`: a street known only through cited points whose addresses name it —
 * a crossing on it ("松坡路与锦义街交叉口西160米" → the crossing, shifted back) or a house number on
 * it ("广州街18号" → the POI). The line runs through those points in order along their principal
 * axis: a dashed "somewhere along here", not a surveyed centre line.
 */
import { distance } from '@turf/turf';
import type { GazetteerEntry, Location, Position } from '../../src/lib/schema';
import { roundPosition } from '../crs';
import { crossingPoint } from './crossing';
import { evidenceOf, pointUncertainty, withNotes, type Notes } from './evidence';

export interface StreetPoint {
  entries: GazetteerEntry[];
  point: Position;
  uncertainty_m: number;
  /** The place the address states: "crossing 松坡路/锦义街" or "house number 广州街18号". */
  how: string;
  /** The same in Chinese: "松坡路/锦义街路口" or "门牌广州街18号". */
  how_zh: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The position an entry gives for a point ON `street`, or null when its address does not name it. */
export function pointOnStreet(e: GazetteerEntry, street: string): Omit<StreetPoint, 'entries'> | null {
  if (!e.address || !e.coordinates) return null;
  const c = crossingPoint(e);
  if (c) {
    const pair = [...c.crossing.streets].sort().join('/');
    return c.crossing.streets.includes(street) ? { point: c.point, uncertainty_m: c.uncertainty_m, how: `crossing ${pair}`, how_zh: `${pair}路口` } : null;
  }
  // A house number right after the street name (optionally after "…街道").
  const house = new RegExp(`^(?:[^路街]*?街道)?(${escape(street)}(?:[0-9一二三四五六七八九十]+段)?\\d+[-\\d]*号)`).exec(e.address);
  if (house) return { point: e.coordinates, uncertainty_m: pointUncertainty(e) + 50, how: `house number ${house[1]}`, how_zh: `门牌${house[1]}` };
  return null;
}

/**
 * Cited points on a street, one per stated place: several POIs placed from the same crossing or
 * the same house number are one point (their mean), citing all of them, with a radius that also
 * covers how far their estimates disagree. Sorted by `how`.
 */
export function streetPoints(entries: GazetteerEntry[], street: string): StreetPoint[] {
  const groups = new Map<string, { entries: GazetteerEntry[]; points: Omit<StreetPoint, 'entries'>[] }>();
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const p = pointOnStreet(e, street);
    if (!p) continue;
    const g = groups.get(p.how) ?? { entries: [], points: [] };
    g.entries.push(e);
    g.points.push(p);
    groups.set(p.how, g);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([how, g]) => {
      const how_zh = g.points[0].how_zh; // one `how` is one stated place, so one wording
      const n = g.points.length;
      const point = roundPosition([g.points.reduce((s, p) => s + p.point[0], 0) / n, g.points.reduce((s, p) => s + p.point[1], 0) / n]);
      const spread = Math.max(...g.points.map((p) => distance(point, p.point, { units: 'meters' })));
      const uncertainty_m = Math.round(Math.max(...g.points.map((p) => p.uncertainty_m), spread + 50));
      return { entries: g.entries, point, uncertainty_m, how, how_zh };
    });
}

/** Orders points along their principal axis (largest variance direction, in local metres). */
export function orderAlongAxis(points: Position[]): Position[] {
  const lat0 = points.reduce((s, p) => s + p[1], 0) / points.length;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const xy = points.map((p) => [p[0] * kx, p[1]]);
  const mx = xy.reduce((s, p) => s + p[0], 0) / xy.length;
  const my = xy.reduce((s, p) => s + p[1], 0) / xy.length;
  let sxx = 0, sxy = 0, syy = 0;
  for (const [x, y] of xy) (sxx += (x - mx) ** 2), (sxy += (x - mx) * (y - my)), (syy += (y - my) ** 2);
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
  // Deterministic direction: west → east (or south → north for a north–south street).
  const sign = Math.abs(ux) >= Math.abs(uy) ? Math.sign(ux) || 1 : Math.sign(uy) || 1;
  return points
    .map((p, i) => ({ p, t: sign * ((xy[i][0] - mx) * ux + (xy[i][1] - my) * uy) }))
    .sort((a, b) => a.t - b.t)
    .map((x) => x.p);
}

export function locateStreet(spec: { street: string; uncertainty_m?: number } & Notes, entries: GazetteerEntry[]): Location {
  const pts = streetPoints(entries, spec.street);
  if (pts.length === 0) throw new Error(`street-points: no cited point names street "${spec.street}"`);
  const evidence = pts.flatMap((p) => p.entries.map((e) => evidenceOf(e)));
  const uncertainty_m = Math.max(spec.uncertainty_m ?? 0, ...pts.map((p) => p.uncertainty_m));
  if (pts.length === 1) {
    return {
      precision: 'near',
      geometry: { type: 'Point', coordinates: pts[0].point },
      uncertainty_m,
      method: 'street-points',
      evidence,
      ...withNotes(
        spec,
        `Only one cited point on ${spec.street} (${pts[0].how}): shown as a point near it.`,
        `仅有1个引用点位于${spec.street}（${pts[0].how_zh}）：以其附近的点表示。`,
      ),
    };
  }
  const line = orderAlongAxis(pts.map((p) => p.point));
  return {
    precision: 'street',
    geometry: { type: 'LineString', coordinates: line },
    uncertainty_m,
    method: 'street-points',
    evidence,
    ...withNotes(
      spec,
      `Line through ${pts.length} cited points on ${spec.street}: ${pts.map((p) => p.how).join('; ')}.`,
      `沿${spec.street}的${pts.length}个引用点连线：${pts.map((p) => p.how_zh).join('；')}。`,
    ),
  };
}
