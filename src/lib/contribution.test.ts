import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_FORMAT, ContributionFile, issueLines } from './contribution';

const good = {
  format: CONTRIBUTION_FORMAT,
  contributions: [
    {
      item: 'guizhou-xiaoqu',
      geometry: { type: 'Point', coordinates: [121.18, 41.12] },
      crs: 'WGS-84',
      evidence: { kind: 'on_site', citation: 'I live there', date: '2026-11-30', precision: 'exact', uncertainty_m: 30 },
      sentences: [12],
      data_version: 'a'.repeat(64),
      before: { precision: 'subdistrict', method: 'community-name' },
      created: '2026-12-01',
    },
  ],
};
const withChange = (f: (c: Record<string, any>) => void) => {
  const copy = structuredClone(good) as any;
  f(copy.contributions[0]);
  return copy;
};

describe('ContributionFile', () => {
  it('accepts a well-formed contribution', () => {
    expect(ContributionFile.safeParse(good).success).toBe(true);
  });
  it('refuses markup in a text field, naming the field', () => {
    const r = ContributionFile.safeParse(withChange((c) => (c.evidence.citation = 'see <img src=x onerror=alert(1)>')));
    expect(r.success).toBe(false);
    expect(issueLines(r.error!)).toEqual(['contributions.0.evidence.citation: looks like HTML or script; write plain text']);
  });
  it('keeps plain text with angle brackets that are not markup', () => {
    const r = ContributionFile.safeParse(withChange((c) => (c.evidence.citation = '楼号 < 10 & "东侧"')));
    expect(r.success).toBe(true);
  });
  it('refuses GCJ-02 unless it comes from a map service: its search, or its map (高德)', () => {
    const r = ContributionFile.safeParse(withChange((c) => (c.crs = 'GCJ-02')));
    expect(issueLines(r.error!)).toEqual(['contributions.0.crs: only a map service gives GCJ-02 or BD-09 coordinates: its place search (evidence kind map_service) or its map (basemap amap, GCJ-02)']);
    expect(ContributionFile.safeParse(withChange((c) => ((c.crs = 'GCJ-02'), (c.basemap = 'amap')))).success).toBe(true);
    // 高德's map is GCJ-02, never BD-09; and no other basemap name is accepted
    expect(ContributionFile.safeParse(withChange((c) => ((c.crs = 'BD-09'), (c.basemap = 'amap')))).success).toBe(false);
    expect(ContributionFile.safeParse(withChange((c) => ((c.crs = 'GCJ-02'), (c.basemap = 'osm')))).success).toBe(false);
    const ok = ContributionFile.safeParse(withChange((c) => ((c.crs = 'GCJ-02'), (c.evidence.kind = 'map_service'))));
    expect(ok.success).toBe(true);
  });
  it('refuses unknown fields and a MultiPolygon', () => {
    const r = ContributionFile.safeParse(withChange((c) => ((c.extra = 1), (c.geometry = { type: 'MultiPolygon', coordinates: [] }))));
    expect(r.success).toBe(false);
    expect(issueLines(r.error!).join('\n')).toMatch(/geometry/);
  });
});
