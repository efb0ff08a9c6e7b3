import { describe, expect, it } from 'vitest';
import { orderBy, sortRanks } from './sort';

const item = (start: number, mapped: boolean) => ({ geometry: mapped ? {} : null, properties: { mentions: [{ start: start + 5 }, { start }] } });
const items = [item(300, false), item(100, false), item(200, true), item(50, true)];
const all = [0, 1, 2, 3];

describe('sortRanks', () => {
  it('report: by first mention in the report', () => {
    expect(orderBy(all, sortRanks(items, 'report'))).toEqual([3, 1, 2, 0]);
  });
  it('map: drawn items first, each part in report order', () => {
    expect(orderBy(all, sortRanks(items, 'map'))).toEqual([3, 2, 1, 0]);
  });
  it('orders a subset without changing its input', () => {
    const sub = [0, 2];
    expect(orderBy(sub, sortRanks(items, 'report'))).toEqual([2, 0]);
    expect(sub).toEqual([0, 2]);
  });
});
