import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEMS_PATH, loadAnnotations, resolveItems } from './annotations.ts';
import { clauseBefore, extractFigures, figureScope, moneyPurpose, parseFigureAt, scale } from './figures.ts';
import { loadReport } from './report.ts';

const ROOT = join(import.meta.dirname, '../..');
const fig = (s: string) => parseFigureAt(s, 0);

describe('parseFigureAt: normalisation', () => {
  it.each([
    ['1.5亿元', 150_000_000, 'CNY', 'money'],
    ['3000万元', 30_000_000, 'CNY', 'money'],
    ['12.6万平方米', 126_000, 'm2', 'area'],
    ['800亩', 800, 'mu', 'area'],
    ['44公顷', 44, 'ha', 'area'],
    ['3.5公里', 3500, 'm', 'length'],
    ['2010延长米', 2010, 'm', 'length'],
    ['6.28万户', 62_800, 'household', 'households'],
    ['120套', 120, 'dwelling', 'dwellings'],
    ['3611.3万美元', 36_113_000, 'USD', 'money'],
    ['1500万人次', 15_000_000, 'person_time', 'people'],
    ['98.7%', 98.7, 'percent', 'percent'],
    ['2平方公里', 2_000_000, 'm2', 'area'],
  ])('%s → %d %s', (quote, value, unit, kind) => {
    expect(fig(quote)).toMatchObject({ quote, value, unit, kind, approx: false });
  });

  it('reads 余/多/以上 as approximate and keeps them in the quote', () => {
    expect(fig('2000余万元')).toMatchObject({ quote: '2000余万元', value: 20_000_000, approx: true });
    expect(fig('1万余次')).toMatchObject({ quote: '1万余次', value: 10_000, approx: true, counter: '次' });
    expect(fig('6000人以上')).toMatchObject({ quote: '6000人', value: 6000, approx: true });
  });

  it('multiplies decimals without float noise', () => {
    expect(scale('1.1', 1e8)).toBe(110_000_000);
    expect(scale('4.12', 1e4)).toBe(41_200);
    expect(scale('0.56', 1)).toBe(0.56);
  });

  it('finds no figure without a unit', () => {
    expect(fig('12345政务服务')).toBeNull();
    expect(fig('abc')).toBeNull();
  });
});

describe('money purpose', () => {
  it.each([
    ['争取国家债券资金', 'funds_obtained'],
    ['累计完成投资', 'investment'],
    ['规模以上工业增加值实现', 'output'],
    ['一般公共预算收入实现', 'revenue'],
    ['发放住房租赁补贴', 'spending'],
    ['城镇和农村人均可支配收入分别达到', 'income'],
    ['累计化解政府债务', 'other'],
  ])('%s → %s', (clause, purpose) => expect(moneyPurpose(clause)).toBe(purpose));

  it('reads only the clause the number stands in', () => {
    expect(clauseBefore('总投资5亿元,争取资金', 11)).toBe('争取资金');
  });
});

describe('figureScope', () => {
  const d = (id: string, category: 'renewal' | 'education') => ({ id, category });
  it('is the items\' own when a mention overlaps it, the rest of the clause as context', () => {
    expect(figureScope(['b', 'a'], [d('c', 'renewal')])).toEqual({ scope: 'item', items: ['a', 'b'], context_items: ['c'] });
  });
  it('links it to the clause\'s items when they are of one category', () => {
    expect(figureScope([], [d('y', 'renewal'), d('x', 'renewal'), d('x', 'renewal')])).toEqual({ scope: 'sentence', items: ['x', 'y'], context_items: [] });
  });
  it('keeps it district-wide when the clause mixes categories, or names no item', () => {
    expect(figureScope([], [d('x', 'renewal'), d('y', 'education')])).toEqual({ scope: 'district', items: [], context_items: ['x', 'y'] });
    expect(figureScope([], [])).toEqual({ scope: 'district', items: [], context_items: [] });
  });
});

