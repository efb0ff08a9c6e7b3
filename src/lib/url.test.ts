import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipQuery, DEFAULT_RADIUS, DEFAULT_URL_STATE, formatHash, formatSearch, MAX_QUERY, MAX_RADIUS, parseUrl, type UrlState } from './url';

describe('parseUrl', () => {
  it('gives the default view for an empty URL, with no problems', () => {
    expect(parseUrl('', '')).toEqual({ state: DEFAULT_URL_STATE, problems: [] });
  });

  it('reads every parameter of the documented example', () => {
    const { state, problems } = parseUrl(
      '?year=2022&category=road_bridge,renewal&status=planned&hood=tiebei&precision=street&q=%E6%9D%BE%E5%9D%A1&item=songpo-lu&reader=1&lang=en&basemap=amap&pin=41.13,121.15&radius=1000',
      '#map=14/41.13/121.15',
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      filters: { year: 2022, categories: ['road_bridge', 'renewal'], statuses: ['planned'], hoods: ['tiebei'], precisions: ['street'], q: '松坡' },
      sort: 'report',
      item: 'songpo-lu',
      reader: true,
      lang: 'en',
      basemap: 'amap',
      view: { zoom: 14, lat: 41.13, lng: 121.15 },
      pin: { lat: 41.13, lng: 121.15 },
      radius: 1000,
      stats: false,
      embed: false,
    });
  });

  it('drops each invalid part, keeps the valid ones, and says why', () => {
    const { state, problems } = parseUrl('?year=abc&category=road_bridge,castles&hood=atlantis&item=No Such!&reader=yes&lang=fr&basemap=google&foo=1', '#map=14/abc/121');
    expect(state.filters.year).toBeNull();
    expect(state.filters.categories).toEqual(['road_bridge']);
    expect(state.filters.hoods).toEqual([]);
    expect(state.item).toBeNull();
    expect(state.reader).toBe(false);
    expect(state.lang).toBe('zh');
    expect(state.view).toBeNull();
    expect(problems).toEqual(
      expect.arrayContaining([
        { param: 'year', value: 'abc', reason: 'bad_year' },
        { param: 'category', value: 'castles', reason: 'unknown_value' },
        { param: 'hood', value: 'atlantis', reason: 'unknown_value' },
        { param: 'item', value: 'No Such!', reason: 'bad_id' },
        { param: 'reader', value: 'yes', reason: 'bad_flag' },
        { param: 'lang', value: 'fr', reason: 'bad_lang' },
        { param: 'basemap', value: 'google', reason: 'unknown_value' },
        { param: 'foo', value: '1', reason: 'unknown_param' },
        { param: 'map', value: '14/abc/121', reason: 'bad_map' },
      ]),
    );
    expect(state.basemap).toBe('offline');
    expect(problems).toHaveLength(9);
  });

  it('rejects years outside the timeline and out-of-range viewports', () => {
    expect(parseUrl('?year=2030', '').problems).toEqual([{ param: 'year', value: '2030', reason: 'bad_year' }]);
    expect(parseUrl('?year=2022.5', '').state.filters.year).toBeNull();
    expect(parseUrl('', '#map=14/95/121').state.view).toBeNull();
    expect(parseUrl('', '#map=14/41').problems[0].reason).toBe('bad_map');
  });
});

