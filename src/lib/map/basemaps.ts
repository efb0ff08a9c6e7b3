/**
 * The basemap choices and, for the street ones, where their tiles come from. Pure: templates come in
 * as a config object (the app passes `import.meta.env`), so a deployer points each provider at their
 * own tile server at build time and tests check the derivation without a bundler.
 *
 * - `offline`: the embedded basemap (default); no request leaves the page's origin.
 * - `osm`: OpenStreetMap standard raster tiles, Web Mercator on WGS-84 — our data as is.
 * - `tianditu`: 天地图 vector + annotation (`vec_w` + `cva_w`), CGCS2000 ≈ WGS-84; needs a key.
 * - `amap`: 高德 road tiles, drawn in GCJ-02: overlays are shifted to match (see shift.ts).
 */

export const BASEMAPS = ['offline', 'osm', 'tianditu', 'amap'] as const;
export type BasemapId = (typeof BASEMAPS)[number];
export type StreetBasemapId = Exclude<BasemapId, 'offline'>;
export const DEFAULT_BASEMAP: BasemapId = 'offline';

export function isBasemap(v: string): v is BasemapId {
  return (BASEMAPS as readonly string[]).includes(v);
}

/** The datum a basemap is drawn in; overlays are shifted into it. */
export type Datum = 'wgs84' | 'gcj02';

/** Build-time settings (the VITE_* variables of `.env` or the environment). */
export interface BasemapEnv {
  VITE_OSM_TILES?: string;
  VITE_TIANDITU_VEC_TILES?: string;
  VITE_TIANDITU_CVA_TILES?: string;
  VITE_TIANDITU_KEY?: string;
  VITE_AMAP_TILES?: string;
  VITE_TIANDITU_ATTRIBUTION?: string;
  VITE_AMAP_ATTRIBUTION?: string;
}

/**
 * Default templates, space-separated when a provider spreads load over several hosts. `{z}/{x}/{y}`
 * are MapLibre's tile placeholders; `{tk}` is the 天地图 key, filled in at run time.
 */
const tianditu = (layer: 'vec' | 'cva') =>
  [0, 1, 2, 3]
    .map(
      (n) =>
        `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}`,
    )
    .join(' ');
export const DEFAULT_TEMPLATES = {
  // The OSM tile policy asks for the one hostname (no a/b/c), a visible credit and no prefetching.
  osm: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tiandituVec: tianditu('vec'),
  tiandituCva: tianditu('cva'),
  amap: [1, 2, 3, 4].map((n) => `https://webrd0${n}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`).join(' '),
};

export interface StreetLayerSpec {
  /** One raster layer per entry, bottom to top; each entry is the list of equivalent tile URLs. */
  layers: string[][];
  datum: Datum;
  attribution: string;
  maxzoom: number;
}

export interface BasemapConfig {
  templates: Record<StreetBasemapId, string[][]>;
  buildKey: string;
  attributions: Record<StreetBasemapId, string>;
}

const split = (s: string | undefined, fallback: string): string[] => (s?.trim() || fallback).split(/\s+/);

/** The settings the app was built with, from `import.meta.env` (or a test's object). */
export function basemapConfig(env: BasemapEnv): BasemapConfig {
  return {
    templates: {
      osm: [split(env.VITE_OSM_TILES, DEFAULT_TEMPLATES.osm)],
      tianditu: [split(env.VITE_TIANDITU_VEC_TILES, DEFAULT_TEMPLATES.tiandituVec), split(env.VITE_TIANDITU_CVA_TILES, DEFAULT_TEMPLATES.tiandituCva)],
      amap: [split(env.VITE_AMAP_TILES, DEFAULT_TEMPLATES.amap)],
    },
    buildKey: env.VITE_TIANDITU_KEY?.trim() ?? '',
    // Credits as each provider asks; a deployer adds the 审图号 their licence names.
    attributions: {
      osm: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors',
      tianditu: env.VITE_TIANDITU_ATTRIBUTION?.trim() || '© 天地图 国家地理信息公共服务平台',
      amap: env.VITE_AMAP_ATTRIBUTION?.trim() || '© 高德地图 AutoNavi',
    },
  };
}

export const DATUM: Record<BasemapId, Datum> = { offline: 'wgs84', osm: 'wgs84', tianditu: 'wgs84', amap: 'gcj02' };

/** What a street basemap needs to be drawn; null when it cannot be (天地图 without a key). */
export function streetLayers(config: BasemapConfig, id: StreetBasemapId, key: string): StreetLayerSpec | null {
  if (id === 'tianditu' && !key) return null;
  const fill = (u: string) => u.replace('{tk}', encodeURIComponent(key));
  return {
    layers: config.templates[id].map((urls) => urls.map(fill)),
    datum: DATUM[id],
    attribution: config.attributions[id],
    maxzoom: 18,
  };
}

/** The origin of a template (placeholders are only ever in its path or query). */
export function originOf(template: string): string {
  return new URL(template.replace(/\{[a-z]+\}/g, '0')).origin;
}

/**
 * Every origin each basemap contacts, derived from the templates: what the README promises and
 * what a Content-Security-Policy must allow, and nothing else.
 */
export function basemapOrigins(config: BasemapConfig): Record<BasemapId, string[]> {
  const of = (id: StreetBasemapId) => [...new Set(config.templates[id].flat().map(originOf))];
  return { offline: [], osm: of('osm'), tianditu: of('tianditu'), amap: of('amap') };
}

/** The 天地图 key in use: the build's, else the one the user entered (kept in localStorage). */
export function tiandituKey(config: BasemapConfig, stored: string | null): string {
  return config.buildKey || (stored ?? '').trim();
}
