import { describe, expect, it } from 'vitest';
import { leftovers } from './leftovers';

describe('leftovers', () => {
  it('reports what tests left, sorted, but not the tsx compile cache', () => {
    expect(leftovers(['tsx-0', 'geocode-run-b', 'atlas-cli-a', 'tsx-1000'])).toEqual(['atlas-cli-a', 'geocode-run-b']);
    expect(leftovers(['playwright-transform-cache-0', 'playwright-transform-cache-x', 'shot.png'])).toEqual(['playwright-transform-cache-x', 'shot.png']);
    expect(leftovers(['tsx-cache-evil', 'x'])).toEqual(['tsx-cache-evil', 'x']);
    expect(leftovers([])).toEqual([]);
  });
});
