import { describe, expect, it } from 'vitest';
import { changedBits, hasBit, statusOverride } from './featureStates';
import type { MapRecord } from '../filters';

const bits = (n: number, set: number[]) => {
  const b = new Uint32Array(Math.ceil(n / 32));
  for (const i of set) b[i >>> 5] |= 1 << (i & 31);
  return b;
};

describe('changedBits', () => {
  it('lists the items whose visibility flips, in order, across words and at bit 31', () => {
    expect(changedBits(bits(70, [0, 31, 40]), bits(70, [31, 32, 63, 69]), 70)).toEqual([0, 32, 40, 63, 69]);
  });

  it('treats no previous bitset as everything shown, and ignores padding bits past n', () => {
    expect(changedBits(null, bits(35, [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34]), 35)).toEqual([3, 33]);
  });

  it('is empty when nothing changed', () => {
    expect(changedBits(bits(64, [5, 63]), bits(64, [5, 63]), 64)).toEqual([]);
  });
});

describe('hasBit', () => {
  it('reads one bit; null means all', () => {
    expect([hasBit(bits(40, [33]), 33), hasBit(bits(40, [33]), 32), hasBit(null, 7)]).toEqual([true, false, true]);
  });
});

describe('statusOverride', () => {
  const r = { id: 'a', category: 'education', precision: 'exact', st: 'under_way', hoods: '||', st2021: 'planned', st2022: 'under_way', st2023: '' } as unknown as MapRecord;
  it("gives the year's status only where it differs from the all-years one", () => {
    expect([statusOverride(r, 'st'), statusOverride(r, 'st2021'), statusOverride(r, 'st2022'), statusOverride(r, 'st2023')]).toEqual([null, 'planned', null, null]);
  });
});
