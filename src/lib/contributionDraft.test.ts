import { describe, expect, it } from 'vitest';
import { buildContribution, checkContribution, defaultPrecision, proposalText, type EvidenceForm } from './contributionDraft';
import type { ItemFeature, Manifest } from './schema';

const item = {
  type: 'Feature',
  id: 'guizhou-xiaoqu',
  geometry: null,
  properties: {
    id: 'guizhou-xiaoqu', name: '贵州小区', name_en: 'Guizhou Residential Compound', category: 'renewal', neighbourhoods: [], claims: [],
    mentions: [{ start: 5, end: 9, quote: '贵州小区', section: '一', sentence: 274, years: [2021], status: 'completed', status_words: '', status_rule: 'r' },
      { start: 50, end: 54, quote: '贵州小区', section: '一', sentence: 12, years: [2021], status: 'completed', status_words: '', status_rule: 'r' }],
    location: { precision: 'subdistrict', uncertainty_m: null, method: 'community-name', evidence: [] },
  },
} as unknown as ItemFeature;
const manifest = { files: { 'items.geojson': { sha256: 'b'.repeat(64), bytes: 1 } } } as unknown as Manifest;
const square = { type: 'Polygon' as const, coordinates: [[[121.17, 41.12], [121.18, 41.12], [121.18, 41.13], [121.17, 41.12]]] as [number, number][][] };
const form: EvidenceForm = { kind: 'on_site', citation: 'I live there', date: '2026-11-30', precision: 'exact', uncertainty: '30', contributor: '' };
const NOW = new Date('2026-12-01T10:00:00Z');

describe('contribution draft', () => {
  it('builds a file the shared schema accepts, with sentences, data version and before', () => {
    const { file, fields } = checkContribution(buildContribution(item, square, form, manifest, NOW));
    expect(fields).toEqual([]);
    expect(file!.contributions[0]).toMatchObject({
      item: 'guizhou-xiaoqu', crs: 'WGS-84', sentences: [12, 274], data_version: 'b'.repeat(64),
      before: { precision: 'subdistrict', method: 'community-name' }, created: '2026-12-01',
    });
    expect(file!.contributions[0].evidence).not.toHaveProperty('contributor');
  });

  it('writes a shape drawn on 高德 as GCJ-02, as drawn, which the shared schema accepts', () => {
    const { file, fields } = checkContribution(buildContribution(item, square, form, manifest, NOW, 'GCJ-02'));
    expect(fields).toEqual([]);
    expect(file!.contributions[0]).toMatchObject({ crs: 'GCJ-02', basemap: 'amap', geometry: square });
    expect(file!.contributions[0].evidence.kind).toBe('on_site');
  });

  it('names the form fields that are wrong', () => {
    const bad = { ...form, citation: '  ', date: '', uncertainty: 'abc', contributor: '<b>me</b>' };
    expect(checkContribution(buildContribution(item, null, bad, manifest, NOW)).fields.sort()).toEqual(['citation', 'contributor', 'date', 'geometry', 'uncertainty']);
  });

  it('suggests a precision from the shape', () => {
    expect(defaultPrecision({ type: 'Point', coordinates: [1, 2] }).precision).toBe('near');
    expect(defaultPrecision({ type: 'LineString', coordinates: [[1, 2], [3, 4]] }).precision).toBe('street');
    expect(defaultPrecision(square).precision).toBe('exact');
  });

  it('writes proposal text holding the file, the citation and the target', () => {
    const { file } = checkContribution(buildContribution(item, square, { ...form, contributor: 'Li Hua' }, manifest, NOW));
    const text = proposalText(file!, item, 'https://example.org/issues/new');
    expect(text).toContain('贵州小区');
    expect(text).toContain('How I know (on_site, 2026-11-30): I live there');
    expect(text).toContain('Contributor: Li Hua');
    expect(text).toContain('To: https://example.org/issues/new');
    expect(JSON.parse(text.split('```json\n')[1].split('\n```')[0])).toEqual(file);
  });
});
