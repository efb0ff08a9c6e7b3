import { describe, expect, it } from 'vitest';
import { toRecord } from '../filters';
import type { Figure, ItemFeature } from '../schema';
import { computeStats, districtMoney, periodOfSection } from './stats';

const mention = (section: string, years: number[], status: 'completed' | 'under_way' | 'planned', start: number) => ({
  start, end: start + 2, quote: 'xx', section, sentence: 0, years, status, status_words: 'w', status_rule: 'r',
});
const item = (id: string, category: ItemFeature['properties']['category'], hoods: string[], mentions: ReturnType<typeof mention>[]): ItemFeature => ({
  type: 'Feature', id, geometry: null,
  properties: { id, name: id, name_en: id, category, neighbourhoods: hoods, claims: [], mentions, location: { precision: 'district', uncertainty_m: null, method: 'm', evidence: [] } },
});
const money = (id: string, value: number, items: string[], scope: Figure['scope'] = 'item'): Figure => ({
  id, start: 0, end: 1, quote: 'x', value, unit: 'CNY', kind: 'money', counter: '', approx: false, purpose: 'investment', section: '一', sentence: 0, scope, items, context_items: [],
});

const items = [
  item('a', 'renewal', ['tiebei', '210703004'], [mention('一.(二)', [2018, 2019, 2020, 2021], 'completed', 0), mention('三.(三)', [2022], 'planned', 10)]),
  item('b', 'renewal', [], [mention('三.(三)', [2022], 'planned', 20)]),
  item('c', 'road_bridge', ['tiebei'], [mention('二', [2022, 2023, 2024, 2025, 2026], 'planned', 30)]),
];
const records = items.map((f) => toRecord(f));
const shared = money('f1', 1.5e8, ['a', 'b']);
const figs = new Map([['a', [shared, money('f2', 1e7, ['a'])]], ['b', [shared]]]);

describe('computeStats', () => {
  const s = computeStats(items, records, [0, 1, 2], null, figs);

  it('counts every listed item once by status and category', () => {
    expect(s.total).toBe(3);
    expect([...s.byStatus.values()].reduce((a, b) => a + b)).toBe(3);
    expect(s.byCategory.get('renewal')).toBe(2);
    expect(s.byStatus.get('planned')).toBe(3);
  });

  it('counts an item in each of its neighbourhoods, and items without one under ""', () => {
    expect(s.byHood.get('tiebei')).toBe(2);
    expect(s.byHood.get('210703004')).toBe(1);
    expect(s.byHood.get('')).toBe(1);
  });

  it('splits review, plan and goals by the report part of each mention', () => {
    expect(Object.fromEntries(s.byPeriod)).toEqual({ review: 1, plan: 2, goals: 1 });
    expect(s.periodStatus.get('review')!.get('completed')).toBe(1);
  });

  it('sums a figure shared by two items once', () => {
    expect(s.moneyTotal).toBe(1.6e8);
    expect(s.moneyByCategory.get('renewal')).toBe(1.6e8);
    // by the status of each item's mention in the figures' sentence (0): a completed, b planned
    expect(s.moneyByStatus.get('completed')).toBe(1.6e8);
    expect(s.moneyByStatus.get('planned')).toBe(1.5e8);
  });

  it('counts a figure linked by sentence in the bars, and says how much of the total it is', () => {
    expect(s.moneySentence).toBe(0);
    const withSentence = new Map([...figs, ['c', [money('f3', 2e8, ['c'], 'sentence')]]]);
    const t = computeStats(items, records, [0, 1, 2], null, withSentence);
    expect(t.moneyTotal).toBe(3.6e8);
    expect(t.moneySentence).toBe(2e8);
    expect(t.moneyByCategory.get('road_bridge')).toBe(2e8);
    expect(districtMoney([money('f3', 2e8, ['c'], 'sentence')])).toBe(0);
  });

  it('puts money under the status of the item\'s mention in the figure\'s sentence', () => {
    // item a: a completed mention in sentence 0 (review) and a planned one in sentence 1 (plan)
    const a = item('a', 'renewal', [], [{ ...mention('一.(二)', [2021], 'completed', 0), sentence: 0 }, { ...mention('三.(三)', [2022], 'planned', 10), sentence: 1 }]);
    const spent = { ...money('r', 3e8, ['a'], 'sentence'), sentence: 0 };
    const planned = { ...money('p', 1e8, ['a']), sentence: 1 };
    const t = computeStats([a], [toRecord(a)], [0], null, new Map([['a', [spent, planned]]]));
    expect(t.moneyByStatus.get('completed')).toBe(3e8);
    expect(t.moneyByStatus.get('planned')).toBe(1e8);
  });

  it('follows the filters: only the visible items count', () => {
    const only = computeStats(items, records, [2], null, figs);
    expect(only.total).toBe(1);
    expect(only.moneyTotal).toBe(0);
  });

  it('uses the status shown for the chosen year', () => {
    expect(computeStats(items, records, [0], 2019, figs).byStatus.get('completed')).toBe(1);
  });
});

it('periodOfSection and districtMoney', () => {
  expect(periodOfSection('一.(四)')).toBe('review');
  expect(periodOfSection('closing')).toBeNull();
  expect(districtMoney([money('d', 5, [], 'district'), money('i', 7, ['a'])])).toBe(5);
});

import { scaleBar } from './scaleBar';
it('scaleBar picks the longest 1-2-5 distance that fits', () => {
  expect(scaleBar(10, 150)).toEqual({ metres: 1000, px: 100, label: '1 km' });
  expect(scaleBar(1, 150)).toEqual({ metres: 100, px: 100, label: '100 m' });
  expect(scaleBar(3, 150).metres).toBe(200);
});

import { figureLabel } from './figureLabel';
it('figureLabel says when a figure is its sentence\'s total, not the item\'s own, in both languages', () => {
  const own = money('f1', 1.9e8, ['a']);
  const shared = money('f2', 1.9e8, ['a'], 'sentence');
  expect(figureLabel(own, 'en')).toBe('x = 190,000,000 CNY · investment');
  expect(figureLabel(shared, 'en')).toBe('x = 190,000,000 CNY · investment (stated in the same sentence: a total for the work this item is part of, not its own)');
  expect(figureLabel(shared, 'zh')).toContain('同句所述');
  expect(figureLabel(own, 'zh')).not.toContain('同句所述');
});

it('figureLabel says a plain count once: no Chinese counter in English, no echo of the quote', () => {
  const count = (quote: string, value: number, counter: string, approx = false): Figure => ({
    ...money('c1', value, ['a']), quote, unit: 'item', kind: 'count', counter, approx, purpose: null,
  });
  expect(figureLabel(count('19个', 19, '个'), 'en')).toBe('19个 = 19');
  expect(figureLabel(count('19个', 19, '个'), 'zh')).toBe('19个');
  expect(figureLabel(count('340余次', 340, '次', true), 'zh')).toBe('340余次 = ≥ 340 次');
  expect(figureLabel(count('340余次', 340, '次', true), 'en')).toBe('340余次 = ≥ 340');
  // a unit with a name is still spelt out
  expect(figureLabel(money('m', 1.5e8, ['a']), 'zh')).toBe('x = 150,000,000 元 · 投资');
});
