import { describe, expect, it } from 'vitest';
import { placePopover } from './popoverPlace';

const phone = { width: 390, height: 844 };
const button = (left: number, top: number, w = 80, h = 36) => ({ left, top, right: left + w, bottom: top + h });

describe('placePopover', () => {
  it('opens below a button with room, right-aligned to it', () => {
    expect(placePopover(button(200, 100), { width: 256, height: 260 }, phone)).toEqual({ top: 140, left: 24, maxHeight: null });
  });

  it('opens above a button near the bottom of a phone (the sheet would clip it below)', () => {
    const p = placePopover(button(180, 710), { width: 256, height: 260 }, phone);
    expect(p).toEqual({ top: 710 - 4 - 260, left: 8, maxHeight: null });
    expect(p.top + 260).toBeLessThanOrEqual(710);
  });

  it('keeps a wide pop-over inside the screen, never off its left edge', () => {
    const p = placePopover(button(10, 100, 60), { width: 256, height: 100 }, phone);
    expect(p.left).toBe(8);
    const q = placePopover(button(350, 100, 30), { width: 500, height: 100 }, phone);
    expect(q.left).toBe(8); // narrowed to the screen: 390 − 2 × 8
  });

  it('scrolls on the side with more room when it fits on neither', () => {
    const p = placePopover(button(100, 300), { width: 200, height: 700 }, phone);
    expect(p.top).toBe(340);
    expect(p.maxHeight).toBe(844 - 336 - 4 - 8);
    const q = placePopover(button(100, 600), { width: 200, height: 700 }, phone);
    expect(q.maxHeight).toBe(600 - 4 - 8);
    expect(q.top).toBe(8);
  });
});
