/**
 * Turn cached geocoder answers into a Location, or refuse to. A geocoder's point is only as good as
 * the level it matched at: a POI or house number is a point near the thing, a road match is a point
 * somewhere on a road (not the road), and a district or city match says nothing we did not know.
 * Answers outside Linghe are rejected: the report speaks of Linghe, so such a match is a wrong match.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GazetteerEntry, ItemDraft, Location } from '../../src/lib/schema';
import type { GeocodeEntry, GeocodeResult, Provider } from './cache';

export interface LevelPrecision {
  precision: 'near';
  uncertainty_m: number;
}

/** Radii in metres: how far the thing may be from the returned point at each match level. */
const POI_M = 150; // a POI or house number: the entrance or centroid of a site
const ROAD_M = 500; // a road match: some point on the road, the item may be anywhere along it
const CROSSING_M = 300; // a named crossing: the item is "at" it, sites around crossings are large
const VILLAGE_M = 1000; // a village centre; a village's land stretches about a kilometre

/** AMap `level` values (v3 geocode docs); absent or coarser levels give no location. */
const AMAP_LEVELS: Record<string, number> = {
  兴趣点: POI_M,
  门牌号: POI_M,
  单元号: POI_M,
  公交地铁站点: POI_M,
  道路交叉路口: CROSSING_M,
  道路: ROAD_M,
  村庄: VILLAGE_M,
};

/** Nominatim `addresstype`s that are sites rather than areas (OSM keys/values). */
const NOMINATIM_POI_TYPES = new Set([
  'amenity', 'building', 'house', 'shop', 'tourism', 'leisure', 'office', 'craft', 'historic',
  'man_made', 'railway', 'aeroway', 'club', 'emergency', 'healthcare', 'military', 'bridge',
]);
const NOMINATIM_ROAD_TYPES = new Set(['road', 'highway', 'street']);
const NOMINATIM_VILLAGE_TYPES = new Set(['village', 'hamlet', 'isolated_dwelling']);

/** Precision and radius for an answer, or null when the match is no better than the district. */
export function levelPrecision(provider: Provider, result: GeocodeResult): LevelPrecision | null {
  const near = (m: number): LevelPrecision => ({ precision: 'near', uncertainty_m: m });
  if (provider === 'amap') {
    const m = AMAP_LEVELS[result.level];
    return m === undefined ? null : near(m);
  }
  const t = result.level;
  const rank = result.place_rank;
  if (NOMINATIM_POI_TYPES.has(t) || (rank !== undefined && rank >= 28)) return near(POI_M);
  if (NOMINATIM_ROAD_TYPES.has(t) || rank === 26 || rank === 27) return near(ROAD_M);
  if (NOMINATIM_VILLAGE_TYPES.has(t)) return near(VILLAGE_M);
  return null;
}

/**
 * The answer in force for each item + provider: the latest one (then the last query), so a query
 * that was since reworded does not keep an old answer alive beside the new one.
 */
export function currentEntries(entries: readonly GeocodeEntry[]): GeocodeEntry[] {
  const byKey = new Map<string, GeocodeEntry>();
  for (const e of entries) {
    const k = `${e.item_id}\u0000${e.provider}`;
    const prev = byKey.get(k);
    if (!prev || e.date > prev.date || (e.date === prev.date && e.query > prev.query)) byKey.set(k, e);
  }
  return [...byKey.values()];
}

export const geocodeSourceId = (e: Pick<GeocodeEntry, 'provider' | 'item_id'>): string => `geocode:${e.provider}:${e.item_id}`;

export interface GeocodeVerdict {
  entry: GeocodeEntry;
  accepted: boolean;
  reason: string;
  precision: LevelPrecision | null;
}

