/**
 * Facts about a finer reference polygon of Linghe (DataV, GCJ-02, no licence stated), derived once
 * so the boundary test can cross-check our echarts-derived polygon without the file itself: the file
 * lives outside the repository (../shared) and may not be committed. Only numbers about it are.
 *
 * Regenerate (when the file is at hand):
 *   npx tsx geo/crosscheck-cli.ts /path/to/boundaries-crosscheck/210703.json
 */
import { area, bbox, centerOfMass } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { roundPosition, toWgs84 } from './crs';

export interface CrosscheckFacts {
  source: string;
  source_crs: 'GCJ-02';
  crs: 'WGS-84';
  derived_by: string;
  adcode: string;
  name: string;
  vertices: number;
  area_m2: number;
  /** [w, s, e, n], WGS-84 degrees, 6 decimals. */
  bbox: [number, number, number, number];
  /** turf centerOfMass of the converted polygon, WGS-84. */
  center_of_mass: [number, number];
}

interface DataVFeature {
  properties: { adcode: number | string; name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** The DataV feature (an array or a FeatureCollection of one) converted GCJ-02 → WGS-84, as a MultiPolygon. */
export function datavToWgs84(json: unknown): { feature: { type: 'Feature'; properties: object; geometry: MultiPolygon }; adcode: string; name: string } {
  const f = (Array.isArray(json) ? json[0] : (json as { features: unknown[] }).features?.[0]) as DataVFeature | undefined;
  if (!f?.geometry) throw new Error('crosscheck: no feature with a geometry in the input');
  const polys = (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]) as number[][][][];
  const coordinates = polys.map((p) => p.map((r) => r.map((q) => toWgs84([q[0], q[1]], 'GCJ-02'))));
  return {
    feature: { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates } },
    adcode: String(f.properties.adcode),
    name: f.properties.name,
  };
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function crosscheckFacts(json: unknown, source: string): CrosscheckFacts {
  const { feature, adcode, name } = datavToWgs84(json);
  const [w, s, e, n] = bbox(feature);
  const com = centerOfMass(feature).geometry.coordinates;
  return {
    source,
    source_crs: 'GCJ-02',
    crs: 'WGS-84',
    derived_by: 'geo/crosscheckFacts.ts: gcoord GCJ-02 → WGS-84 per vertex, then turf area / bbox / centerOfMass',
    adcode,
    name,
    vertices: feature.geometry.coordinates.flat(2).length,
    area_m2: Math.round(area(feature)),
    bbox: [r6(w), r6(s), r6(e), r6(n)],
    center_of_mass: roundPosition([com[0], com[1]]) as [number, number],
  };
}
