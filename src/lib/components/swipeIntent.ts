/** A vertical swipe this long (px) on the sheet's handle expands (up) or shrinks (down) the sheet. */
export const SWIPE_PX = 24;

/** What a swipe from `y0` to `y1` does: 'expand', 'collapse' or nothing (a tap, left to the click). */
export function swipeIntent(y0: number, y1: number): 'expand' | 'collapse' | null {
  const dy = y1 - y0;
  if (dy <= -SWIPE_PX) return 'expand';
  if (dy >= SWIPE_PX) return 'collapse';
  return null;
}
