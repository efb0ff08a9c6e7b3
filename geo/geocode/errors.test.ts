import { describe, expect, it } from 'vitest';
import { GeocodeError, HttpError, redact } from './errors';

const KEY = 'k3y-abc123-SECRET';

describe('redact', () => {
  it('hides the value of key= and keeps the other parameters', () => {
    const url = `https://restapi.amap.com/v3/geocode/geo?key=${KEY}&address=%E9%94%A6&city=x`;
    const out = redact(url);
    expect(out).not.toContain(KEY);
    expect(out).toBe('https://restapi.amap.com/v3/geocode/geo?key=REDACTED&address=%E9%94%A6&city=x');
  });

  it('hides a key that is the last parameter and a Tianditu tk', () => {
    expect(redact(`http://h/p?a=1&key=${KEY}`)).toBe('http://h/p?a=1&key=REDACTED');
    expect(redact(`http://h/p?tk=${KEY}&a=1`)).toBe('http://h/p?tk=REDACTED&a=1');
  });

  it('hides a literal secret that appears outside a query string', () => {
    expect(redact(`provider said: bad key ${KEY}!`, [KEY])).toBe('provider said: bad key REDACTED!');
  });

  it('leaves text without secrets untouched', () => {
    const text = 'https://nominatim.openstreetmap.org/search?format=jsonv2&q=x';
    expect(redact(text)).toBe(text);
  });
});

describe('GeocodeError', () => {
  it('never carries the key in its message or url', () => {
    const e = new HttpError(`http://127.0.0.1:1/v3/geocode/geo?key=${KEY}&address=a`, 500, [KEY]);
    expect(e).toBeInstanceOf(GeocodeError);
    expect(e.kind).toBe('http');
    expect(e.message).toContain('HTTP 500');
    expect(`${e.message} ${e.url} ${e.stack}`).not.toContain(KEY);
  });
});
