import { readFileSync } from 'node:fs';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  facetCounts,
  filterExpression,
  mapRecord,
  matches,
  searchText,
  statusAt,
  toRecord,
  type FilterRecord,
  type FilterState,
} from './filters';
import { pinyinOf } from './pinyin';
import { prng, randomFilterState } from './randomFilterState';
import { Category, ItemCollection, Status, type Mention } from './schema';

function loadItems(path: string): ItemCollection {
  return ItemCollection.parse(JSON.parse(readFileSync(path, 'utf8')));
}
const FIXTURE = loadItems('tests/fixtures/atlas-mini/items.geojson');
const REAL_PATH = 'public/data/items.geojson';
const REAL = loadItems(REAL_PATH);

function records(items: ItemCollection): FilterRecord[] {
  return items.features.map((f) => toRecord(f, searchText(f, pinyinOf)));
}

function mention(years: number[], status: Status, start: number): Mention {
  return { start, end: start + 1, quote: 'x', section: '一', sentence: 0, years, status, status_words: '', status_rule: 't' };
}

describe('statusAt', () => {
  const review = mention([2018, 2019, 2020, 2021], 'completed', 10);
  const goals = mention([2022, 2023, 2024, 2025, 2026], 'under_way', 50);
  const plan = mention([2022], 'planned', 90);

  it('is empty for a year no mention covers', () => {
    expect(statusAt([plan], 2021)).toBe('');
    expect(statusAt([plan], 2023)).toBe('');
  });
  it('takes the mention covering the year in the review period', () => {
    expect(statusAt([review, plan], 2019)).toBe('completed');
  });
  it('takes the latest-starting mention at or before the year, ties going to the later one in the text', () => {
    expect(statusAt([review, goals, plan], 2022)).toBe('planned');
    expect(statusAt([plan, goals, review], 2022)).toBe('planned'); // order of the array does not matter
    expect(statusAt([review, goals], 2024)).toBe('under_way');
  });
  it('uses the latest mention overall for all years', () => {
    expect(statusAt([review, goals], null)).toBe('under_way');
    expect(statusAt([review], null)).toBe('completed');
  });
});

describe('search text', () => {
  it('matches Chinese, English, full pinyin (spaced or not) and initials', () => {
    const songpo = FIXTURE.features.find((f) => f.id === 'songpo-lu')!;
    const r = toRecord(songpo, searchText(songpo, pinyinOf));
    for (const q of ['松坡', 'Songpo road', 'songpolu', 'song po', 'spl', 'SONGPO']) {
      expect(matches(r, { ...DEFAULT_FILTERS, q }), q).toBe(true);
    }
    expect(matches(r, { ...DEFAULT_FILTERS, q: '贵州' })).toBe(false);
  });
});

function filterStates(rs: FilterRecord[], n: number): FilterState[] {
  const rand = prng(42);
  const words = ['', '', '松', '路', 'songpo', 'song po', 'spl', 'road', 'xiaoqu', 'Park', 'zzz-none'];
  // names of real items too, cut to two characters, so that queries do hit
  for (const r of rs.slice(0, 20)) words.push(r.search.slice(0, 2));
  const states: FilterState[] = [DEFAULT_FILTERS];
  for (let i = 0; i < n; i++) {
    states.push(randomFilterState(rand, words));
  }
  return states;
}

function agreeOn(name: string, items: ItemCollection) {
  it(`the list predicate and the map expression agree on every item (${name})`, () => {
    const rs = records(items);
    let hits = 0;
    let misses = 0;
    for (const f of filterStates(rs, 400)) {
      const expr = featureFilter(filterExpression(f, rs) as never, 'filter');
      for (const r of rs) {
        const list = matches(r, f);
        // the properties the map's features really carry
        const map = expr.filter({ zoom: 14 } as never, { type: 1, properties: mapRecord(r) } as never);
        if (list !== map) throw new Error(`${r.id} disagrees for ${JSON.stringify(f)}: list ${list}, map ${map}`);
        if (list) hits++;
        else misses++;
      }
    }
    // The sampled states must both select and reject items, or agreement would be vacuous.
    expect(hits).toBeGreaterThan(rs.length);
    expect(misses).toBeGreaterThan(rs.length);
  });
}

describe('filterExpression', () => {
  agreeOn('hand-made fixture', FIXTURE);
  agreeOn('public/data/items.geojson', REAL);

  it('selects by year, status at that year, category and neighbourhood', () => {
    const rs = records(FIXTURE);
    const ids = (f: Partial<FilterState>) => rs.filter((r) => matches(r, { ...DEFAULT_FILTERS, ...f })).map((r) => r.id);
    expect(ids({})).toHaveLength(5);
    expect(ids({ year: 2021 })).toEqual(['songpo-lu', 'guizhou-xiaoqu']);
    expect(ids({ year: 2021, statuses: ['completed'] })).toEqual(['songpo-lu', 'guizhou-xiaoqu']);
    expect(ids({ year: 2022, statuses: ['under_way'] })).toEqual(['guizhou-xiaoqu', 'baiguhe-binhe-lu']);
    expect(ids({ year: 2024 })).toEqual(['tiebei-xincheng']);
    expect(ids({ hoods: ['tiebei'] })).toEqual(['songpo-lu', 'tiebei-xincheng']);
    expect(ids({ hoods: ['tiebei'], categories: ['road_bridge'] })).toEqual(['songpo-lu']);
  });
});

describe('facetCounts', () => {
  it('counts each option given the other filters', () => {
    const rs = records(FIXTURE);
    const f: FilterState = { ...DEFAULT_FILTERS, categories: ['road_bridge'], year: 2022 };
    const c = facetCounts(rs, f);
    // category counts ignore the category filter but keep the year
    expect(c.category.get('road_bridge')).toBe(1);
    expect(c.category.get('renewal')).toBe(1);
    expect(c.category.get('area_plan')).toBe(1);
    // year counts ignore the year but keep the category
    expect(c.year.get(2020)).toBe(1);
    expect(c.year.get(0)).toBe(2);
    expect(c.status.get('under_way')).toBe(1);
    // every count equals the number of items the list would show with that option chosen alone
    for (const [cat, n] of c.category) {
      expect(rs.filter((r) => matches(r, { ...f, categories: [cat as Category] })).length).toBe(n);
    }
  });
});
