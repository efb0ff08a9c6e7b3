/**
 * Coordinate reference systems of the sources, and the one conversion to WGS-84.
 *
 * Chinese map services publish GCJ-02 (AMap, Tencent) or BD-09 (Baidu), which sit ~500 m off
 * WGS-84 around Jinzhou. Every source coordinate passes through `toWgs84` exactly once, in the
 * pipeline; outputs keep the original beside the converted one.
 */
import gcoordModule from 'gcoord';
import type { Position } from '../src/lib/schema';

// gcoord ships CJS with a default export; tsx and vitest expose it differently.
const gcoord = ((gcoordModule as unknown as { default?: typeof gcoordModule }).default ?? gcoordModule) as typeof gcoordModule;

export const CRS_IDS = ['WGS-84', 'GCJ-02', 'BD-09'] as const;
export type Crs = (typeof CRS_IDS)[number];

const GCOORD_CRS: Record<Crs, Parameters<typeof gcoord.transform>[1]> = {
  'WGS-84': gcoord.WGS84,
  'GCJ-02': gcoord.GCJ02,
  'BD-09': gcoord.BD09,
};

export function isCrs(value: string): value is Crs {
  return (CRS_IDS as readonly string[]).includes(value);
}

/** Converts one [lon, lat] from `crs` to WGS-84. Throws, naming the CRS, for anything else. */
export function toWgs84(position: Position, crs: string): Position {
  if (!isCrs(crs)) throw new Error(`toWgs84: unknown CRS "${crs}" (expected one of ${CRS_IDS.join(', ')})`);
  const [lon, lat] = position;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`toWgs84: not a position: ${JSON.stringify(position)}`);
  if (crs === 'WGS-84') return [lon, lat];
  const out = gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84) as number[];
  return [out[0], out[1]];
}

/** The inverse, for tests and cross-checks against published GCJ-02/BD-09 data. */
export function fromWgs84(position: Position, crs: string): Position {
  if (!isCrs(crs)) throw new Error(`fromWgs84: unknown CRS "${crs}" (expected one of ${CRS_IDS.join(', ')})`);
  if (crs === 'WGS-84') return [position[0], position[1]];
  const out = gcoord.transform([position[0], position[1]], gcoord.WGS84, GCOORD_CRS[crs]) as number[];
  return [out[0], out[1]];
}

/** Rounds to 6 decimals (~0.1 m), the precision of every output coordinate. */
export function round6(value: number): number {
  const r = Math.round(value * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

export function roundPosition(position: Position): Position {
  return [round6(position[0]), round6(position[1])];
}
