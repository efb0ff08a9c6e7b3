/**
 * What the map draws for items known only to an area: a count per area, never a fake point.
 * 全区 (precision district), each subdistrict (precision subdistrict, by its code) and 区外
 * (precision outside), counted over the items the filters let through, so every filter changes
 * what the map shows. Each count carries the filter patch that opens the list on exactly those items.
 */
import type { FilterState } from './filters';
import type { ItemFeature, Precision } from './schema';
import { NEIGHBOURHOODS, type Label } from './taxonomy';

export interface AreaCount {
  /** 'district', 'outside' or a subdistrict code. */
  key: string;
  kind: 'district' | 'subdistrict' | 'outside';
  label: Label;
  count: number;
  /** Setting these filters lists exactly the counted items (given the other filters). */
  patch: Pick<FilterState, 'hoods' | 'precisions'>;
}

export const DISTRICT_LABEL: Label = { zh: '全区', en: 'All Linghe' };
export const OUTSIDE_LABEL: Label = { zh: '区外', en: 'Outside Linghe' };

const SUBDISTRICTS = NEIGHBOURHOODS.filter((n) => n.kind === 'subdistrict');
const AREA_PRECISIONS: readonly Precision[] = ['district', 'subdistrict', 'outside'];

/** Counts of the `visible` items (indices into `items`) that have no geometry, per area, in a fixed order; empty areas left out. */
export function areaCounts(items: readonly ItemFeature[], visible: readonly number[]): AreaCount[] {
  const perKey = new Map<string, number>();
  for (const i of visible) {
    const f = items[i];
    const precision = f.properties.location.precision;
    if (f.geometry || !AREA_PRECISIONS.includes(precision)) continue;
    const key = precision === 'subdistrict' ? (SUBDISTRICTS.find((s) => f.properties.neighbourhoods.includes(s.id))?.id ?? 'district') : precision;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  const out: AreaCount[] = [];
  const push = (key: string, kind: AreaCount['kind'], label: Label, patch: AreaCount['patch']) => {
    const count = perKey.get(key) ?? 0;
    if (count) out.push({ key, kind, label, count, patch });
  };
  push('district', 'district', DISTRICT_LABEL, { hoods: [], precisions: ['district'] });
  for (const s of SUBDISTRICTS) push(s.id, 'subdistrict', s.label, { hoods: [s.id], precisions: ['subdistrict'] });
  push('outside', 'outside', OUTSIDE_LABEL, { hoods: [], precisions: ['outside'] });
  return out;
}

/** Whether the filters are exactly an area count's patch (its badge shows as chosen). */
export function isAreaActive(a: AreaCount, f: FilterState): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.patch.hoods, f.hoods) && same(a.patch.precisions, f.precisions);
}