describe('pin, radius, precision and community codes', () => {
  it('reads a pin and radius, and drops invalid ones with a reason', () => {
    const ok = parseUrl('?pin=41.12,121.15&radius=800', '');
    expect(ok.problems).toEqual([]);
    expect(ok.state.pin).toEqual({ lat: 41.12, lng: 121.15 });
    expect(ok.state.radius).toBe(800);
    const bad = parseUrl('?pin=91,121&radius=0&precision=nowhere,district&hood=210799001001,210703011200', '');
    expect(bad.state.pin).toBeNull();
    expect(bad.state.radius).toBe(DEFAULT_RADIUS);
    expect(bad.state.filters.precisions).toEqual(['district']);
    // a community of a Linghe subdistrict is a neighbourhood; a code outside Linghe is not
    expect(bad.state.filters.hoods).toEqual(['210703011200']);
    expect(bad.problems).toEqual([
      { param: 'hood', value: '210799001001', reason: 'unknown_value' },
      { param: 'precision', value: 'nowhere', reason: 'unknown_value' },
      { param: 'pin', value: '91,121', reason: 'bad_pin' },
      { param: 'radius', value: '0', reason: 'bad_radius' },
    ]);
    for (const v of ['41.1', '41.1,121.1,3', 'a,b', '41.1;121.1']) expect(parseUrl(`?pin=${encodeURIComponent(v)}`, '').state.pin, v).toBeNull();
    expect(parseUrl(`?radius=${MAX_RADIUS + 1}`, '').problems[0].reason).toBe('bad_radius');
  });

  it('leaves the default radius out, and the radius without a pin', () => {
    expect(formatSearch({ ...DEFAULT_URL_STATE, pin: { lat: 41.1, lng: 121.2 } })).toBe('?pin=41.10000,121.20000');
    expect(formatSearch({ ...DEFAULT_URL_STATE, radius: 900 })).toBe('');
    expect(formatSearch({ ...DEFAULT_URL_STATE, pin: { lat: 41.1, lng: 121.2 }, radius: 900 })).toBe('?pin=41.10000,121.20000&radius=900');
  });
});

describe('formatSearch / formatHash', () => {
  it('leaves defaults out', () => {
    expect(formatSearch(DEFAULT_URL_STATE)).toBe('');
    expect(formatHash(null)).toBe('');
  });

  it('round-trips through parseUrl', () => {
    const states: UrlState[] = [
      { ...DEFAULT_URL_STATE, filters: { ...DEFAULT_URL_STATE.filters, year: 2019 } },
      {
        filters: {
          year: 2026,
          categories: ['education'],
          statuses: ['completed', 'under_way'],
          hoods: ['210703004', 'binhe', '210703011200'],
          precisions: ['subdistrict', 'district'],
          q: 'song po & 路',
        },
        sort: 'map',
        item: 'tiebei-xincheng',
        reader: true,
        lang: 'en',
        basemap: 'tianditu',
        view: { zoom: 13.5, lat: 41.125, lng: 121.1875 },
        pin: { lat: 41.12345, lng: 121.15432 },
        radius: 1200,
        stats: true,
        embed: true,
      },
      { ...DEFAULT_URL_STATE, pin: { lat: 41.1, lng: 121.2 } },
    ];
    for (const s of states) {
      const back = parseUrl(formatSearch(s), formatHash(s.view));
      expect(back.problems).toEqual([]);
      expect(back.state).toEqual(s);
    }
  });

  it("uses the browser's language when the URL names none", () => {
    expect(parseUrl('', '', 'en').state.lang).toBe('en');
    expect(parseUrl('?lang=zh', '', 'en').state.lang).toBe('zh');
    expect(parseUrl('', '').state.lang).toBe('zh');
    // …and so writes the other language only: zh chosen in an English browser stays zh on reload
    const zh = formatSearch({ ...DEFAULT_URL_STATE, lang: 'zh' }, 'en');
    expect(zh).toBe('?lang=zh');
    expect(parseUrl(zh, '', 'en').state.lang).toBe('zh');
    expect(formatSearch({ ...DEFAULT_URL_STATE, lang: 'en' }, 'en')).toBe('');
  });

  it('writes the list order only when it is not the default, and drops an unknown one', () => {
    expect(formatSearch({ ...DEFAULT_URL_STATE, sort: 'map' })).toBe('?sort=map');
    expect(formatSearch({ ...DEFAULT_URL_STATE, sort: 'report' })).toBe('');
    const bad = parseUrl('?sort=random', '');
    expect(bad.state.sort).toBe('report');
    expect(bad.problems).toEqual([{ param: 'sort', value: 'random', reason: 'unknown_value' }]);
  });

  it('writes the short, readable form', () => {
    const s: UrlState = { ...DEFAULT_URL_STATE, filters: { ...DEFAULT_URL_STATE.filters, categories: ['road_bridge', 'renewal'], q: ' 松坡 ' }, lang: 'en' };
    expect(formatSearch(s)).toBe('?category=road_bridge,renewal&q=%E6%9D%BE%E5%9D%A1&lang=en');
    expect(formatSearch({ ...s, basemap: 'osm' })).toBe('?category=road_bridge,renewal&q=%E6%9D%BE%E5%9D%A1&lang=en&basemap=osm');
    expect(formatSearch({ ...DEFAULT_URL_STATE, basemap: 'offline' })).toBe('');
    expect(formatHash({ zoom: 14.123, lat: 41.1234567, lng: 121.1234567 })).toBe('#map=14.12/41.12346/121.12346');
  });

  it('reads view=stats and embed=1, and reports other values', () => {
    expect(parseUrl('?view=stats&embed=1', '').state).toMatchObject({ stats: true, embed: true });
    expect(formatSearch({ ...DEFAULT_URL_STATE, stats: true, embed: true })).toBe('?view=stats&embed=1');
    expect(parseUrl('?view=pie&embed=yes', '').problems).toEqual([
      { param: 'view', value: 'pie', reason: 'bad_view' },
      { param: 'embed', value: 'yes', reason: 'bad_flag' },
    ]);
  });
});

