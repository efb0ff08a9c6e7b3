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

/**
 * Who may put the Atlas in an iframe: `frame-ancestors`, which a meta tag cannot carry (browsers
 * ignore it there), so it goes in the header only. Embedding (`embed=1`) is a feature, so the
 * default is any site (`*`). That is safe here because the app has nothing a click could change on
 * the user's behalf (no login, no cookies, no form that posts; a contribution leaves only as a
 * download), so clickjacking has nothing to take. A deployer who wants fewer embedders lists their
 * origins in VITE_FRAME_ANCESTORS ("https://news.example.cn https://a.example.org"), or 'self'.
 */
export function frameAncestors(env: { VITE_FRAME_ANCESTORS?: string }): string {
  const raw = (env.VITE_FRAME_ANCESTORS ?? '').trim();
  if (!raw || raw === '*') return "frame-ancestors *";
  const sources = raw.split(/\s+/);
  for (const o of sources) {
    if (o !== "'self'" && o !== "'none'" && !/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)) {
      throw new Error(`VITE_FRAME_ANCESTORS takes whole origins (https://host[:port]), 'self' or 'none'; got ${JSON.stringify(o)}`);
    }
  }
  if (sources.includes("'none'") && sources.length > 1) throw new Error("VITE_FRAME_ANCESTORS: 'none' cannot be combined with other sources");
  return `frame-ancestors ${sources.join(' ')}`;
}

/** The header's policy: the meta tag's policy plus the directives only a header can carry. */
export function atlasCspHeader(env: BasemapEnv & { VITE_FRAME_ANCESTORS?: string }): string {
  return `${atlasCsp(env)}; ${frameAncestors(env)}`;
}
