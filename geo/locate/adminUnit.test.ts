import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GazetteerEntry, ItemDraft } from '../../src/lib/schema';
import { adminEntries, parseCsv } from '../gazetteer';
import { locateCommunity, locateDistrict, locateOutside, locateSubdistrictFallback } from './adminUnit';
import type { Notes } from './evidence';
import { golden, goldenCases, readCase } from './golden';

type Case = { spec: { source: string } & Notes; entries: GazetteerEntry[] };
const admin = adminEntries(parseCsv(readFileSync(join(import.meta.dirname, '../sources/admin-units.csv'), 'utf8')));
const boundary: GazetteerEntry = { id: 'boundary:210703', name: '凌河区', kind: 'boundary', source: 's', licence: 'MIT', src_coordinates: null, src_crs: 'GCJ-02', coordinates: null };
const all = [...admin, boundary];
const index = new Map(all.map((e) => [e.id, e]));
const draft = (name: string, neighbourhoods: string[], claims: string[] = []): ItemDraft => ({
  id: 'x', name, name_en: 'x', category: 'renewal', neighbourhoods, claims,
  mentions: [{ start: 0, end: 1, quote: 'x', section: '一', sentence: 0, years: [2022], status: 'planned', status_words: 'x', status_rule: 'x' }],
});

describe('community-name (golden)', () => {
  it('has cases', () => expect(goldenCases('community-name').length).toBeGreaterThan(0));
  for (const name of goldenCases('community-name')) {
    it(name, () => {
      const c = readCase<Case>('community-name', name);
      const { got, want } = golden('community-name', name, locateCommunity(c.spec, new Map(c.entries.map((e) => [e.id, e]))));
      expect(got).toBe(want);
    });
  }
});

describe('subdistrict fallback', () => {
  it('cites the community whose name the item contains (贵州小区 → 贵州社区, 榴花街道)', () => {
    const loc = locateSubdistrictFallback(draft('贵州小区', ['210703004']), all, index)!;
    expect(loc).toMatchObject({ precision: 'subdistrict', geometry: null, method: 'community-name' });
    expect(loc.evidence.map((e) => e.source)).toEqual(['community:210703004001', 'subdistrict:210703004']);
  });
  it('falls back to the subdistrict alone when no community name matches', () => {
    const loc = locateSubdistrictFallback(draft('马家市场', ['210703008']), all, index)!;
    expect(loc.method).toBe('subdistrict');
    expect(loc.evidence.map((e) => e.source)).toEqual(['subdistrict:210703008']);
  });
  it('gives up with zero or two subdistricts (named areas do not count)', () => {
    expect(locateSubdistrictFallback(draft('a', ['tiebei']), all, index)).toBeNull();
    expect(locateSubdistrictFallback(draft('a', ['210703004', '210703008']), all, index)).toBeNull();
  });
});

describe('district and outside', () => {
  it('district has no geometry and cites the boundary', () => {
    expect(locateDistrict({ note: 'n', note_zh: 'n' }, index)).toMatchObject({ precision: 'district', geometry: null, evidence: [{ source: 'boundary:210703' }] });
  });
  it('outside needs a source', () => {
    expect(() => locateOutside({ sources: [], note: 'n', note_zh: 'n' }, index)).toThrow(/needs at least one source/);
    expect(locateOutside({ sources: ['boundary:210703'], note: 'n', note_zh: 'n' }, index)).toMatchObject({ precision: 'outside', geometry: null });
  });
});
