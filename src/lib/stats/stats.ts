/**
 * The statistics of the statistics view, over exactly the items the list shows. Pure: counts by
 * status (the status the list shows for the chosen year), category, neighbourhood and report part,
 * and the money the report states for those items. A figure shared by several items is counted
 * once per bar (and once in a total), never once per item, so sums do not inflate.
 */
import { statusKey, type FilterRecord } from '../filters';
import type { Category, Figure, ItemFeature, Status } from '../schema';

export type Period = 'review' | 'plan' | 'goals';
export const PERIODS: readonly Period[] = ['review', 'plan', 'goals'];

/** The report's parts: 一 looks back (2018–2021), 二 sets five-year goals, 三 plans 2022. */
export function periodOfSection(path: string): Period | null {
  if (path.startsWith('一')) return 'review';
  if (path.startsWith('二')) return 'goals';
  if (path.startsWith('三')) return 'plan';
  return null;
}

export interface Stats {
  total: number;
  byStatus: Map<Status, number>;
  byCategory: Map<Category, number>;
  /** Items may lie in several neighbourhoods; '' = none named. */
  byHood: Map<string, number>;
  /** Items with at least one mention in each part of the report. */
  byPeriod: Map<Period, number>;
  /** period × status of that part's mentions (an item counted once per cell). */
  periodStatus: Map<Period, Map<Status, number>>;
  /** CNY stated by figures attached or linked by sentence to the items, by their category / the status of their sentence's mention. */
  moneyByCategory: Map<Category, number>;
  moneyByStatus: Map<Status, number>;
  moneyTotal: number;
  /** Of moneyTotal, CNY linked by sentence (`scope: 'sentence'`): a group's total, not an item's own. */
  moneySentence: number;
}

const bump = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

export function computeStats(
  items: readonly ItemFeature[],
  records: readonly FilterRecord[],
  visible: readonly number[],
  year: number | null,
  figuresByItem: ReadonlyMap<string, readonly Figure[]>,
): Stats {
  const key = statusKey(year);
  const s: Stats = {
    total: visible.length,
    byStatus: new Map(),
    byCategory: new Map(),
    byHood: new Map(),
    byPeriod: new Map(),
    periodStatus: new Map(PERIODS.map((p) => [p, new Map()])),
    moneyByCategory: new Map(),
    moneyByStatus: new Map(),
    moneyTotal: 0,
    moneySentence: 0,
  };
  const seenCat = new Map<Category, Set<string>>();
  const seenStatus = new Map<Status, Set<string>>();
  const seenAll = new Set<string>();
  const add = <K>(seen: Map<K, Set<string>>, m: Map<K, number>, k: K, f: Figure) => {
    const set = seen.get(k) ?? seen.set(k, new Set()).get(k)!;
    if (set.has(f.id)) return;
    set.add(f.id);
    bump(m, k, f.value);
  };
  for (const i of visible) {
    const item = items[i];
    const p = item.properties;
    const st = (records[i][key] || records[i].st) as Status;
    bump(s.byStatus, st);
    bump(s.byCategory, p.category);
    if (p.neighbourhoods.length === 0) bump(s.byHood, '');
    for (const h of new Set(p.neighbourhoods)) bump(s.byHood, h);
    const periods = new Map<Period, Set<Status>>();
    for (const m of p.mentions) {
      const per = periodOfSection(m.section);
      if (per) periods.set(per, (periods.get(per) ?? new Set()).add(m.status));
    }
    for (const [per, sts] of periods) {
      bump(s.byPeriod, per);
      for (const x of sts) bump(s.periodStatus.get(per)!, x);
    }
    for (const f of figuresByItem.get(item.id) ?? []) {
      if (f.kind !== 'money' || f.unit !== 'CNY') continue;
      add(seenCat, s.moneyByCategory, p.category, f);
      // The status of the mention in the figure's own sentence (money the review reports as spent
      // is completed even when the item's shown status is a 2022 plan); else the item's.
      const own = p.mentions.find((m) => m.sentence === f.sentence);
      add(seenStatus, s.moneyByStatus, own ? own.status : st, f);
      if (!seenAll.has(f.id)) {
        seenAll.add(f.id);
        s.moneyTotal += f.value;
        if (f.scope === 'sentence') s.moneySentence += f.value;
      }
    }
  }
  return s;
}

/** CNY stated by figures neither attached nor linked to any item (district totals and the like). */
export function districtMoney(figures: readonly Figure[]): number {
  return figures.filter((f) => f.scope === 'district' && f.kind === 'money' && f.unit === 'CNY').reduce((a, f) => a + f.value, 0);
}
