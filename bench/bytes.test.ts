import { describe, expect, it } from 'vitest';
import { attributeBySourceMap, cssRules, decodeVlq, packageOf } from './bytes';
import { median, percentile } from './stats';

describe('decodeVlq', () => {
  it('decodes signed multi-digit values', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CADE')).toEqual([1, 0, -1, 2]);
    expect(decodeVlq('gBAAE')).toEqual([16, 0, 0, 2]);
  });
  it('names a bad character', () => {
    expect(() => decodeVlq('A!')).toThrow(/"!"/);
  });
});

describe('attributeBySourceMap', () => {
  it('gives each run to the source of the segment that opens it, across lines', () => {
    // line 0: col 0 → source 0, col 4 → source 1; line 1 has no segment (continues source 1); line 2: col 0 → source 0
    const map = { sources: ['node_modules/maplibre-gl/dist/m.mjs', '../src/App.svelte'], mappings: 'AAAA,ICAA;;ADAA' };
    const parts = attributeBySourceMap('abcdEFGH\nIJ\nkl', map, packageOf);
    expect(parts.get('maplibre-gl')).toBe('abcdkl');
    expect(parts.get('app')).toBe('EFGH\nIJ\n');
  });
  it('keeps text before the first segment as unmapped', () => {
    const parts = attributeBySourceMap('xyz', { sources: ['src/a.ts'], mappings: 'EAAA' }, packageOf);
    expect(parts.get('unmapped')).toBe('xy');
    expect(parts.get('app')).toBe('z');
  });
});

describe('packageOf', () => {
  it('names scoped and plain packages and the app', () => {
    expect(packageOf('../../node_modules/@maplibre/maplibre-gl-style-spec/x.js')).toBe('@maplibre/maplibre-gl-style-spec');
    expect(packageOf('../../node_modules/zod/v4/core.js')).toBe('zod');
    expect(packageOf('../../../../src/lib/url.ts')).toBe('app');
  });
});

describe('cssRules', () => {
  it('splits top-level rules and keeps an @media block whole, braces in strings ignored', () => {
    const css = '.a{color:red}@media (x){.maplibregl-b{c:d}.e{f:g}}.c::after{content:"}"}';
    expect(cssRules(css)).toEqual(['.a{color:red}', '@media (x){.maplibregl-b{c:d}.e{f:g}}', '.c::after{content:"}"}']);
  });
});

describe('stats', () => {
  it('median and nearest-rank p95', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile(xs, 100)).toBe(20);
    expect(() => percentile([], 95)).toThrow(/no samples/);
  });
});
