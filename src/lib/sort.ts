/**
 * List orders. The data file is sorted by id (stable diffs), which is no order for a reader:
 * `report` follows the report (first mention), `map` puts items drawn on the map first, each part
 * in report order. The default is left out of the URL.
 */
export const SORTS = ['report', 'map'] as const;
export type SortKey = (typeof SORTS)[number];
export const DEFAULT_SORT: SortKey = 'report';

export function isSortKey(v: string): v is SortKey {
  return (SORTS as readonly string[]).includes(v);
}

interface Sortable {
  geometry: unknown;
  properties: { mentions: readonly { start: number }[] };
}

/** rank[i] = position of items[i] in the order `key`. */
export function sortRanks(items: readonly Sortable[], key: SortKey): Int32Array {
  const first = items.map((f) => Math.min(...f.properties.mentions.map((m) => m.start)));
  const order = items.map((_, i) => i);
  const mappedFirst = key === 'map';
  order.sort((a, b) => {
    if (mappedFirst) {
      const d = (items[a].geometry ? 0 : 1) - (items[b].geometry ? 0 : 1);
      if (d) return d;
    }
    return first[a] - first[b] || a - b;
  });
  const rank = new Int32Array(items.length);
  order.forEach((i, pos) => (rank[i] = pos));
  return rank;
}

/** `indices` ordered by `rank` (a new array). */
export function orderBy(indices: readonly number[], rank: Int32Array): number[] {
  return [...indices].sort((a, b) => rank[a] - rank[b]);
}
