import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../crs';
import { parseContributionText, reviewContribution } from './review';
import { contributionEntries, locateContributed } from './store';
import { contributionFor, fileOf, reviewContext } from './testkit';

const ctx = reviewContext();
const ITEM = 'guizhou-xiaoqu'; // subdistrict only: 贵州小区 is named, not placed

describe('reviewContribution', () => {
  it('passes a cited polygon inside Linghe, with a summary of what changes', () => {
    const r = reviewContribution(contributionFor(ITEM, ctx), ctx);
    expect(r.problems).toEqual([]);
    expect(r.summary.join('\n')).toMatch(/precision: subdistrict \(community-name\) → exact \(contributed\), ±40 m/);
    expect(r.summary.join('\n')).toMatch(/moved — \(no geometry before\)/);
    expect(r.accepted).toMatchObject({ precision: 'exact', src_crs: 'WGS-84', replaces: { precision: 'subdistrict' }, accepted: '2026-12-02' });
    expect(r.diff.features.map((f) => f.properties!.role)).toEqual(['after']);
  });

  it('refuses an unknown item', () => {
    const c = { ...contributionFor(ITEM, ctx), item: 'no-such-item' };
    expect(reviewContribution(c, ctx).problems).toEqual(['item: no item "no-such-item" in the current data']);
  });

  it('refuses a self-intersecting polygon', () => {
    const c = contributionFor(ITEM, ctx);
    c.geometry = { type: 'Polygon', coordinates: [[[121.17, 41.12], [121.18, 41.13], [121.18, 41.12], [121.17, 41.13], [121.17, 41.12]]] };
    expect(reviewContribution(c, ctx).problems).toEqual(['geometry: 1 self-intersection(s)']);
  });

  it('refuses swapped coordinates, saying so', () => {
    const c = contributionFor(ITEM, ctx);
    c.geometry = { type: 'Point', coordinates: [41.121, 121.175] };
    c.evidence.precision = 'near';
    const [p] = reviewContribution(c, ctx).problems;
    expect(p).toMatch(/^geometry: 1 position\(s\) outside the Jinzhou prefecture box .*longitude and latitude swapped\?/);
  });

  it('refuses a GCJ-02 coordinate claimed as WGS-84, and converts it once when stated', () => {
    const c = contributionFor(ITEM, ctx);
    c.geometry = { type: 'Point', coordinates: [121.165514, 41.101191] }; // 东湖公园 as AMap publishes it
    c.evidence = { ...c.evidence, kind: 'map_service', precision: 'near', uncertainty_m: 100 };
    expect(reviewContribution(c, ctx).problems).toEqual([
      expect.stringMatching(/^crs: position \[121.165514,41.101191\] is poi:东湖公园's published GCJ-02 coordinate, \d{3} m from its WGS-84 position/),
    ]);
    const stated = reviewContribution({ ...c, crs: 'GCJ-02' }, ctx);
    expect(stated.problems).toEqual([]);
    expect(stated.accepted!.geometry).toEqual({ type: 'Point', coordinates: [121.159931, 41.099189] });
    expect(stated.accepted!.src_geometry).toEqual(c.geometry);
    // The conversion is gcoord's, the same as every other source's.
    const back = fromWgs84(stated.accepted!.geometry.coordinates as [number, number], 'GCJ-02');
    expect(back[0]).toBeCloseTo(121.165514, 5);
    // Drawn on 高德's map by someone who knows the place on site: the same conversion, here, once.
    const drawn = reviewContribution({ ...c, crs: 'GCJ-02', basemap: 'amap', evidence: { ...c.evidence, kind: 'on_site' } }, ctx);
    expect(drawn.problems).toEqual([]);
    expect(drawn.accepted!.geometry).toEqual(stated.accepted!.geometry);
    expect(drawn.summary.join('\n')).toContain('converted from GCJ-02');
  });

  it('refuses a place outside Linghe but inside the prefecture', () => {
    const c = contributionFor(ITEM, ctx);
    c.geometry = { type: 'Point', coordinates: [121.5, 41.6] };
    c.evidence.precision = 'near';
    expect(reviewContribution(c, ctx).problems).toEqual([expect.stringMatching(/^geometry: 1 position\(s\) outside Linghe District.*only an item located outside Linghe/)]);
  });

  it('places an item located outside Linghe anywhere in the prefecture box, and the build keeps the rung outside', () => {
    const OUT = 'songling-feidi-jingji-chanyeyuan'; // the enclave park: outside, no position yet
    const c = contributionFor(OUT, ctx);
    c.geometry = { type: 'Point', coordinates: [121.5, 41.6] };
    c.evidence.precision = 'near';
    const r = reviewContribution(c, ctx);
    expect(r.problems).toEqual([]);
    expect(r.summary.join('\n')).toContain('→ near (contributed), outside Linghe');
    expect(r.accepted).toMatchObject({ outside: true, precision: 'near', geometry: c.geometry });
    const index = new Map(contributionEntries({ [OUT]: r.accepted! }).map((e) => [e.id, e]));
    const loc = locateContributed(OUT, r.accepted!, index);
    expect(loc).toMatchObject({ precision: 'outside', method: 'contributed', geometry: c.geometry, uncertainty_m: c.evidence.uncertainty_m });
    expect(loc.note).toContain('Outside Linghe; placed near');
    expect(loc.note_zh).toContain('位于凌河区外');
    // still only inside the prefecture box
    c.geometry = { type: 'Point', coordinates: [123.4, 41.8] }; // Shenyang
    expect(reviewContribution(c, ctx).problems).toEqual([expect.stringMatching(/^geometry: 1 position\(s\) outside the Jinzhou prefecture box/)]);
  });

  it('refuses a stale contribution: the item changed since, or its mentions did', () => {
    const c = { ...contributionFor(ITEM, ctx), data_version: 'f'.repeat(64), before: { precision: 'district' as const, method: 'district' } };
    expect(reviewContribution(c, ctx).problems).toEqual([expect.stringMatching(/^data_version: stale: made against data ffffffffffff… when the item was district \(district\); it is subdistrict \(community-name\) now/)]);
    const moved = { ...contributionFor(ITEM, ctx), sentences: [1] };
    expect(reviewContribution(moved, ctx).problems).toEqual([expect.stringMatching(/^sentences: stale: the item's mentions are in sentences \[\d+\] now, the contribution names \[1\]/)]);
  });

  it('accepts older data when the item is unchanged since, and says so', () => {
    const r = reviewContribution({ ...contributionFor(ITEM, ctx), data_version: 'f'.repeat(64) }, ctx);
    expect(r.problems).toEqual([]);
    expect(r.summary).toContain('note: made against older data (ffffffffffff…); this item is unchanged since');
  });

  it('reports a conflict instead of replacing a more precise location, unless forced', () => {
    const c = contributionFor('liaoshen-zhanyi-jinianguan', ctx); // its own AMap point: exact
    c.geometry = { type: 'Point', coordinates: [121.1426, 41.1273] };
    c.evidence.precision = 'near';
    expect(reviewContribution(c, ctx).problems).toEqual([
      'conflict: the item is located exact (cited-place), more precise than the claimed near; nothing replaced (--force replaces it, on purpose)',
    ]);
    const forced = reviewContribution(c, { ...ctx, force: true });
    expect(forced.problems).toEqual([]);
    expect(forced.accepted!.forced).toBe(true);
    expect(forced.summary.join('\n')).toMatch(/FORCED: replaces a more precise location \(exact, cited-place\)/);
    expect(forced.summary.join('\n')).toMatch(/moved \d+ m/);
  });

  it('holds the claimed precision to the geometry and the dates to the past', () => {
    const c = contributionFor(ITEM, ctx);
    c.evidence = { ...c.evidence, precision: 'street', date: '2027-01-01' };
    expect(reviewContribution(c, ctx).problems).toEqual(['evidence.precision: street needs a line along the street, not a Polygon', 'evidence.date: 2027-01-01 is in the future']);
  });
});

describe('parseContributionText', () => {
  it('refuses text that is not JSON, in one line', () => {
    const { problems } = parseContributionText('{"format": "linghe-atlas-contribution/1", ');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\(file\): not JSON \(/);
  });

  it('refuses the wrong schema per field', () => {
    const c = contributionFor(ITEM, ctx) as Record<string, unknown>;
    delete c.evidence;
    c.crs = 'EPSG:3857';
    const { problems } = parseContributionText(fileOf(c));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^contributions\.0\.crs: /), expect.stringMatching(/^contributions\.0\.evidence: /)]));
  });

  it.each(['citation', 'contributor'] as const)('refuses HTML or script in evidence.%s', (field) => {
    const c = contributionFor(ITEM, ctx);
    c.evidence[field] = '<script>alert(1)</script>';
    expect(parseContributionText(fileOf(c)).problems).toEqual([`contributions.0.evidence.${field}: looks like HTML or script; write plain text`]);
  });

  it.each([
    ['item', (c: any) => (c.item = '<b>x</b>')],
    ['before.method', (c: any) => (c.before.method = '<img src=x onerror=alert(1)>')],
    ['evidence.date', (c: any) => (c.evidence.date = '<svg onload=alert(1)>')],
    ['created', (c: any) => (c.created = 'javascript:alert(1)')],
  ])('refuses markup in %s', (field, spoil) => {
    const c = contributionFor(ITEM, ctx);
    spoil(c);
    const { problems } = parseContributionText(fileOf(c));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith(`contributions.0.${field}: `))).toBe(true);
  });
});
