/**
 * Where a pop-over (export menu, share panel) goes, in viewport pixels, so that it is never cut
 * off: the phone's bottom sheet clips what overflows it, and a menu opening below a button near
 * the bottom of the screen would be half gone. Below the button when it fits, else above, else
 * whichever side has more room with a scroll; right-aligned to the button, kept inside the viewport.
 * Pure; `popover.svelte.ts`'s action applies it with position: fixed (which escapes the clipping).
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  top: number;
  left: number;
  /** Set when the pop-over is taller than the room it gets: it scrolls. */
  maxHeight: number | null;
}

const GAP = 4;
const MARGIN = 8;

export function placePopover(anchor: Rect, size: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  let top: number;
  let maxHeight: number | null = null;
  if (size.height <= below) top = anchor.bottom + GAP;
  else if (size.height <= above) top = anchor.top - GAP - size.height;
  else if (below >= above) {
    top = anchor.bottom + GAP;
    maxHeight = Math.max(0, below);
  } else {
    maxHeight = Math.max(0, above);
    top = anchor.top - GAP - maxHeight;
  }
  const width = Math.min(size.width, viewport.width - 2 * MARGIN);
  const left = Math.min(Math.max(MARGIN, anchor.right - width), viewport.width - MARGIN - width);
  return { top, left, maxHeight };
}
