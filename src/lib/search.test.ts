import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pinyinOf } from './pinyin';
import { buildIndex, communityParent, outsideDistrict, reportHits, suggest } from './search';
import { NEIGHBOURHOODS } from './taxonomy';

const read = (f: string) => JSON.parse(readFileSync(new URL(`../../public/data/${f}`, import.meta.url), 'utf8'));
const items = read('items.geojson').features;
const gazetteer = read('gazetteer.json').entries;
const context = read('basemap/context.geojson').features;
const districts = read('basemap/boundaries.geojson').features.map((f: { properties: unknown }) => f.properties);
const report = read('report.json');
const index = buildIndex({ items, hoods: NEIGHBOURHOODS, gazetteer, context }, pinyinOf);

const keysOf = (q: string, group: string) => suggest(index, q, 50).groups.find((g) => g.group === group)?.entries.map((e) => e.key) ?? [];

describe('suggest', () => {
  it('finds the basemap labels 古塔 and 八一公园 as places with coordinates', () => {
    for (const q of ['古塔', '八一公园', 'bayigongyuan', 'bygy']) {
      const places = suggest(index, q).groups.find((g) => g.group === 'place');
      expect(places?.entries.length, q).toBeGreaterThan(0);
      expect(places!.entries[0].at).toHaveLength(2);
    }
    expect(keysOf('八一公园', 'place')[0]).toBe('place:八一公园'); // the exact name before 八一公园北园
  });

  it('gives places the English names the English basemap shows, and finds them by those', () => {
    const bayi = index.find((e) => e.key === 'place:八一公园')!;
    expect(bayi.en).toBe('Bayi Park');
    expect(keysOf('bayi park', 'place')[0]).toBe('place:八一公园');
    expect(keysOf('jinzhou north station', 'place')).toEqual(['place:锦州北站']);
    // without pinyin (its chunk failed) places keep their Chinese names only
    expect(buildIndex({ items, hoods: NEIGHBOURHOODS, gazetteer, context }).find((e) => e.key === 'place:八一公园')!.en).toBeNull();
  });

  it('finds 铁北 as a neighbourhood and every item of that neighbourhood', () => {
    const tiebei = items.filter((f: { properties: { neighbourhoods: string[] } }) => f.properties.neighbourhoods.includes('tiebei'));
    expect(tiebei.length).toBe(4);
    expect(keysOf('铁北', 'hood')).toContain('hood:tiebei');
    expect(keysOf('铁北', 'item').sort()).toEqual(tiebei.map((f: { id: string }) => `item:${f.id}`).sort());
    // the item named 铁北… ranks before those only in the neighbourhood
    expect(keysOf('铁北', 'item')[0]).toBe('item:tiebei-xincheng');
  });

  it('matches items by Chinese, full pinyin, initials and English', () => {
    for (const q of ['松坡路', 'songpolu', 'song po lu', 'spl', 'Songpo Road']) expect(keysOf(q, 'item'), q).toContain('item:songpo-lu');
  });

  it('offers communities under their subdistrict', () => {
    const c = gazetteer.find((g: { kind: string }) => g.kind === 'community');
    const hit = suggest(index, c.name).groups.find((g) => g.group === 'hood')!.entries.find((e) => e.key === c.id)!;
    expect(hit.hood).toBe(communityParent(c.id));
    expect(NEIGHBOURHOODS.some((n) => n.id === hit.hood)).toBe(true);
  });

  it('caps each group but reports its total, and is empty for a blank query', () => {
    const s = suggest(index, '路', 3);
    const item = s.groups.find((g) => g.group === 'item')!;
    expect(item.entries).toHaveLength(3);
    expect(item.total).toBeGreaterThan(3);
    expect(suggest(index, '   ').groups).toEqual([]);
    expect(suggest(index, 'zzzzqqq').total).toBe(0);
  });
});

describe('communityParent', () => {
  it('reads the subdistrict from a 12-digit code', () => {
    expect(communityParent('community:210703011200')).toBe('210703011');
    expect(communityParent('poi:x')).toBeNull();
  });
});

describe('reportHits', () => {
  it('returns every offset of the query in the report, verbatim', () => {
    const hits = reportHits(report.text, '松坡路');
    expect(hits.length).toBeGreaterThan(0);
    for (const at of hits) expect(report.text.slice(at, at + 3)).toBe('松坡路');
    expect(reportHits(report.text, '')).toEqual([]);
  });
});

describe('outsideDistrict', () => {
  it('names a neighbouring district, never Linghe itself', () => {
    expect(outsideDistrict('古塔区', districts)).toBe('古塔区');
    expect(outsideDistrict('太和区政府', districts)).toBe('太和区');
    expect(outsideDistrict('taihe', districts, pinyinOf)).toBe('太和区');
    expect(outsideDistrict('凌河区', districts)).toBeNull();
    expect(outsideDistrict('松坡路', districts)).toBeNull();
  });
});