/** Why each current answer for the item is used or not; for reports and debugging. */
export function judgeGeocodes(
  itemId: string,
  entries: readonly GeocodeEntry[],
  linghe: Feature<Polygon | MultiPolygon>,
): GeocodeVerdict[] {
  return currentEntries(entries.filter((e) => e.item_id === itemId)).map((entry) => {
    const r = entry.result;
    if (entry.status !== 'ok' || !r) return { entry, accepted: false, reason: 'no result', precision: null };
    if (!booleanPointInPolygon([r.lon_wgs84, r.lat_wgs84], linghe)) {
      return { entry, accepted: false, reason: `outside Linghe (${r.lon_wgs84}, ${r.lat_wgs84})`, precision: null };
    }
    const precision = levelPrecision(entry.provider, r);
    if (!precision) return { entry, accepted: false, reason: `level ${r.level} is no better than the district`, precision };
    return { entry, accepted: true, reason: `level ${r.level} → near ${precision.uncertainty_m} m`, precision };
  });
}

/** Prefer the tighter radius; on a tie Nominatim (open data, WGS-84 at source) before AMap. */
const PROVIDER_ORDER: Record<Provider, number> = { nominatim: 0, amap: 1 };

export function locateFromGeocodes(
  item: ItemDraft,
  entries: readonly GeocodeEntry[],
  linghe: Feature<Polygon | MultiPolygon>,
): Location | null {
  const best = judgeGeocodes(item.id, entries, linghe)
    .filter((v) => v.accepted)
    .sort(
      (a, b) =>
        a.precision!.uncertainty_m - b.precision!.uncertainty_m ||
        PROVIDER_ORDER[a.entry.provider] - PROVIDER_ORDER[b.entry.provider],
    )[0];
  if (!best) return null;
  const { entry, precision } = best;
  const r = entry.result!;
  return {
    precision: precision!.precision,
    geometry: { type: 'Point', coordinates: [r.lon_wgs84, r.lat_wgs84] },
    uncertainty_m: precision!.uncertainty_m,
    method: `geocoder:${entry.provider}`,
    evidence: [
      {
        source: geocodeSourceId(entry),
        says: evidenceSays(entry, r),
        src_coordinates: [r.lon, r.lat],
        src_crs: r.crs,
      },
    ],
    note: `Geocoder match at level ${r.level}; a point within ${precision!.uncertainty_m} m, not a surveyed site.`,
    note_zh: `地理编码匹配，级别为${r.level}；位于${precision!.uncertainty_m}米范围内的一个点，并非实测位置。`,
  };
}

const evidenceSays = (e: GeocodeEntry, r: GeocodeResult): string =>
  `${r.display_name} (level: ${r.level}; query: ${e.query}; date: ${e.date})`;

const LICENCES: Record<Provider, { source: string; licence: string }> = {
  nominatim: {
    source: 'Nominatim search, https://nominatim.openstreetmap.org',
    licence: 'ODbL 1.0, © OpenStreetMap contributors',
  },
  amap: {
    source: 'AMap (高德) geocoding API v3, https://restapi.amap.com',
    licence: 'AMap Web Service terms (no open licence); coordinates cited, not redistributed as a dataset',
  },
};

/**
 * Gazetteer entries for the current ok answers, so that evidence `geocode:<provider>:<item_id>`
 * resolves like any other source id. Sorted by id.
 */
export function geocodeGazetteerEntries(entries: readonly GeocodeEntry[]): GazetteerEntry[] {
  return currentEntries(entries)
    .filter((e) => e.status === 'ok' && e.result)
    .map((e): GazetteerEntry => {
      const r = e.result!;
      return {
        id: geocodeSourceId(e),
        name: r.display_name || e.query,
        kind: 'geocode',
        address: r.display_name,
        source: LICENCES[e.provider].source,
        licence: LICENCES[e.provider].licence,
        src_coordinates: [r.lon, r.lat],
        src_crs: r.crs,
        coordinates: [r.lon_wgs84, r.lat_wgs84],
        note: `query "${e.query}" on ${e.date}; level ${r.level}`,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
