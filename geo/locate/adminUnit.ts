/**
 * Methods without geometry. `community-name`: the report names a compound or village that matches a
 * community (贵州小区 → 贵州社区 → 榴花街道): evidence for the subdistrict, not a coordinate.
 * `subdistrict`: the item's draft lists exactly one subdistrict. `district`: Linghe-wide or unknown.
 * `outside`: outside Linghe, with the facts that say so.
 */
import type { GazetteerEntry, ItemDraft, Location } from '../../src/lib/schema';
import { NEIGHBOURHOODS } from '../../src/lib/taxonomy';
import { LINGHE_ADCODE } from '../boundaries';
import { entry, evidenceOf, type Notes } from './evidence';

/** The subdistrict code of a community entry ("community:210703004011" → "210703004"). */
export function subdistrictOf(e: GazetteerEntry): string {
  const m = /^(?:community|subdistrict):(\d{9})/.exec(e.id);
  if (!m) throw new Error(`community-name: "${e.id}" is not a community or subdistrict entry`);
  return m[1];
}

export function locateCommunity(spec: { source: string } & Notes, index: ReadonlyMap<string, GazetteerEntry>): Location {
  const e = entry(index, spec.source, 'community-name');
  const sub = entry(index, `subdistrict:${subdistrictOf(e)}`, 'community-name');
  const evidence = e.id === sub.id ? [evidenceOf(sub)] : [evidenceOf(e, `${e.name}, ${e.note ?? ''}`.trim()), evidenceOf(sub)];
  return { precision: 'subdistrict', geometry: null, uncertainty_m: null, method: 'community-name', evidence, note: spec.note, note_zh: spec.note_zh };
}

const SUBDISTRICT_IDS = new Set(NEIGHBOURHOODS.filter((n) => n.kind === 'subdistrict').map((n) => n.id));

/** Community names without their suffix, to find in the report's words ("贵州社区" → "贵州"). */
const stem = (name: string) => name.replace(/(社区|村委会|农业分场生活区)$/, '');

/**
 * Fallback for items without an annotation: exactly one subdistrict among the draft's
 * neighbourhoods gives subdistrict precision, citing a community of that subdistrict whose name the
 * item's own words contain, when there is one. Otherwise null (the district fallback follows).
 */
export function locateSubdistrictFallback(draft: ItemDraft, entries: GazetteerEntry[], index: ReadonlyMap<string, GazetteerEntry>): Location | null {
  const subs = draft.neighbourhoods.filter((n) => SUBDISTRICT_IDS.has(n));
  if (subs.length !== 1) return null;
  const sub = entry(index, `subdistrict:${subs[0]}`, `item ${draft.id}`);
  const words = [draft.name, ...draft.claims].join(' ');
  const communities = entries.filter(
    (e) => e.kind === 'community' && e.id.startsWith(`community:${subs[0]}`) && stem(e.name).length >= 2 && words.includes(stem(e.name)),
  );
  return {
    precision: 'subdistrict',
    geometry: null,
    uncertainty_m: null,
    method: communities.length ? 'community-name' : 'subdistrict',
    evidence: [...communities.map((c) => evidenceOf(c, `${c.name}, ${c.note ?? ''}`.trim())), evidenceOf(sub)],
    note: communities.length
      ? `Name match ${communities.map((c) => c.name).join(', ')} in ${sub.name}; no coordinates for the site.`
      : `The item's draft places it in ${sub.name}; no coordinates for the site.`,
    note_zh: communities.length
      ? `名称与${communities.map((c) => c.name).join('、')}相符，属${sub.name}；该地点没有坐标。`
      : `按条目所列辖区归入${sub.name}；该地点没有坐标。`,
  };
}

export function locateDistrict(notes: Notes, index: ReadonlyMap<string, GazetteerEntry>): Location {
  const linghe = entry(index, `boundary:${LINGHE_ADCODE}`, 'district');
  return {
    precision: 'district',
    geometry: null,
    uncertainty_m: null,
    method: 'district',
    evidence: [evidenceOf(linghe, `${linghe.name} (the district as a whole)`)],
    note: notes.note,
    note_zh: notes.note_zh,
  };
}

export function locateOutside(spec: { sources: string[]; point?: string } & Notes, index: ReadonlyMap<string, GazetteerEntry>): Location {
  if (spec.sources.length === 0 && !spec.point) throw new Error('outside: needs at least one source that says so');
  const evidence = spec.sources.map((id) => evidenceOf(entry(index, id, 'outside')));
  let geometry: Location['geometry'] = null;
  if (spec.point) {
    const p = entry(index, spec.point, 'outside');
    if (!p.coordinates) throw new Error(`outside: point "${p.id}" has no coordinates`);
    geometry = { type: 'Point', coordinates: p.coordinates };
    if (!spec.sources.includes(p.id)) evidence.push(evidenceOf(p));
  }
  return { precision: 'outside', geometry, uncertainty_m: null, method: 'outside', evidence, note: spec.note, note_zh: spec.note_zh };
}
