import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeocodeTimeoutError, HttpError, MalformedResponseError, RateLimitedError } from './errors';
import { hang, json, sequence, startLocalServer, type LocalServer } from './localServer';
import { geocode, LINGHE_VIEWBOX, NOMINATIM_USER_AGENT } from './nominatim';
import { createRateLimiter, type Clock } from './rateLimiter';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));

function fakeClock(): Clock & { sleeps: number[] } {
  let t = 0;
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms) => void (sleeps.push(ms), (t += ms)) };
}

/** Options pointing at the local server, with a fake clock so neither limiter nor Retry-After sleep. */
function local(server: LocalServer, clock = fakeClock()) {
  return { baseUrl: server.baseUrl, clock, limiter: createRateLimiter(1000, clock), timeoutMs: 2_000 };
}

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('nominatim geocode', () => {
  it('parses a jsonv2 hit and keeps WGS-84 as returned', async () => {
    server.respond(json(fixture('nominatim-ok.json')));
    const answer = await geocode('锦州市凌河区 辽沈战役纪念馆', local(server));
    expect(answer).toEqual({
      status: 'ok',
      result: {
        lon: 121.1425528, lat: 41.1273126, crs: 'WGS-84', lon_wgs84: 121.142553, lat_wgs84: 41.127313,
        display_name: '辽沈战役纪念馆, 凌河区, 锦州市, 辽宁省, 中国', level: 'tourism', confidence: 0.3107,
        place_rank: 30, raw_bbox: [41.1263126, 41.1283126, 121.1415528, 121.1435528],
      },
    });
  });

  it('asks /search with jsonv2, limit 1, China, bounded to the Linghe viewbox, and names itself', async () => {
    server.respond(json([]));
    const before = server.requests.length;
    await geocode('锦州市凌河区 贵州小区', local(server));
    const req = server.requests[before];
    const url = new URL(req.url, server.baseUrl);
    expect(url.pathname).toBe('/search');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      format: 'jsonv2', q: '锦州市凌河区 贵州小区', limit: '1', countrycodes: 'cn', viewbox: LINGHE_VIEWBOX, bounded: '1',
    });
    expect(req.userAgent).toBe(NOMINATIM_USER_AGENT);
    expect(req.userAgent).toMatch(/LingheReportAtlas.*contact/);
  });

  it('waits for the rate limiter: two questions in a row are 1 s apart', async () => {
    server.respond(json([]));
    const clock = fakeClock();
    const opts = local(server, clock);
    await geocode('a', opts);
    await geocode('b', opts);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('reports an empty array as no result', async () => {
    server.respond(json([]));
    expect(await geocode('锦州市凌河区 无此地', local(server))).toEqual({ status: 'no_result' });
  });

  it('throws HttpError on HTTP 500', async () => {
    server.respond(json({ error: 'boom' }, 500));
    await expect(geocode('q', local(server))).rejects.toThrow(HttpError);
  });

  it('honours Retry-After once on 429, then succeeds', async () => {
    server.respond(sequence(json([], 429, { 'Retry-After': '3' }), json(fixture('nominatim-ok.json'))));
    const clock = fakeClock();
    const before = server.requests.length;
    const answer = await geocode('q', local(server, clock));
    expect(answer.status).toBe('ok');
    expect(server.requests.length - before).toBe(2);
    expect(clock.sleeps).toContain(3000);
  });

  it('gives up on a second 429', async () => {
    server.respond(json([], 429, { 'Retry-After': '1' }));
    const before = server.requests.length;
    await expect(geocode('q', local(server))).rejects.toThrow(RateLimitedError);
    expect(server.requests.length - before).toBe(2);
  });

  it('gives up at once when Retry-After is longer than it will wait', async () => {
    server.respond(json([], 429, { 'Retry-After': '86400' }));
    const before = server.requests.length;
    await expect(geocode('q', local(server))).rejects.toThrow(/429.*86400 s/);
    expect(server.requests.length - before).toBe(1);
  });

  it('times out when the server never answers', async () => {
    server.respond(hang);
    await expect(geocode('q', { ...local(server), timeoutMs: 100 })).rejects.toThrow(GeocodeTimeoutError);
  });

  it('throws MalformedResponseError on a body that is not JSON', async () => {
    server.respond(json('<html>Bad Gateway</html>'));
    await expect(geocode('q', local(server))).rejects.toThrow(MalformedResponseError);
  });

  it('throws MalformedResponseError on JSON that is not a jsonv2 array', async () => {
    server.respond(json({ lat: '41', lon: '121' }));
    await expect(geocode('q', local(server))).rejects.toThrow(/not a Nominatim jsonv2 array/);
  });
});
