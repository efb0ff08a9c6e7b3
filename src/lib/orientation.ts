/**
 * What the panel says before the list: how many items the filters leave (and how many of them
 * are on the map, by status), and which filters are active, each one removable on its own.
 */
import { statusKey, type FilterRecord, type FilterState } from './filters';
import type { Category, Precision, Status } from './schema';

export interface Lead {
  items: number;
  mapped: number;
  /** Items per status shown for the chosen year, in the schema's status order. */
  byStatus: { status: Status; n: number }[];
}

export function leadCounts(
  visible: readonly number[],
  records: readonly FilterRecord[],
  mapped: (i: number) => boolean,
  year: number | null,
  statuses: readonly Status[],
): Lead {
  const key = statusKey(year);
  const counts = new Map<Status, number>();
  let m = 0;
  for (const i of visible) {
    const st = records[i][key] || records[i].st;
    counts.set(st as Status, (counts.get(st as Status) ?? 0) + 1);
    if (mapped(i)) m++;
  }
  return { items: visible.length, mapped: m, byStatus: statuses.filter((s) => counts.has(s)).map((status) => ({ status, n: counts.get(status)! })) };
}

export type ActiveFilter =
  | { facet: 'year'; value: number }
  | { facet: 'category'; value: Category }
  | { facet: 'status'; value: Status }
  | { facet: 'hood'; value: string }
  | { facet: 'precision'; value: Precision }
  | { facet: 'q'; value: string };

/** Every active filter as a chip, in the order the filters panel shows them. */
export function activeFilters(f: FilterState): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  const q = f.q.trim();
  if (q) out.push({ facet: 'q', value: q });
  if (f.year !== null) out.push({ facet: 'year', value: f.year });
  for (const value of f.statuses) out.push({ facet: 'status', value });
  for (const value of f.categories) out.push({ facet: 'category', value });
  for (const value of f.hoods) out.push({ facet: 'hood', value });
  for (const value of f.precisions) out.push({ facet: 'precision', value });
  return out;
}

/** The filters without one chip's value. */
export function withoutFilter(f: FilterState, a: ActiveFilter): FilterState {
  switch (a.facet) {
    case 'q':
      return { ...f, q: '' };
    case 'year':
      return { ...f, year: null };
    case 'status':
      return { ...f, statuses: f.statuses.filter((x) => x !== a.value) };
    case 'category':
      return { ...f, categories: f.categories.filter((x) => x !== a.value) };
    case 'hood':
      return { ...f, hoods: f.hoods.filter((x) => x !== a.value) };
    case 'precision':
      return { ...f, precisions: f.precisions.filter((x) => x !== a.value) };
  }
}
