import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { reviewSvg, SVG_SIZE } from './reviewSvg';

const diff = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });
const after = { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [121.175, 41.121] }, properties: { role: 'after', uncertainty_m: 100 } };
const before = {
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [[[121.16, 41.11], [121.19, 41.11], [121.19, 41.13], [121.16, 41.13], [121.16, 41.11]]] },
  properties: { role: 'before' },
};
const num = (svg: string, re: RegExp) => Number(re.exec(svg)![1]);

describe('reviewSvg', () => {
  it('draws the before shape dashed, the after point centred with its radius, and a scale bar', () => {
    const svg = reviewSvg({ outline: null, diff: diff([after]), caption: ['guizhou-xiaoqu', 'precision: subdistrict → near'] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // a lone point sits in the middle of the map area
    expect(num(svg, /class="after" cx="([\d.]+)"/)).toBeCloseTo(SVG_SIZE.width / 2, 0);
    expect(num(svg, /class="after" cx="[\d.]+" cy="([\d.]+)"/)).toBeCloseTo((SVG_SIZE.height - SVG_SIZE.caption) / 2, 0);
    // 100 m radius in an ≥ 800 m × 1.3 view: between 10 and 60 px
    const r = num(svg, /class="radius"[^>]* r="([\d.]+)"/);
    expect(r).toBeGreaterThan(10);
    expect(r).toBeLessThan(60);
    expect(svg).toMatch(/<text[^>]*>(\d+ m|\d+ km)<\/text>/);
    expect(svg).toContain('precision: subdistrict → near');
  });

  it('keeps both shapes in view and proportional (cos latitude), the before one dashed', () => {
    const svg = reviewSvg({ outline: before.geometry, diff: diff([before, after]), caption: [] });
    expect(svg).toMatch(/class="before" d="M[^"]+Z" [^>]*stroke-dasharray/);
    expect(svg).toMatch(/class="outline" d="M/);
    const xs = [...svg.matchAll(/class="before" d="([^"]+)"/g)][0][1].match(/[\d.]+/g)!.map(Number);
    const [x0, y0, x1, , , y2] = xs; // M x0 y0 L x1 y0 L x1 y2 …
    for (const v of xs) expect(v).toBeGreaterThanOrEqual(0);
    // 0.03° lon × cos(41.12°) ≈ 2.51 km wide vs 0.02° lat ≈ 2.23 km tall
    expect((x1 - x0) / (y0 - y2)).toBeCloseTo((0.03 * Math.cos((41.12 * Math.PI) / 180)) / 0.02, 2);
  });

  it('writes caption text as text, never markup', () => {
    const svg = reviewSvg({ outline: null, diff: diff([after]), caption: ['<script>alert(1)</script> & "x"'] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });
});
