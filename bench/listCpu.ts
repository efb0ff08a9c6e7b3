/**
 * The app's own CPU for the list and the option counts on one filter change, in Node (no browser,
 * no map): what the state's `$derived`s compute — matching set, visible list in order, mapped
 * count, facet counts — through the bitset index the app uses, and through the per-record
 * predicate it used before (`matches` + `facetCounts`), on the same records and changes.
 * CPU time from process.cpuUsage, so another process on the machine does not inflate it.
 */
import { FilterIndex, inOrder, inverse } from '../src/lib/filterIndex';
import { facetCounts, matches, toRecord, type FilterState } from '../src/lib/filters';
import type { ItemFeature } from '../src/lib/schema';
import { orderBy, sortRanks } from '../src/lib/sort';

export interface ListCpu {
  /** Median CPU ms per change, bitset index. */
  index: number[];
  /** The same changes through the per-record predicate (the app before issue 15). */
  predicate: number[];
  /** One-off: building the index when the data arrives. */
  build_ms: number;
}

const cpuMs = (f: () => unknown): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};

/** `rounds` passes over `states` (each state one change), CPU ms per change for both designs. */
export function listCpu(items: readonly ItemFeature[], states: readonly FilterState[], rounds: number): ListCpu {
  const records = items.map((f) => toRecord(f));
  const rank = sortRanks(items, 'report');
  const order = inverse(rank);
  let index!: FilterIndex;
  const build_ms = cpuMs(() => (index = new FilterIndex(records, (i) => items[i].geometry !== null)));
  const out: ListCpu = { index: [], predicate: [], build_ms };
  for (let r = 0; r < rounds; r++) {
    for (const f of states) {
      out.index.push(
        cpuMs(() => {
          const m = index.matching(f);
          inOrder(m, order);
          index.mappedCount(m);
          index.counts(f);
        }),
      );
      out.predicate.push(
        cpuMs(() => {
          const visible: number[] = [];
          records.forEach((rec, i) => matches(rec, f) && visible.push(i));
          orderBy(visible, rank);
          visible.reduce((n, i) => n + (items[i].geometry ? 1 : 0), 0);
          facetCounts(records, f);
        }),
      );
    }
  }
  return out;
}
