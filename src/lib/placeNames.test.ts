import { describe, expect, it } from 'vitest';
import { englishName } from './placeNames';
import { pinyinOf } from './pinyin';

describe('englishName', () => {
  it('translates the generic part and writes the proper name in pinyin', () => {
    expect(englishName('古塔区', pinyinOf)).toBe('Guta District');
    expect(englishName('义县', pinyinOf)).toBe('Yi County');
    expect(englishName('锦州北站', pinyinOf)).toBe('Jinzhou North Station');
    expect(englishName('八一公园', pinyinOf)).toBe('Bayi Park');
    expect(englishName('八一公园北园', pinyinOf)).toBe('Bayi Park North Garden');
    expect(englishName('渤海大学(松山校区)', pinyinOf)).toBe('Bohai University (Songshan Campus)');
  });
  it('splits a long proper name into two-syllable words and keeps digits apart', () => {
    expect(englishName('辽沈战役烈士陵园', pinyinOf)).toBe("Liaoshen Zhanyi Martyrs' Cemetery");
    expect(englishName('锦铁768公园', pinyinOf)).toBe('Jintie 768 Park');
    expect(englishName('石桥子', pinyinOf)).toBe('Shiqiaozi');
    expect(englishName('东湖和平鸽广场', pinyinOf)).toBe('Dong Hu He Ping Ge Square');
    expect(englishName('清真寺', pinyinOf)).toBe('Mosque');
  });
  it('prefers an English name the data has', () => {
    const known = new Map([['辽沈战役纪念馆', 'Liaoshen Campaign Memorial']]);
    expect(englishName('辽沈战役纪念馆', pinyinOf, known)).toBe('Liaoshen Campaign Memorial');
    expect(englishName('辽沈战役纪念馆全景画馆', pinyinOf, known)).toBe('Liaoshen Campaign Memorial Panorama Hall');
  });
  it('never returns Chinese characters for any name of the basemap', async () => {
    const { readFileSync } = await import('node:fs');
    const names = [
      ...JSON.parse(readFileSync('public/data/basemap/context.geojson', 'utf8')).features,
      ...JSON.parse(readFileSync('public/data/basemap/boundaries.geojson', 'utf8')).features,
    ].map((f: { properties: { name: string } }) => f.properties.name);
    for (const n of names) expect(englishName(n, pinyinOf), n).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
