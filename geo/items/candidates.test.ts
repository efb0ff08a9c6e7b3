import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCandidates, findSuffixCandidates, loadGazetteerNames, mergeCandidates } from './candidates.ts';

const TEXT = readFileSync(join(import.meta.dirname, '../report/linghe-2022-work-report.txt'), 'utf8');
const texts = (text: string) => findCandidates(text).map((c) => c.text);

describe('suffix rule (hand-made)', () => {
  it('cuts the name after the last verb or function word', () => {
    expect(texts('50天完成徐州街改造攻坚')).toEqual(['徐州街']);
    expect(texts('实施白日小区等10个2022年老旧小区改造')).toEqual(['白日小区', '老旧小区']);
    expect(texts('有效稳妥处置热电厂B地块地产项目')).toEqual(['热电厂B地块']);
  });

  it('keeps letters and digits inside a name', () => {
    expect(texts('推进百股A地块开发')).toEqual(['百股A地块']);
    expect(texts('建设66千伏变电站')).toEqual(['66千伏变电站']);
  });

  it('takes the longest suffix and drops names nested in a longer one', () => {
    expect(texts('建设广州街跨小凌河特大桥')).toEqual(['广州街跨小凌河特大桥']);
    expect(texts('改造北山里棚户区')).toEqual(['北山里棚户区']);
  });

  it('skips the district itself, kilometres and common nouns, but not 小凌河', () => {
    expect(texts('推动凌河全面振兴,打通最后一公里,理顺园区体制,辽西中心城市,现代化港口城市,新增市场主体')).toEqual([]);
    expect(texts('治理小凌河')).toEqual(['小凌河']);
  });

  it('requires at least two characters before the suffix', () => {
    expect(findSuffixCandidates('修路。')).toEqual([]);
  });
});

describe('known names (hand-made)', () => {
  const names = { landmarks: ['明长城紫荆山烽火台遗址', '紫荆山公园'], admin: ['百股村'] };

  it('finds gazetteer names and areas, merging identical spans', () => {
    const found = findCandidates('紫荆山公园如期完工,百股村和铁北', names);
    expect(found.map((c) => [c.text, c.rule])).toEqual([
      ['紫荆山公园', 'suffix:公园+gazetteer:landmark'],
      ['百股村', 'suffix:村+gazetteer:admin'],
      ['铁北', 'area'],
    ]);
  });

  it('trims a suffix guess to the known name it ends with, and drops guesses ending inside one', () => {
    const found = findCandidates('加强对长城国家文化公园明长城紫荆山烽火台遗址的保护', names).map((c) => c.text);
    expect(found).toEqual(['长城国家文化公园', '明长城紫荆山烽火台遗址']);
  });

  it('mergeCandidates sorts by offset and removes strictly nested spans only', () => {
    const merged = mergeCandidates([
      { start: 5, end: 8, text: 'b', rule: 'x' },
      { start: 0, end: 4, text: 'a', rule: 'x' },
      { start: 1, end: 3, text: 'a2', rule: 'x' },
      { start: 3, end: 6, text: 'c', rule: 'x' },
    ]);
    expect(merged.map((c) => c.text)).toEqual(['a', 'c', 'b']);
  });
});

describe('the real report', () => {
  const names = loadGazetteerNames(join(process.cwd(), 'geo', 'sources'));
  const found = findCandidates(TEXT, names);
  const all = new Set(found.map((c) => c.text));

  it('finds the places the brief names', () => {
    for (const t of ['徐州街', '五里营子小区', '北山里棚户区', '百股A地块', '广州街跨小凌河特大桥', '紫荆山公园', '百股村', '金屯村', '铁北', '一区三园', '双凌', '松凌', '金廊', '银带', '贵州小区', '白日小区', '民和里']) {
      expect(all, t).toContain(t);
    }
  });

  it('gives spans that slice to their text', () => {
    for (const c of found) expect(TEXT.slice(c.start, c.end)).toBe(c.text);
  });

  it('reads gazetteer names: landmark qualifiers dropped, 村委会 also as 村', () => {
    expect(names.landmarks).toContain('凌河公园');
    expect(names.landmarks.some((n) => n.includes('-') || n.includes('('))).toBe(false);
    expect(names.admin).toEqual(expect.arrayContaining(['百股村委会', '百股村', '贵州社区', '榴花街道']));
  });
});
