/**
 * The rows the URL notice shows: a hostile or mangled link (`?status=` + 20,000 commas) must not
 * give a notice taller than the screen. Identical problems collapse into one row with a count, at
 * most `cap` rows are shown, the rest are summarised as "and N more", and each shown value is
 * clipped, so the notice's height is bounded whatever the URL holds.
 */
import type { UrlProblem } from './url';

export interface NoticeRow extends UrlProblem {
  /** How many identical problems this row stands for. */
  times: number;
}

export const NOTICE_ROWS = 5;
/** Longest value shown, in code points; the URL itself keeps the full text. */
export const NOTICE_VALUE = 60;

function clip(value: string): string {
  const cps = Array.from(value);
  return cps.length > NOTICE_VALUE ? `${cps.slice(0, NOTICE_VALUE - 1).join('')}…` : value;
}

export function noticeRows(problems: readonly UrlProblem[], cap = NOTICE_ROWS): { rows: NoticeRow[]; more: number } {
  const byKey = new Map<string, NoticeRow>();
  for (const p of problems) {
    const key = `${p.reason}\u0000${p.param}\u0000${p.value}`;
    const row = byKey.get(key);
    if (row) row.times++;
    else byKey.set(key, { ...p, times: 1 });
  }
  const all = [...byKey.values()];
  return { rows: all.slice(0, cap).map((r) => ({ ...r, value: clip(r.value) })), more: Math.max(0, all.length - cap) };
}
