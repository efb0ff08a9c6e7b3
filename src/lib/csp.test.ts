import { describe, expect, it } from 'vitest';
import { atlasCsp, atlasCspHeader, cspFor, frameAncestors } from './csp';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('cspFor', () => {
  it('allows only the own origin by default: no inline script, no plugins, no foreign base', () => {
    const d = directives(cspFor());
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(cspFor()).not.toMatch(/unsafe|https?:|\*/);
  });

  it('adds exactly the given tile hosts, to images and connections only', () => {
    const d = directives(cspFor(['https://tiles.example.org', 'https://a.example.net:8443']));
    expect(d.get('connect-src')).toEqual(["'self'", 'https://tiles.example.org', 'https://a.example.net:8443']);
    expect(d.get('img-src')).toContain('https://tiles.example.org');
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('refuses anything but a whole https origin', () => {
    for (const bad of ['http://x.org', 'https://*.x.org', 'https://x.org/tiles', "'unsafe-inline'", 'https://x.org; script-src *']) {
      expect(() => cspFor([bad])).toThrow(/CSP origin/);
    }
  });
});

describe('atlasCsp', () => {
  it('allows exactly the default street basemaps\' tile hosts, and nothing else', () => {
    const d = directives(atlasCsp({}));
    const hosts = d.get('connect-src')!.filter((v) => v !== "'self'");
    expect(hosts).toContain('https://tile.openstreetmap.org');
    expect(hosts).toContain('https://t0.tianditu.gov.cn');
    expect(hosts).toContain('https://webrd01.is.autonavi.com');
    expect(hosts.every((h) => /openstreetmap\.org|tianditu\.gov\.cn|autonavi\.com$/.test(h))).toBe(true);
    expect(d.get('img-src')).toEqual(expect.arrayContaining(hosts));
    expect(d.get('script-src')).toEqual(["'self'"]);
  });

  it('follows a deployer\'s own tile server instead of the provider\'s', () => {
    const d = directives(atlasCsp({ VITE_OSM_TILES: 'https://tiles.example.org/osm/{z}/{x}/{y}.png' }));
    expect(d.get('connect-src')).toContain('https://tiles.example.org');
    expect(d.get('connect-src')).not.toContain('https://tile.openstreetmap.org');
  });
});

describe('frameAncestors (header only): embed=1 is for other sites\' iframes', () => {
  it('lets any site embed by default, and the header carries it after the meta policy', () => {
    expect(frameAncestors({})).toBe('frame-ancestors *');
    expect(frameAncestors({ VITE_FRAME_ANCESTORS: ' ' })).toBe('frame-ancestors *');
    const header = atlasCspHeader({});
    expect(header.startsWith(atlasCsp({}))).toBe(true);
    expect(directives(header).get('frame-ancestors')).toEqual(['*']);
    // the meta tag never carries it (browsers ignore it there)
    expect(directives(atlasCsp({})).has('frame-ancestors')).toBe(false);
  });

  it('narrows to the origins a deployer lists, or to the Atlas itself', () => {
    expect(frameAncestors({ VITE_FRAME_ANCESTORS: 'https://news.example.cn  http://127.0.0.1:8080' })).toBe('frame-ancestors https://news.example.cn http://127.0.0.1:8080');
    expect(frameAncestors({ VITE_FRAME_ANCESTORS: "'self'" })).toBe("frame-ancestors 'self'");
    expect(frameAncestors({ VITE_FRAME_ANCESTORS: "'none'" })).toBe("frame-ancestors 'none'");
  });

  it('refuses what would widen or break the policy', () => {
    for (const bad of ['https://x.org/path', 'x.org', "'unsafe-inline'", 'https://x.org; script-src *', "'none' https://x.org"]) {
      expect(() => frameAncestors({ VITE_FRAME_ANCESTORS: bad })).toThrow(/VITE_FRAME_ANCESTORS/);
    }
  });
});