describe('the codec is total (property tests, seeded)', () => {
  const seed = 20221208;
  // Hostile search strings: any code units (lone surrogates too), separators, percent signs, emoji.
  const part = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('%', '%E', '%ZZ', '%F0%9F', ',', '&', '=', '#', '?', '+', '\uD83D', '\uDE00', '😀', 'a'.repeat(99) + '😀'),
  );
  const key = fc.constantFrom('year', 'category', 'status', 'hood', 'q', 'item', 'reader', 'lang', 'map', 'x', '');
  const search = fc.array(fc.tuple(key, fc.array(part, { maxLength: 4 })), { maxLength: 8 }).map(
    (pairs) => '?' + pairs.map(([k, v]) => `${k}=${v.join('')}`).join('&'),
  );
  const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), search);

  it('turns any string into a valid state, and format(parse(x)) is a fixed point', () => {
    fc.assert(
      fc.property(anyString, anyString, (s, h) => {
        const { state } = parseUrl(s, h);
        expect([...state.filters.q].length).toBeLessThanOrEqual(MAX_QUERY);
        expect(state.lang === 'zh' || state.lang === 'en').toBe(true);
        const once = formatSearch(state);
        const again = formatSearch(parseUrl(once, '').state);
        expect(again).toBe(once);
        // What was formatted parses without a single problem.
        expect(parseUrl(once, formatHash(state.view)).problems).toEqual([]);
      }),
      { seed, numRuns: 3000 },
    );
  });

  it('never cuts a surrogate pair: 99 × a + 😀 survives as typed', () => {
    const q = 'a'.repeat(99) + '😀';
    const { state } = parseUrl(`?q=${encodeURIComponent(q)}`, '');
    expect(state.filters.q).toBe(q);
    expect(() => formatSearch(state)).not.toThrow();
    expect(clipQuery('a'.repeat(100) + '😀')).toBe('a'.repeat(100));
    expect(clipQuery('x\uD83D')).toBe('x\uFFFD');
    expect(formatSearch({ ...DEFAULT_URL_STATE, filters: { ...DEFAULT_URL_STATE.filters, q: 'x\uDE00y' } })).toBe('?q=x%EF%BF%BDy');
  });

  it('encodes every list value and the item id', () => {
    const s: UrlState = { ...DEFAULT_URL_STATE, filters: { ...DEFAULT_URL_STATE.filters, hoods: ['a&b=c', 'tiebei'] }, item: 'x#y' };
    expect(formatSearch(s)).toBe('?hood=a%26b%3Dc,tiebei&item=x%23y');
  });
});
