/**
 * AMap (高德) v3 geocoding adapter. Answers are GCJ-02 and are converted to WGS-84 here, once.
 * The key comes from the caller or env `AMAP_KEY` and is redacted from every message.
 */
import gcoord from 'gcoord';
import { z } from 'zod';
import { MalformedResponseError, ProviderError } from './errors';
import { fetchJson } from './fetchJson';
import { createRateLimiter, realClock } from './rateLimiter';
import { DEFAULT_TIMEOUT_MS, joinUrl, round6, type AdapterOptions, type GeocodeAnswer } from './types';

export const AMAP_BASE_URL = 'https://restapi.amap.com';

/** Personal AMap keys allow a few queries per second; stay well below. */
const sharedLimiter = createRateLimiter(400, realClock);

// AMap returns `[]` instead of a string for empty fields, so only what we use is typed strictly.
const AmapGeocode = z.object({
  formatted_address: z.union([z.string(), z.array(z.unknown())]),
  location: z.union([z.string(), z.array(z.unknown())]),
  level: z.union([z.string(), z.array(z.unknown())]),
});
const AmapResponse = z.object({
  status: z.string(),
  info: z.string(),
  infocode: z.string().optional(),
  count: z.string().optional(),
  geocodes: z.array(AmapGeocode).optional(),
});

export interface AmapOptions extends AdapterOptions {
  /** Defaults to env AMAP_KEY. */
  key?: string;
  city?: string;
}

export class MissingKeyError extends Error {
  constructor() {
    super('AMap needs a key: set the environment variable AMAP_KEY (https://lbs.amap.com/api/webservice/create-project-and-key)');
    this.name = 'MissingKeyError';
  }
}

export function amapUrl(query: string, key: string, baseUrl = AMAP_BASE_URL, city = '锦州'): string {
  const params = new URLSearchParams({ key, address: query, city, output: 'JSON' });
  return `${joinUrl(baseUrl, '/v3/geocode/geo')}?${params}`;
}

export async function geocode(query: string, opts: AmapOptions = {}): Promise<GeocodeAnswer> {
  const key = opts.key ?? process.env.AMAP_KEY;
  if (!key) throw new MissingKeyError();
  const secrets = [key];
  const url = amapUrl(query, key, opts.baseUrl, opts.city);
  await (opts.limiter ?? sharedLimiter).wait();
  const json = await fetchJson(url, {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: { Accept: 'application/json' },
    secrets,
    clock: opts.clock,
    fetch: opts.fetch,
  });
  const parsed = AmapResponse.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedResponseError(url, `not an AMap v3 geocode answer (${issue?.path.join('.')}: ${issue?.message})`, secrets);
  }
  const body = parsed.data;
  if (body.status !== '1') {
    throw new ProviderError(url, `${body.info}${body.infocode ? ` (infocode ${body.infocode})` : ''}`, secrets);
  }
  const hit = body.geocodes?.[0];
  if (!hit || body.count === '0') return { status: 'no_result' };
  const m = typeof hit.location === 'string' ? /^\s*(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\s*$/.exec(hit.location) : null;
  if (!m) throw new MalformedResponseError(url, `location is not "lon,lat": ${JSON.stringify(hit.location)}`, secrets);
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  const [lonW, latW] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return {
    status: 'ok',
    result: {
      lon,
      lat,
      crs: 'GCJ-02',
      lon_wgs84: round6(lonW),
      lat_wgs84: round6(latW),
      display_name: typeof hit.formatted_address === 'string' ? hit.formatted_address : '',
      level: typeof hit.level === 'string' ? hit.level : 'unknown',
      confidence: null,
    },
  };
}
