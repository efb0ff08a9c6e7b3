import { area, booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { BoundaryCollection, GazetteerEntry } from '../../src/lib/schema';
import type { Notes } from './evidence';
import { golden, goldenCases, readCase } from './golden';
import { locateNorthOfLine, type LineSpec } from './northOfLine';

type Case = { spec: { line: LineSpec } & Notes; entries: GazetteerEntry[]; boundaries: BoundaryCollection };
const run = (c: Case) => locateNorthOfLine(c.spec, c.entries, new Map(c.entries.map((e) => [e.id, e])), c.boundaries);

describe('north-of-line (golden)', () => {
  it('has cases', () => expect(goldenCases('north-of-line').length).toBeGreaterThan(0));
  for (const name of goldenCases('north-of-line')) {
    it(name, () => {
      const c = readCase<Case>('north-of-line', name);
      const { got, want } = golden('north-of-line', name, run(c));
      expect(got).toBe(want);
    });
  }
});

describe('north-of-line', () => {
  it('keeps the part of the district north of the line, and only that', () => {
    const c = readCase<Case>('north-of-line', 'square-district-two-stations');
    const loc = run(c);
    const f = { type: 'Feature' as const, properties: {}, geometry: loc.geometry as never };
    expect(booleanPointInPolygon([121.15, 41.14], f)).toBe(true);
    expect(booleanPointInPolygon([121.15, 41.11], f)).toBe(false);
    // square 0.1° × 0.05°; the line runs from 41.12 (west) to 41.13 (east): north part = 0.025°/0.05° of it
    const square = area(c.boundaries.features[0]);
    expect(area(f) / square).toBeCloseTo(0.5, 2);
    expect(loc.evidence.map((e) => e.source)).toEqual(['station:东站', 'station:西站', 'boundary:210703']);
  });

  it('needs two points on a street line', () => {
    const c = readCase<Case>('north-of-line', 'street-line');
    expect(() => run({ ...c, spec: { line: { street: '南阳路' }, note: 'x', note_zh: 'x' } })).toThrow(/南阳路.*0 cited point/);
  });
});
