import { describe, expect, it } from 'vitest';
import type { GazetteerEntry, Position } from '../../src/lib/schema';
import type { Notes } from './evidence';
import { golden, goldenCases, readCase } from './golden';
import { locateStreet, orderAlongAxis, pointOnStreet, streetPoints } from './streetPoints';

type Case = { spec: { street: string; uncertainty_m?: number } & Notes; entries: GazetteerEntry[] };

describe('street-points (golden)', () => {
  it('has cases', () => expect(goldenCases('street-points').length).toBeGreaterThan(0));
  for (const name of goldenCases('street-points')) {
    it(name, () => {
      const c = readCase<Case>('street-points', name);
      const { got, want } = golden('street-points', name, locateStreet(c.spec, c.entries));
      expect(got).toBe(want);
    });
  }
});

describe('street-points', () => {
  it('uses crossings and house numbers on the street, not addresses that merely mention it', () => {
    const c = readCase<Case>('street-points', 'songpo-lu-three-crossings');
    const used = streetPoints(c.entries, '松坡路').flatMap((p) => p.entries.map((e) => e.id)).sort();
    expect(used).toEqual(['poi:白老虎屯战斗遗址', 'poi:石桥子绿地', 'poi:老爷庙']);
  });

  it('does not take 中央北街 for 中央大街 or 解放西路 for 解放路', () => {
    const e = (address: string): GazetteerEntry => ({ id: 'poi:x', name: 'x', kind: 'poi', address, source: 's', licence: 'l', src_coordinates: [121.1, 41.1], src_crs: 'GCJ-02', coordinates: [121.1, 41.1] });
    expect(pointOnStreet(e('中央北街与松坡路交叉口西200米'), '中央大街')).toBeNull();
    expect(pointOnStreet(e('解放西路237号'), '解放路')).toBeNull();
    expect(pointOnStreet(e('中央大街96号'), '中央大街')?.how).toBe('house number 中央大街96号');
  });

  it('gives a line only with two distinct places, else a near point', () => {
    const one = readCase<Case>('street-points', 'guangzhou-jie-one-house-number');
    const loc = locateStreet(one.spec, one.entries);
    expect(loc.precision).toBe('near');
    expect(loc.geometry?.type).toBe('Point');
    expect(loc.evidence).toHaveLength(2);
    const three = readCase<Case>('street-points', 'songpo-lu-three-crossings');
    expect(locateStreet(three.spec, three.entries)).toMatchObject({ precision: 'street', geometry: { type: 'LineString' } });
  });

  it('writes the Chinese note from the same points, in the same order, as the English one', () => {
    for (const name of goldenCases('street-points')) {
      const c = readCase<Case>('street-points', name);
      const loc = locateStreet(c.spec, c.entries);
      const en = [...loc.note!.matchAll(/crossing (\S+?\/\S+?)[;.)]|house number (\S+?号)/g)].map((m) => m[1] ?? m[2]);
      const zh = [...loc.note_zh!.matchAll(/([^：；（]+?\/[^：；（]+?)路口|门牌([^：；（）]+?号)/g)].map((m) => m[1] ?? m[2]);
      expect(en.length, name).toBeGreaterThan(0);
      expect(zh, name).toEqual(en);
      expect(loc.note_zh!.startsWith(c.spec.note_zh), name).toBe(true);
    }
  });

  it('throws naming a street no cited point names', () => {
    expect(() => locateStreet({ street: '徐州街', note: 'x', note_zh: 'x' }, [])).toThrow(/徐州街/);
  });
});

describe('orderAlongAxis', () => {
  it('orders an east–west street west to east whatever the input order', () => {
    const pts: Position[] = [[121.15, 41.12], [121.11, 41.121], [121.13, 41.119]];
    expect(orderAlongAxis(pts)).toEqual([[121.11, 41.121], [121.13, 41.119], [121.15, 41.12]]);
  });
  it('orders a north–south street south to north', () => {
    const pts: Position[] = [[121.1, 41.15], [121.101, 41.11], [121.099, 41.13]];
    expect(orderAlongAxis(pts)).toEqual([[121.101, 41.11], [121.099, 41.13], [121.1, 41.15]]);
  });
});
