/**
 * What the controller tells MapLibre per item when the filters change, as pure functions: which
 * items changed visibility (a diff of two bitsets from FilterIndex), and the year's status an
 * item is drawn with. Only differences are sent: at 100k items a filter change touches the items
 * it changes, never all of them.
 */
import type { MapRecord } from '../filters';

/** Indices below `n` whose bit differs between `before` (null = every bit set) and `after`. */
export function changedBits(before: Uint32Array | null, after: Uint32Array, n: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < after.length; w++) {
    let changed = ((before ? before[w] : ~0) ^ after[w]) >>> 0;
    while (changed !== 0) {
      const low = changed & -changed;
      changed = (changed ^ low) >>> 0;
      const i = w * 32 + (31 - Math.clz32(low));
      if (i < n) out.push(i);
    }
  }
  return out;
}

/** Whether bit `i` is set (null = every bit set). */
export function hasBit(bits: Uint32Array | null, i: number): boolean {
  return bits === null || ((bits[i >>> 5] >>> (i & 31)) & 1) === 1;
}

/**
 * The feature-state `st` for `key`: the status at that year where it differs from the all-years
 * property `st` the layers fall back to, else null. An item with no status that year is hidden by
 * the filters anyway, so it keeps its property.
 */
export function statusOverride(r: MapRecord, key: string): string | null {
  const s = (r as unknown as Record<string, string>)[key];
  return s && s !== r.st ? s : null;
}
