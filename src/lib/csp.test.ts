import { describe, expect, it } from 'vitest';
import { cspFor } from './csp';

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
