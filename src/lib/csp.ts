/**
 * The Content-Security-Policy, in one place: index.html gets it as a meta tag at build time and
 * `vite preview` sends it as a header (vite.config.ts). Everything is served from the page's own
 * origin, so 'self' is the whole list; an online basemap adds exactly its tile hosts through
 * `extraOrigins` (connect-src for style/tiles/glyphs fetched by MapLibre's worker, img-src for
 * raster tiles), and nothing else opens up.
 *
 * Why each part: no inline script (the app has none, so an injected one cannot run);
 * MapLibre's worker is a same-origin file, but blob: stays allowed because MapLibre can fall back
 * to a blob worker; object-src/base-uri/form-action close the classic injection routes.
 */
import { basemapConfig, basemapOrigins, type BasemapEnv } from './map/basemaps.ts';

/**
 * The Atlas's policy: the page's own origin plus exactly the tile hosts of the street basemaps this
 * build is configured with (their VITE_* templates), so choosing one works and nothing else opens up.
 */
export function atlasCsp(env: BasemapEnv): string {
  const origins = Object.values(basemapOrigins(basemapConfig(env))).flat();
  return cspFor([...new Set(origins)].sort());
}

export function cspFor(extraOrigins: readonly string[] = []): string {
  for (const o of extraOrigins) {
    // Whole origins only (scheme://host[:port]): a path or wildcard scheme would widen more than meant.
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)) throw new Error(`CSP origin must be https://host[:port], got ${JSON.stringify(o)}`);
  }
  const extra = extraOrigins.length ? ` ${extraOrigins.join(' ')}` : '';
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', `'self' data: blob:${extra}`],
    ['font-src', "'self' data:"],
    ['connect-src', `'self'${extra}`],
    ['worker-src', "'self' blob:"],
    ['child-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** Directives a meta tag cannot carry (browsers ignore them there), for the header only. */
export const HEADER_ONLY = "; frame-ancestors 'self'";
