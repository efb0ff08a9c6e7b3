import { describe, expect, it } from 'vitest';
import { snapAt, snapTargets, SNAP_PX } from './snap';

// A toy projection: 1e-4 degree = 1 px.
const project = (p: number[]) => [p[0] * 1e4, -p[1] * 1e4] as const;

describe('snapTargets', () => {
  it('takes every vertex of points, lines, polygons and multipolygons once', () => {
    const t = snapTargets([
      { type: 'Point', coordinates: [1, 2] },
      null,
      { type: 'LineString', coordinates: [[1, 2], [3, 4]] },
      { type: 'MultiPolygon', coordinates: [[[[5, 6], [7, 8], [5, 8], [5, 6]]]] },
    ]);
    expect(t).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [5, 8]]);
  });
});

describe('snapAt', () => {
  const targets: [number, number][] = [[121.1, 41.1], [121.1005, 41.1]];
  it('lands on the nearest target within the tolerance, exactly on its coordinates', () => {
    const at = project([121.1004, 41.1]);
    expect(snapAt([at[0], at[1]], targets, project)).toBe(targets[1]);
  });
  it('leaves a pointer farther than the tolerance where it is', () => {
    const far = project([121.1, 41.1 + (SNAP_PX + 1) * 1e-4]);
    expect(snapAt([far[0], far[1]], targets, project)).toBeNull();
    const near = project([121.1, 41.1 + (SNAP_PX - 1) * 1e-4]);
    expect(snapAt([near[0], near[1]], targets, project)).toBe(targets[0]);
  });
  it('uses the tolerance it is given (0: only an exact hit)', () => {
    const at = project([121.1001, 41.1]);
    expect(snapAt([at[0], at[1]], targets, project, 0)).toBeNull();
  });
});
