import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { GazetteerEntry } from '../src/lib/schema';
import { adminEntries, boundaryEntries, buildGazetteer, landmarkEntries, parseCsv, resolveCrs } from './gazetteer';

const sources = join(import.meta.dirname, 'sources');
const landmarks = () => landmarkEntries(parseCsv(readFileSync(join(sources, 'landmarks.csv'), 'utf8')));
const admin = () => adminEntries(parseCsv(readFileSync(join(sources, 'admin-units.csv'), 'utf8')));

describe('parseCsv', () => {
  it('keeps commas, newlines and doubled quotes inside quoted fields', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n');
    expect(rows).toEqual([
      { a: 'x, y', b: 'say "hi"', c: 'two\nlines' },
      { a: '1', b: '', c: '3' },
    ]);
  });
  it('names a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
  });
});

describe('resolveCrs', () => {
  it('reads assumed BD-09 as BD-09 and refuses to pick for an unknown CRS', () => {
    expect(resolveCrs('BD-09 (assumed: only then do the Linghe colleges fall inside Linghe)')).toEqual({ crs: 'BD-09', assumed: true });
    expect(resolveCrs('GCJ-02 (infobox says source:Gaode)')).toEqual({ crs: 'GCJ-02', assumed: false });
    expect(resolveCrs('unknown (WGS-84 or GCJ-02)')).toEqual({ crs: null, assumed: false });
    expect(() => resolveCrs('EPSG:4490')).toThrow(/EPSG:4490/);
  });
});

describe('landmark entries', () => {
  it('reads every row of landmarks.csv, with the quoted source field intact', () => {
    const csvRows = readFileSync(join(sources, 'landmarks.csv'), 'utf8').trim().split('\n').length - 1;
    const entries = landmarks();
    expect(entries).toHaveLength(csvRows);
    const memorial = entries.find((e) => e.id === 'poi:辽沈战役纪念馆')!;
    expect(memorial.source).toMatch(/^AMap place search \(tourist sites, 2026 scrape\): github/);
    expect(memorial.address).toBe('重庆路36号');
  });

  it('converts the memorial from GCJ-02 to WGS-84 and keeps the original', () => {
    const m = landmarks().find((e) => e.id === 'poi:辽沈战役纪念馆')!;
    expect(m.src_coordinates).toEqual([121.148175, 41.129367]);
    expect(m.src_crs).toBe('GCJ-02');
    expect(distance(m.coordinates!, [121.14255, 41.12731], { units: 'meters' })).toBeLessThan(5);
  });

  it('keeps OSM stations unchanged (WGS-84) and rounds to 6 decimals', () => {
    const s = landmarks().find((e) => e.id === 'station:锦州站')!;
    expect(s.coordinates).toEqual([121.135383, 41.123213]);
  });

  it('keeps unknown-CRS coordinates as published with a ±500 m note', () => {
    const m = landmarks().find((e) => e.id === 'monitoring_site:百股街道')!;
    expect(m.name).toBe('百股街道');
    expect(m.coordinates).toEqual(m.src_coordinates);
    expect(m.note).toMatch(/±500 m/);
  });

  it('moves assumed-BD-09 colleges by more than the GCJ-02 shift and says it is assumed', () => {
    const c = landmarks().find((e) => e.id === 'college:锦州医科大学')!;
    expect(distance(c.coordinates!, c.src_coordinates!, { units: 'meters' })).toBeGreaterThan(900);
    expect(c.note).toMatch(/assumption/);
    expect(c.address).toBeUndefined(); // a website is not an address
  });
});

describe('buildGazetteer', () => {
  const all = () => buildGazetteer([landmarks(), admin(), boundaryEntries({ source: 's', licence: 'MIT', districts: [{ adcode: '210703', name: '凌河区' }] })]);

  it('gives unique ids, sorted, each entry valid', () => {
    const entries = all();
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort());
    for (const e of entries) expect(GazetteerEntry.safeParse(e).success).toBe(true);
  });

  it('has communities that resolve a name match to their subdistrict', () => {
    const entries = all();
    const guizhou = entries.find((e) => e.kind === 'community' && e.name === '贵州社区')!;
    expect(guizhou.id).toMatch(/^community:210703004\d{3}$/);
    expect(guizhou.coordinates).toBeNull();
    expect(entries.find((e) => e.id === 'subdistrict:210703004')!.name).toBe('榴花街道');
    expect(entries.find((e) => e.id === 'boundary:210703')!.kind).toBe('boundary');
  });

  it('refuses duplicate ids, naming them', () => {
    const one = landmarks().slice(0, 1);
    expect(() => buildGazetteer([one, one])).toThrow(new RegExp(`duplicate ids: ${one[0].id.replace(/[()]/g, '.')}`));
  });
});
