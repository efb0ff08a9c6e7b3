import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemDraft, Location } from '../../src/lib/schema';
import { readBoundarySource } from '../boundaries';
import { buildBasemap } from '../pipeline';
import { validateItems } from '../validate';
import { parseLocations } from './annotations';
import { locateAll, type LocateContext } from './locateAll';

const root = join(import.meta.dirname, '../..');
const basemap = buildBasemap({
  landmarksCsv: readFileSync(join(root, 'geo/sources/landmarks.csv'), 'utf8'),
  adminUnitsCsv: readFileSync(join(root, 'geo/sources/admin-units.csv'), 'utf8'),
  boundarySource: readBoundarySource(root),
});
const draft = (id: string, name: string, neighbourhoods: string[] = []): ItemDraft => ({
  id, name, name_en: id, category: 'park_ecology', neighbourhoods, claims: [],
  mentions: [{ start: 0, end: 1, quote: 'x', section: '一', sentence: 0, years: [2022], status: 'planned', status_words: 'x', status_rule: 'x' }],
});
const drafts = [
  draft('memorial', '辽沈战役纪念馆'),
  draft('songpo-lu', '松坡路'),
  draft('tiebei', '铁北新城', ['tiebei']),
  draft('guizhou', '贵州小区', ['210703004']),
  draft('unknown', '凯美能源'),
  draft('broken', '某地'),
];
const locations = parseLocations(`
memorial: { method: cited-place, source: poi:辽沈战役纪念馆, precision: exact, note: own point, note_zh: 自身点位 }
songpo-lu: { method: street-points, street: 松坡路, note: road, note_zh: 道路 }
tiebei: { method: north-of-line, line: { stations: [station:桃园站, station:锦州站, station:双羊店站] }, note: north of the railway, note_zh: 铁路以北 }
broken: { method: cited-place, source: poi:不存在, precision: exact, note: a typo, note_zh: 笔误 }
`);
const ctx = (extra: Partial<LocateContext> = {}): LocateContext => ({ gazetteer: basemap.gazetteer, boundaries: basemap.boundaries, locations, ...extra });

