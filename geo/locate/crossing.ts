/**
 * Method `crossing-offset`: a cited POI whose address states an offset from a crossing
 * ("松坡路与锦义街交叉口西160米") places that crossing: shift the POI back by the offset.
 * The stated direction is one of eight, so the shift carries an angular error (±22.5°).
 */
import { destination } from '@turf/turf';
import type { GazetteerEntry, Location, Position } from '../../src/lib/schema';
import { roundPosition } from '../crs';
import { entry, evidenceOf, pointUncertainty, type Notes } from './evidence';

const BEARINGS: Record<string, number> = { 北: 0, 东北: 45, 东: 90, 东南: 135, 南: 180, 西南: 225, 西: 270, 西北: 315 };

export interface Crossing {
  streets: [string, string];
  /** Where the POI lies from the crossing, as stated; null when the address states no direction. */
  bearing: number | null;
  /** Stated distance (m); 0 when none. */
  distance_m: number;
}

/** Parses "A与B交叉口[方向][N米]" (optionally after a subdistrict: "…街道A与B交叉口…"). */
export function parseCrossing(address: string): Crossing | null {
  const m = /^(?:[^与]*?街道)?([^与()（）]+?)与([^与()（）]+?)交叉口(东北|东南|西北|西南|东|西|南|北)?(?:方向)?(?:约)?(?:(\d+)米)?/.exec(address);
  if (!m) return null;
  const dir = m[3] ?? null;
  return { streets: [m[1], m[2]], bearing: dir ? BEARINGS[dir] : null, distance_m: m[4] ? Number(m[4]) : 0 };
}

/** The crossing point and its radius (POI error + angular error of an 8-way direction + 20 m). */
export function crossingPoint(e: GazetteerEntry): { point: Position; uncertainty_m: number; crossing: Crossing } | null {
  const crossing = e.address ? parseCrossing(e.address) : null;
  if (!crossing || !e.coordinates) return null;
  const { bearing, distance_m } = crossing;
  const point =
    bearing === null || distance_m === 0
      ? e.coordinates
      : (destination(e.coordinates, distance_m, bearing + 180, { units: 'meters' }).geometry.coordinates as Position);
  // Without a distance the POI may be anywhere "at" the crossing; a block is ~200 m here.
  const spread = distance_m > 0 ? 2 * distance_m * Math.sin((22.5 * Math.PI) / 180) : bearing === null ? 100 : 200;
  return { point: roundPosition(point), uncertainty_m: Math.round(pointUncertainty(e) + spread + 20), crossing };
}

export function locateCrossing(spec: { source: string } & Notes, index: ReadonlyMap<string, GazetteerEntry>): Location {
  const e = entry(index, spec.source, 'crossing-offset');
  const c = crossingPoint(e);
  if (!c) throw new Error(`crossing-offset: address of "${e.id}" states no crossing: ${e.address ?? '(none)'}`);
  return {
    precision: 'near',
    geometry: { type: 'Point', coordinates: c.point },
    uncertainty_m: c.uncertainty_m,
    method: 'crossing-offset',
    evidence: [evidenceOf(e)],
    note: spec.note,
    note_zh: spec.note_zh,
  };
}
