import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrl } from '../url';
import { itemLink, viewLink } from './shareLinks';
import { qrMatrix, qrPath } from './qr';

const base = 'http://127.0.0.1:4173/';
const sender = {
  ...DEFAULT_URL_STATE,
  filters: { ...DEFAULT_URL_STATE.filters, categories: ['renewal' as const], q: '北山' },
  item: 'beishanli-penghuqu',
  lang: 'en' as const,
  view: { zoom: 13, lat: 41.1, lng: 121.1 },
  embed: true,
};

describe('share links', () => {
  it('a view link reopens the same view (but never as an embed)', () => {
    const url = new URL(viewLink(base, sender));
    const back = parseUrl(url.search, url.hash);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual({ ...sender, embed: false });
  });

  it('an item link carries the item and language only, not the sender’s search or filters', () => {
    const link = itemLink(base, 'beishanli-penghuqu', 'en');
    expect(link).toBe('http://127.0.0.1:4173/?item=beishanli-penghuqu&lang=en');
    expect(link).not.toContain('q=');
  });
});

describe('QR', () => {
  const m = qrMatrix('http://127.0.0.1:4173/?item=beishanli-penghuqu&lang=en');
  it('is a square of 21 + 4k modules with the three finder patterns', () => {
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect((m.length - 21) % 4).toBe(0);
    for (const row of m) expect(row.length).toBe(m.length);
    const n = m.length;
    // a finder: 7×7 dark ring, light ring inside, dark 3×3 core
    for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]]) {
      expect(m[r0][c0 + 3]).toBe(true);
      expect(m[r0 + 1][c0 + 1]).toBe(false);
      expect(m[r0 + 3][c0 + 3]).toBe(true);
    }
  });

  it('differs for different text and encodes Chinese without throwing', () => {
    expect(qrMatrix('a')).not.toEqual(qrMatrix('b'));
    expect(qrMatrix('凌河区').length).toBeGreaterThanOrEqual(21);
  });

  it('draws one run per dark stretch of a row', () => {
    expect(qrPath([[true, true, false, true]])).toBe('M0 0h2v1h-2zM3 0h1v1h-1z');
  });
});
