/**
 * A Svelte action that keeps a pop-over where `placePopover` says, with position: fixed, so no
 * clipping ancestor (the phone's bottom sheet, the windowed list) cuts it off. It re-places on open
 * (a <details> toggling), on resize and scroll, and when its own content changes size (the QR code
 * arrives a moment after the share panel opens).
 */
import { placePopover } from './popoverPlace';

export function anchoredPopover(node: HTMLElement, anchor: () => HTMLElement | null | undefined) {
  function place() {
    const a = anchor();
    if (!a || node.getClientRects().length === 0) return; // closed: nothing to place
    node.style.position = 'fixed';
    node.style.right = 'auto';
    node.style.bottom = 'auto';
    node.style.maxHeight = '';
    const r = node.getBoundingClientRect();
    const p = placePopover(a.getBoundingClientRect(), { width: r.width, height: r.height }, { width: window.innerWidth, height: window.innerHeight });
    node.style.top = `${p.top}px`;
    node.style.left = `${p.left}px`;
    node.style.maxWidth = `${window.innerWidth - 16}px`;
    node.style.maxHeight = p.maxHeight === null ? '' : `${p.maxHeight}px`;
    node.style.overflowY = p.maxHeight === null ? '' : 'auto';
  }
  let frame = 0;
  const soon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(place);
  };
  const details = node.closest('details');
  details?.addEventListener('toggle', place);
  window.addEventListener('resize', soon);
  window.addEventListener('scroll', soon, true);
  const ro = new ResizeObserver(soon);
  ro.observe(node);
  place();
  return {
    destroy() {
      cancelAnimationFrame(frame);
      details?.removeEventListener('toggle', place);
      window.removeEventListener('resize', soon);
      window.removeEventListener('scroll', soon, true);
      ro.disconnect();
    },
  };
}
