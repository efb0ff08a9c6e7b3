import { describe, expect, it } from 'vitest';
import { SWIPE_PX, swipeIntent } from './swipeIntent';

describe('swipeIntent', () => {
  it('reads an upward swipe as expand and a downward one as collapse', () => {
    expect(swipeIntent(500, 500 - SWIPE_PX)).toBe('expand');
    expect(swipeIntent(500, 500 + SWIPE_PX + 40)).toBe('collapse');
  });
  it('leaves a tap (a small wobble) to the click', () => {
    expect(swipeIntent(500, 500 - (SWIPE_PX - 1))).toBeNull();
    expect(swipeIntent(500, 503)).toBeNull();
  });
});
