/**
 * Nominatim (OpenStreetMap) search adapter. Answers are WGS-84 already. The public instance's
 * policy asks for ≤ 1 request/s per application and a User-Agent that identifies it; results are
 * © OpenStreetMap contributors, ODbL.
 */
import { z } from 'zod';
import { MalformedResponseError } from './errors';
import { fetchJson } from './fetchJson';
import { createRateLimiter, realClock } from './rateLimiter';
import { DEFAULT_TIMEOUT_MS, joinUrl, round6, type AdapterOptions, type GeocodeAnswer } from './types';

export const NOMINATIM_BASE_URL = 'https://nominatim.openstreetmap.org';

/** Linghe's WGS-84 extent (121.124–121.250 E, 41.093–41.157 N) padded by ~1 km, as left,top,right,bottom. */
export const LINGHE_VIEWBOX = '121.11,41.17,121.26,41.08';

// The contact is a placeholder on purpose: whoever runs against the public instance fills in theirs.
export const NOMINATIM_USER_AGENT = 'LingheReportAtlas/0.1 (geocoding cache for a civic map; contact: <your-email@example.org>)';

/** One limiter per process: the policy counts requests from the application, not per call site. */
const sharedLimiter = createRateLimiter(1000, realClock);

const NominatimPlace = z.object({
  lat: z.string(),
  lon: z.string(),
  display_name: z.string(),
  addresstype: z.string().optional(),
  type: z.string().optional(),
  category: z.string().optional(),
  importance: z.number().nullable().optional(),
  place_rank: z.number().int().optional(),
  boundingbox: z.array(z.string()).length(4).optional(),
});
const NominatimResponse = z.array(NominatimPlace);

export interface NominatimOptions extends AdapterOptions {
  userAgent?: string;
}

export function nominatimUrl(query: string, baseUrl = NOMINATIM_BASE_URL): string {
  const params = new URLSearchParams({
    format: 'jsonv2',
    q: query,
    limit: '1',
    countrycodes: 'cn',
    viewbox: LINGHE_VIEWBOX,
    bounded: '1',
    'accept-language': 'zh-CN',
  });
  return `${joinUrl(baseUrl, '/search')}?${params}`;
}

export async function geocode(query: string, opts: NominatimOptions = {}): Promise<GeocodeAnswer> {
  const url = nominatimUrl(query, opts.baseUrl);
  await (opts.limiter ?? sharedLimiter).wait();
  const json = await fetchJson(url, {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: { 'User-Agent': opts.userAgent ?? NOMINATIM_USER_AGENT, Accept: 'application/json' },
    clock: opts.clock,
    fetch: opts.fetch,
  });
  const parsed = NominatimResponse.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedResponseError(url, `not a Nominatim jsonv2 array (${issue?.path.join('.')}: ${issue?.message})`);
  }
  const place = parsed.data[0];
  if (!place) return { status: 'no_result' };
  const lon = Number(place.lon);
  const lat = Number(place.lat);
  if (!isLonLat(lon, lat)) throw new MalformedResponseError(url, `bad coordinates lon=${place.lon} lat=${place.lat}`);
  const bbox = place.boundingbox?.map(Number);
  return {
    status: 'ok',
    result: {
      lon,
      lat,
      crs: 'WGS-84',
      lon_wgs84: round6(lon),
      lat_wgs84: round6(lat),
      display_name: place.display_name,
      level: place.addresstype ?? place.type ?? 'unknown',
      confidence: place.importance ?? null,
      ...(place.place_rank !== undefined ? { place_rank: place.place_rank } : {}),
      ...(bbox && bbox.every(Number.isFinite) ? { raw_bbox: bbox as [number, number, number, number] } : {}),
    },
  };
}

const isLonLat = (lon: number, lat: number): boolean =>
  Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