describe('locateAll', () => {
  it('applies the annotated method, else the subdistrict fallback, else the district', () => {
    const { items } = locateAll(drafts, ctx());
    const by = Object.fromEntries(items.map((f) => [f.id, f.properties.location]));
    expect(by.memorial).toMatchObject({ precision: 'exact', method: 'cited-place' });
    expect(by['songpo-lu']).toMatchObject({ precision: 'street', method: 'street-points' });
    expect(by.tiebei).toMatchObject({ precision: 'area', method: 'north-of-line' });
    expect(by.guizhou).toMatchObject({ precision: 'subdistrict', method: 'community-name' });
    expect(by.unknown).toMatchObject({ precision: 'district', method: 'district' });
  });

  it('reports a failing annotation (naming item and id) and falls back instead of dropping the item', () => {
    const { items, problems } = locateAll(drafts, ctx());
    expect(problems).toEqual(['item broken: cited-place: gazetteer has no entry "poi:不存在"']);
    expect(items.find((f) => f.id === 'broken')!.properties.location.precision).toBe('district');
  });

  it('reports annotations for items that do not exist', () => {
    const { problems } = locateAll(drafts.slice(0, 1), ctx());
    expect(problems).toContain('locations.yaml: no item "songpo-lu"');
  });

  it('asks the geocoder only for items left at subdistrict or district', () => {
    const asked: string[] = [];
    const geo: Location = {
      precision: 'near', geometry: { type: 'Point', coordinates: [121.17, 41.12] }, uncertainty_m: 150, method: 'geocoder:nominatim',
      evidence: [{ source: 'geocode:nominatim:x', says: 's', src_coordinates: [121.17, 41.12], src_crs: 'WGS-84' }],
    };
    const { items } = locateAll(drafts, ctx({ geocode: (d) => (asked.push(d.id), d.id === 'unknown' ? geo : null) }));
    expect(asked.sort()).toEqual(['broken', 'guizhou', 'unknown']);
    expect(items.find((f) => f.id === 'unknown')!.properties.location.method).toBe('geocoder:nominatim');
    expect(items.find((f) => f.id === 'guizhou')!.properties.location.method).toBe('community-name');
  });

  it('says in both languages what the item had before the geocoder', () => {
    const geo: Location = {
      precision: 'near', geometry: { type: 'Point', coordinates: [121.17, 41.12] }, uncertainty_m: 150, method: 'geocoder:amap',
      evidence: [{ source: 'geocode:amap:x', says: 's', src_coordinates: [121.17, 41.12], src_crs: 'GCJ-02' }],
      note: 'Geocoder match.', note_zh: '地理编码匹配。',
    };
    const { items } = locateAll(drafts, ctx({ geocode: (d) => (d.id === 'guizhou' ? geo : null) }));
    expect(items.find((f) => f.id === 'guizhou')!.properties.location).toMatchObject({
      note: 'Geocoder match. Before the geocoder: subdistrict (community-name).',
      note_zh: '地理编码匹配。地理编码之前：街道级（community-name）。',
    });
  });

  it('leaves note_zh out when a geocoder gives an English note only, so the app shows the whole English note', () => {
    const geo: Location = {
      precision: 'near', geometry: { type: 'Point', coordinates: [121.17, 41.12] }, uncertainty_m: 150, method: 'geocoder:x',
      evidence: [{ source: 'geocode:x:x', says: 's', src_coordinates: [121.17, 41.12], src_crs: 'WGS-84' }], note: 'English only.',
    };
    const { items } = locateAll(drafts, ctx({ geocode: (d) => (d.id === 'unknown' ? geo : null) }));
    const loc = items.find((f) => f.id === 'unknown')!.properties.location;
    expect(loc.note).toBe('English only. Before the geocoder: district (district).');
    expect(loc).not.toHaveProperty('note_zh');
  });

  it('gives every location, fallbacks included, a Chinese note beside its English one', () => {
    const { items } = locateAll(drafts, ctx());
    for (const f of items) {
      const { note, note_zh } = f.properties.location;
      expect(note, f.id).toBeTruthy();
      expect(note_zh, f.id).toMatch(/[\u4e00-\u9fff]/);
    }
    const by = Object.fromEntries(items.map((f) => [f.id, f.properties.location]));
    expect(by.unknown.note_zh).toBe('没有引用证据能把该条目定位到比全区更小的范围。');
    expect(by.guizhou.note_zh).toBe('名称与贵州社区相符，属榴花街道；该地点没有坐标。');
  });

  it('gives no item a geometry without evidence, and the result validates', () => {
    const { items } = locateAll(drafts, ctx());
    for (const f of items) {
      if (f.geometry) expect(f.properties.location.evidence.some((e) => e.src_coordinates !== null), f.id).toBe(true);
      expect(f.properties.location.evidence.length, f.id).toBeGreaterThan(0);
    }
    expect(validateItems(items, basemap.gazetteer, basemap.boundaries)).toEqual([]);
  });
});

describe('geo/annotations/locations.yaml', () => {
  it('parses, and every id it cites is in the gazetteer', () => {
    const file = parseLocations(readFileSync(join(root, 'geo/annotations/locations.yaml'), 'utf8'));
    const ids = new Set(basemap.gazetteer.map((e) => e.id));
    const cited = Object.values(file).flatMap((a) => [
      ...('source' in a ? [a.source] : []),
      ...('sources' in a ? a.sources : []),
      ...('line' in a && 'stations' in a.line ? a.line.stations : []),
    ]);
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.filter((id) => !ids.has(id))).toEqual([]);
  });
  it('rejects an unknown method, naming the item', () => {
    expect(() => parseLocations('x-item: { method: guess, note: n, note_zh: n }')).toThrow(/x-item/);
  });
  it('rejects an entry without a Chinese note, or with an empty one, naming the item', () => {
    expect(() => parseLocations('x-item: { method: district, note: District-wide. }')).toThrow(/item "x-item" field note_zh/);
    expect(() => parseLocations("x-item: { method: district, note: District-wide., note_zh: '' }")).toThrow(/item "x-item" field note_zh/);
    expect(parseLocations('x-item: { method: district, note: District-wide., note_zh: 全区。 }')['x-item'].note_zh).toBe('全区。');
  });
  it('has Chinese notes that are Chinese prose stating the same numbers as the English ones', () => {
    const file = parseLocations(readFileSync(join(root, 'geo/annotations/locations.yaml'), 'utf8'));
    const numbers = (s: string) => (s.match(/\d+(?:\.\d+)?/g) ?? []).sort();
    for (const [id, a] of Object.entries(file)) {
      expect(a.note_zh, id).not.toBe(a.note);
      expect(a.note_zh, id).toMatch(/[\u4e00-\u9fff][^]*。$/);
      expect(a.note_zh, id).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/); // no English phrase left in
      expect(numbers(a.note_zh), id).toEqual(numbers(a.note));
    }
  });
});
