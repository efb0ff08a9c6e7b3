import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geocode, MissingKeyError } from './amap';
import { GeocodeError, GeocodeTimeoutError, HttpError, MalformedResponseError, ProviderError } from './errors';
import { hang, json, startLocalServer, type LocalServer } from './localServer';
import { createRateLimiter, type Clock } from './rateLimiter';

const KEY = 'amapTESTkey0123456789';
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));

function fakeClock(): Clock {
  let t = 0;
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

function local(server: LocalServer) {
  const clock = fakeClock();
  return { baseUrl: server.baseUrl, key: KEY, clock, limiter: createRateLimiter(400, clock), timeoutMs: 2_000 };
}

/** The error a promise rejects with, so a test can check both its type and that the key is absent. */
async function failure(p: Promise<unknown>): Promise<GeocodeError> {
  try {
    await p;
  } catch (e) {
    return e as GeocodeError;
  }
  throw new Error('expected a failure');
}

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('amap geocode', () => {
  it('parses a v3 hit and converts GCJ-02 to WGS-84 once', async () => {
    server.respond(json(fixture('amap-ok.json')));
    const answer = await geocode('锦州市凌河区 辽沈战役纪念馆', local(server));
    if (answer.status !== 'ok') throw new Error('expected ok');
    const r = answer.result;
    expect(r).toMatchObject({ lon: 121.148175, lat: 41.129367, crs: 'GCJ-02', level: '兴趣点', confidence: null });
    expect(r.display_name).toBe('辽宁省锦州市凌河区辽沈战役纪念馆');
    // The shared geodata README states this conversion: ≈ (121.14255, 41.12731).
    expect(r.lon_wgs84).toBeCloseTo(121.14255, 4);
    expect(r.lat_wgs84).toBeCloseTo(41.12731, 4);
    expect(Math.round(r.lon_wgs84 * 1e6) / 1e6).toBe(r.lon_wgs84);
    expect(JSON.stringify(answer)).not.toContain(KEY);
  });

  it('asks /v3/geocode/geo with the key, the address and the city 锦州', async () => {
    server.respond(json(fixture('amap-empty.json')));
    const before = server.requests.length;
    await geocode('锦州市凌河区 贵州小区', local(server));
    const url = new URL(server.requests[before].url, server.baseUrl);
    expect(url.pathname).toBe('/v3/geocode/geo');
    expect(url.searchParams.get('key')).toBe(KEY);
    expect(url.searchParams.get('address')).toBe('锦州市凌河区 贵州小区');
    expect(url.searchParams.get('city')).toBe('锦州');
  });

  it('reports count "0" as no result', async () => {
    server.respond(json(fixture('amap-empty.json')));
    expect(await geocode('锦州市凌河区 无此地', local(server))).toEqual({ status: 'no_result' });
  });

  it('turns status "0" into a ProviderError with info, without the key', async () => {
    server.respond(json(fixture('amap-error.json')));
    const e = await failure(geocode('q', local(server)));
    expect(e).toBeInstanceOf(ProviderError);
    expect(e.message).toMatch(/INVALID_USER_KEY.*10001/);
    expect(`${e.message} ${e.url}`).not.toContain(KEY);
    expect(e.url).toContain('key=REDACTED');
  });

  it('keeps the key out of an HTTP 500 message', async () => {
    server.respond(json('oops', 500));
    const e = await failure(geocode('q', local(server)));
    expect(e).toBeInstanceOf(HttpError);
    expect(`${e.message} ${e.stack}`).not.toContain(KEY);
  });

  it('keeps the key out of a timeout message', async () => {
    server.respond(hang);
    const e = await failure(geocode('q', { ...local(server), timeoutMs: 100 }));
    expect(e).toBeInstanceOf(GeocodeTimeoutError);
    expect(e.message).toMatch(/100 ms/);
    expect(e.message).not.toContain(KEY);
  });

  it('keeps the key out of a malformed-response message, even if the body echoes it', async () => {
    server.respond(json(`not json; your key was ${KEY}`));
    const e = await failure(geocode('q', local(server)));
    expect(e).toBeInstanceOf(MalformedResponseError);
    expect(e.message).toContain('not JSON');
    expect(e.message).not.toContain(KEY);
  });

  it('rejects a location that is not "lon,lat"', async () => {
    const body = fixture('amap-ok.json') as { geocodes: { location: unknown }[] };
    body.geocodes[0].location = [];
    server.respond(json(body));
    await expect(geocode('q', local(server))).rejects.toThrow(/location is not "lon,lat"/);
  });

  it('refuses to run without a key and asks nothing', async () => {
    const saved = process.env.AMAP_KEY;
    delete process.env.AMAP_KEY;
    try {
      const before = server.requests.length;
      await expect(geocode('q', { ...local(server), key: undefined })).rejects.toThrow(MissingKeyError);
      expect(server.requests.length).toBe(before);
    } finally {
      if (saved !== undefined) process.env.AMAP_KEY = saved;
    }
  });
});
