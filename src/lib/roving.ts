/**
 * One tab stop per group of controls (ARIA "roving tabindex"): Tab reaches the group once,
 * arrows, Home and End move within it. `nextIndex` is the pure part; `rovingKeydown` applies it
 * to the controls a container holds.
 */
export function nextIndex(key: string, at: number, n: number): number | null {
  if (n <= 0) return null;
  const step = ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as Record<string, number>)[key];
  if (step !== undefined) return (Math.max(0, at) + step + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/** Moves the focus among `selector` controls inside `e.currentTarget`; returns the new index. */
export function rovingKeydown(e: KeyboardEvent, selector: string): number | null {
  const box = e.currentTarget as HTMLElement;
  const controls = [...box.querySelectorAll<HTMLElement>(selector)];
  const next = nextIndex(e.key, controls.indexOf(document.activeElement as HTMLElement), controls.length);
  if (next === null) return null;
  e.preventDefault();
  controls[next].focus();
  return next;
}
