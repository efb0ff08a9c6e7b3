/**
 * Method `cited-place`: the item IS a place with its own gazetteer point (紫荆山公园, 辽沈战役纪念馆,
 * 锦州北站, 锦州医科大学 …). Exact when the point is the thing from a source with a stated CRS;
 * near when the point is looser (assumed or unknown CRS, a campus), with that radius.
 */
import type { GazetteerEntry, Location } from '../../src/lib/schema';
import { entry, evidenceOf, pointUncertainty, type Notes } from './evidence';

export interface CitedPlaceSpec extends Notes {
  source: string;
  precision: 'exact' | 'near';
  uncertainty_m?: number;
}

export function locateCitedPlace(spec: CitedPlaceSpec, index: ReadonlyMap<string, GazetteerEntry>): Location {
  const e = entry(index, spec.source, 'cited-place');
  if (!e.coordinates) throw new Error(`cited-place: entry "${e.id}" has no coordinates`);
  const loose = /assumed|^unknown/i.test(e.src_crs);
  if (spec.precision === 'exact' && loose) {
    throw new Error(`cited-place: "${e.id}" has CRS "${e.src_crs}", too loose for exact; use near`);
  }
  const uncertainty = spec.precision === 'exact' ? pointUncertainty(e) : Math.max(spec.uncertainty_m ?? 0, pointUncertainty(e));
  return {
    precision: spec.precision,
    geometry: { type: 'Point', coordinates: e.coordinates },
    uncertainty_m: uncertainty,
    method: 'cited-place',
    evidence: [evidenceOf(e)],
    note: spec.note,
    note_zh: spec.note_zh,
  };
}