describe('the real report (golden)', () => {
  const report = loadReport(ROOT);
  const drafts = resolveItems(report, loadAnnotations(join(ROOT, ITEMS_PATH)));
  const { figures, numbers, unaccounted } = extractFigures(report, drafts);
  const at = (quote: string) => figures.filter((f) => f.quote === quote);

  it('accounts for every run of digits: a figure or a named dismissal, none left over', () => {
    expect(unaccounted).toEqual([]);
    expect(numbers.length).toBe([...report.text.matchAll(/\d+(?:\.\d+)?/g)].length);
    for (const n of numbers) if (n.dismissed) expect(n.dismissed).toMatch(/^[a-z-]+: /);
  });

  it('quotes every figure verbatim at its offsets', () => {
    expect(figures.length).toBeGreaterThan(200);
    for (const f of figures) expect(report.text.slice(f.start, f.end), f.id).toBe(f.quote);
  });

  it('attaches 争取国家债券资金1.5亿元 to the 北山里 shantytown item, as funds obtained', () => {
    expect(at('1.5亿元')).toEqual([expect.objectContaining({ value: 150_000_000, unit: 'CNY', purpose: 'funds_obtained', scope: 'item', items: ['beishanli-penghuqu'] })]);
  });

  it('links a total to the one-category items of its clause, as the sentence\'s (not an item\'s own)', () => {
    // 累计投入资金1.9亿元,推进19个老旧小区…,五里营子小区成为全省先进样板: the 19 小区's money, 五里营子 named
    expect(at('1.9亿元')[0]).toMatchObject({ scope: 'sentence', items: ['wuliyingzi-xiaoqu'], context_items: [], purpose: 'investment' });
    // 解放小学、宝地小学、培智学校等9所学校设施改造…,累计投资1.03亿元: six education items share it
    expect(at('1.03亿元')[0]).toMatchObject({ scope: 'sentence', purpose: 'investment' });
    expect(at('1.03亿元')[0].items).toEqual(['baodi-xiaoxue', 'jiefang-xiaoxue', 'jiefang-xiaoxue-ziming-xiaoqu', 'peizhi-xuexiao', 'qingshaonian-suzhi-jiaoyu-shijian-jidi', 'zhongxin-youeryuan-biguiyuan-fenyuan']);
  });

  it('keeps a figure district-wide when its clause names items of several categories (ambiguous)', () => {
    // …打通辽西(锦州)区域集中救治中心…,51天完成菊花里棚户区…,累计拆除房屋1070个33.8万平方米
    const [houses] = at('33.8万平方米');
    expect(houses).toMatchObject({ scope: 'district', items: [] });
    expect(houses.context_items).toEqual(['baigu-a-dikuai', 'juhuali-penghuqu', 'liaoxi-quyu-jizhong-jiuzhi-zhongxin', 'xuzhou-jie']);
    // 全年新增游人50万人: culture and tourism items beside a park: ambiguous too
    expect(at('50万人')[0]).toMatchObject({ scope: 'district', items: [] });
  });

  it('keeps totals without an item in their clause district-wide (地区生产总值实现132亿元)', () => {
    expect(at('132亿元')[0]).toMatchObject({ scope: 'district', items: [], context_items: [] });
  });

  it('ledger: every figure is attached, linked by its sentence, or district-wide; every number a figure or dismissed', () => {
    const by = (scope: string) => figures.filter((f) => f.scope === scope);
    expect(by('item').length + by('sentence').length + by('district').length).toBe(figures.length);
    for (const f of by('item').concat(by('sentence'))) expect(f.items.length, f.id).toBeGreaterThan(0);
    for (const f of by('district')) expect(f.items, f.id).toEqual([]);
    const ids = new Set(figures.map((f) => f.id));
    for (const n of numbers) expect(Boolean(n.figure && ids.has(n.figure)) !== Boolean(n.dismissed), `${n.start} ${n.text}`).toBe(true);
    // golden counts: a change in the rule or the report shows here
    expect([by('item').length, by('sentence').length, by('district').length]).toEqual([12, 17, 192]);
  });

  it('dismisses years, dates, durations and names by rule', () => {
    const rule = (start: number) => numbers.find((n) => n.start === start)?.dismissed?.split(':')[0];
    const idx = (s: string) => report.text.indexOf(s);
    expect(rule(idx('2022年是落实'))).toBe('year');
    expect(rule(idx('12月8日'))).toBe('date');
    expect(rule(idx('50天完成'))).toBe('duration');
    expect(rule(idx('5G基站'))).toBe('technical-name');
    expect(rule(idx('8+3'))).toBe('event-name');
    expect(rule(idx('12345'))).toBe('hotline');
  });

  it('has no Chinese-numeral measure but the idiom 最后一公里 (so digits are every quantity)', () => {
    const hits = [...report.text.matchAll(/[一二两三四五六七八九十百千]+[万亿]?(亿元|万元|平方米|公里|千米|亩|公顷|户|套)/g)].map((m) => report.text.slice(m.index - 2, m.index + m[0].length));
    expect(hits).toEqual(['最后一公里']);
  });
});
