import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FilterIndex, indices, inOrder, inverse } from './filterIndex';
import { HOOD_IDS, pick, prng, randomFilterState } from './randomFilterState';
import { orderBy } from './sort';
import { DEFAULT_FILTERS, facetCounts, matches, searchText, statusKey, toRecord, YEARS, type FacetCounts, type FilterRecord, type FilterState } from './filters';
import { pinyinOf } from './pinyin';
import { Category, ItemCollection, Precision, Status } from './schema';

const WORDS = ['song', 'po', 'lu', 'park', 'road', 'xiaoqu', '松坡', '路', '公园', 'school'];

/** Random records: every facet value (including "not shown this year") occurs, hoods are 0–3 per item. */
function randomRecords(rand: () => number, n: number): FilterRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const r = {
      id: `item-${i}`,
      category: Category.options[Math.floor(rand() * Category.options.length)],
      precision: Precision.options[Math.floor(rand() * Precision.options.length)],
      hoods: `|${pick(rand, HOOD_IDS, 3).join('|')}|`,
      search: `${WORDS[Math.floor(rand() * WORDS.length)]} ${WORDS[Math.floor(rand() * WORDS.length)]}|item-${i}`,
    } as FilterRecord;
    for (const y of [null, ...YEARS]) {
      const k = statusKey(y);
      (r as unknown as Record<string, string>)[k] = rand() < 0.3 && y !== null ? '' : Status.options[Math.floor(rand() * Status.options.length)];
    }
    return r;
  });
}

const QUERIES = ['', '', '', 'song', 'song po', 'songpo', '路', ' PARK ', 'item-1', 'nothing-matches'];
const randomState = (rand: () => number): FilterState => randomFilterState(rand, QUERIES);

/** Counts as plain sorted entries: Map insertion order is not part of the contract. */
function plain(c: FacetCounts) {
  const sorted = (m: Map<string | number, number>) => [...m].sort(([a], [b]) => String(a).localeCompare(String(b)));
  return { year: sorted(c.year), category: sorted(c.category), status: sorted(c.status), hood: sorted(c.hood) };
}

function agree(records: FilterRecord[], states: FilterState[]): { hits: number; misses: number } {
  const index = new FilterIndex(records);
  let hits = 0;
  let misses = 0;
  for (const f of states) {
    const want: number[] = [];
    records.forEach((r, i) => (matches(r, f) ? want.push(i) : misses++));
    hits += want.length;
    const got = index.visible(f);
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`visible differs for ${JSON.stringify(f)}`);
    expect(plain(index.counts(f)), JSON.stringify(f)).toEqual(plain(facetCounts(records, f)));
  }
  return { hits, misses };
}

describe('FilterIndex', () => {
  it('selects and counts exactly as matches/facetCounts on 1,000 random filter states over random data', () => {
    const rand = prng(7);
    // 1,037: not a multiple of 32, so the last, partial word is exercised
    const records = randomRecords(rand, 1037);
    const states = [DEFAULT_FILTERS, ...Array.from({ length: 1000 }, () => randomState(rand))];
    const { hits, misses } = agree(records, states);
    // both selecting and rejecting, or agreement would be vacuous
    expect(hits).toBeGreaterThan(records.length * 10);
    expect(misses).toBeGreaterThan(records.length * 10);
  });

  it('agrees on the real report, with pinyin search text', () => {
    const items = ItemCollection.parse(JSON.parse(readFileSync('public/data/items.geojson', 'utf8')));
    const records = items.features.map((f) => toRecord(f, searchText(f, pinyinOf)));
    const rand = prng(11);
    agree(records, [DEFAULT_FILTERS, ...Array.from({ length: 300 }, () => ({ ...randomState(rand), q: ['', 'lu', '路', 'spl'][Math.floor(rand() * 4)] }))]);
  });

  it('picks up new search text (pinyin arriving later)', () => {
    const rand = prng(3);
    const records = randomRecords(rand, 40);
    const index = new FilterIndex(records);
    const f = { ...DEFAULT_FILTERS, q: 'zhongshan' };
    expect(index.visible(f)).toEqual([]);
    const withPinyin = records.map((r, i) => (i === 5 ? { ...r, search: `${r.search}|zhongshan` } : r));
    index.setSearch(withPinyin);
    expect(index.visible(f)).toEqual([5]);
  });

  it('counts mapped items among the matching ones', () => {
    const records = randomRecords(prng(5), 100);
    const index = new FilterIndex(records, (i) => i % 3 === 0);
    expect(index.mappedCount(index.matching(DEFAULT_FILTERS))).toBe(34);
  });
});

describe('indices', () => {
  it('lists set bits in order, across words and at bit 31', () => {
    const bits = new Uint32Array(3);
    for (const i of [0, 31, 32, 63, 70]) bits[i >>> 5] |= 1 << (i & 31);
    expect(indices(bits)).toEqual([0, 31, 32, 63, 70]);
  });
});

describe('inOrder', () => {
  it('lists the set bits in rank order, as sorting them by rank does', () => {
    const rand = prng(9);
    for (const n of [0, 1, 31, 32, 33, 1000]) {
      // a random permutation as ranks, and a random bitset
      const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
      const rank = new Int32Array(n);
      order.forEach((i, pos) => (rank[i] = pos));
      const bits = new Uint32Array(Math.ceil(n / 32));
      for (let i = 0; i < n; i++) if (rand() < 0.4) bits[i >>> 5] |= 1 << (i & 31);
      expect(inOrder(bits, inverse(rank))).toEqual(orderBy(indices(bits), rank));
    }
  });
});
