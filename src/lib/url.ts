/**
 * The one URL codec: app view state ⇄
 * `?year=…&category=…&status=…&hood=…&precision=…&q=…&sort=map&item=…&reader=1&lang=en&basemap=osm&pin=lat,lng&radius=m&view=stats&embed=1#map=z/lat/lng`.
 * The hash view and the pin are WGS-84 whatever the basemap (the map converts for GCJ-02 tiles).
 * Defaults are left out; every invalid part is dropped and reported (which parameter, its value,
 * why), never thrown. Whether `item` names an existing item is checked by the app once data is in.
 */
import { z } from 'zod/mini';
import { DEFAULT_FILTERS, type FilterState } from './filters';
import type { Lang } from './i18n';
import { DEFAULT_BASEMAP, isBasemap, type BasemapId } from './map/basemaps';
import { Category, Id, Precision, Status, Year } from './schema';
import { DEFAULT_SORT, isSortKey, type SortKey } from './sort';
import { isNeighbourhoodId } from './taxonomy';

export interface View {
  zoom: number;
  lat: number;
  lng: number;
}

/** A place the user linked to (WGS-84), with the radius its "near here" list uses. */
export interface Pin {
  lat: number;
  lng: number;
}

export interface UrlState {
  filters: FilterState;
  /** The list's order. */
  sort: SortKey;
  item: string | null;
  reader: boolean;
  lang: Lang;
  basemap: BasemapId;
  view: View | null;
  pin: Pin | null;
  /** Metres; DEFAULT_RADIUS is left out of the URL. */
  radius: number;
  /** `view=stats`: the statistics panel instead of the list (optional: absent = false). */
  stats?: boolean;
  /** `embed=1`: the compact map-and-list view for another site's iframe. */
  embed?: boolean;
}

/** "Near" by default: a ten-minute walk. */
export const DEFAULT_RADIUS = 500;
/** A radius beyond the district's size would call everything near. */
export const MAX_RADIUS = 20_000;

export const DEFAULT_URL_STATE: UrlState = {
  filters: DEFAULT_FILTERS,
  sort: DEFAULT_SORT,
  item: null,
  reader: false,
  lang: 'zh',
  basemap: DEFAULT_BASEMAP,
  view: null,
  pin: null,
  radius: DEFAULT_RADIUS,
  stats: false,
  embed: false,
};

export type Reason =
  | 'bad_view'
  | 'bad_year'
  | 'unknown_value'
  | 'bad_id'
  | 'bad_flag'
  | 'bad_lang'
  | 'bad_map'
  | 'bad_pin'
  | 'bad_radius'
  | 'unknown_param'
  | 'no_such_item';

export interface UrlProblem {
  param: string;
  value: string;
  reason: Reason;
}

// Set lookups, not safeParse: a hostile link can carry 20,000 values, and a failed parse builds an error.
const CATEGORIES: ReadonlySet<string> = new Set(Category.options);
const STATUSES: ReadonlySet<string> = new Set(Status.options);
const PRECISIONS: ReadonlySet<string> = new Set(Precision.options);

const PARAMS = ['year', 'category', 'status', 'hood', 'precision', 'q', 'sort', 'item', 'reader', 'lang', 'basemap', 'pin', 'radius', 'view', 'embed'] as const;
/** Longest search text kept, in code points: a URL is for sharing, not for pasting documents. */
export const MAX_QUERY = 100;

/**
 * At most `MAX_QUERY` code points, never half a surrogate pair: a cut pair (or a lone surrogate
 * typed or pasted) makes encodeURIComponent throw URIError, which once took the whole app down.
 */
export function clipQuery(q: string): string {
  const wellFormed = q.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return Array.from(wellFormed).slice(0, MAX_QUERY).join('');
}

const ViewSchema = z.object({
  zoom: z.number().check(z.gte(0), z.lte(24)),
  lat: z.number().check(z.gte(-85.06), z.lte(85.06)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});

/** `z/lat/lng` as maplibre's hash writes it; anything else is null. */
function parseView(s: string): View | null {
  const parts = s.split('/');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const [zoom, lat, lng] = parts.map(Number);
  const parsed = ViewSchema.safeParse({ zoom, lat, lng });
  return parsed.success ? parsed.data : null;
}

const PinSchema = z.object({
  lat: z.number().check(z.gte(-85.06), z.lte(85.06)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});

/** `lat,lng` in decimal degrees; anything else is null. */
function parsePin(s: string): Pin | null {
  const parts = s.split(',');
  if (parts.length !== 2 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const parsed = PinSchema.safeParse({ lat: Number(parts[0]), lng: Number(parts[1]) });
  return parsed.success ? parsed.data : null;
}

/** Whole metres, 1 … MAX_RADIUS; anything else is null. */
function parseRadius(s: string): number | null {
  if (!/^\d{1,6}$/.test(s)) return null;
  const r = Number(s);
  return r >= 1 && r <= MAX_RADIUS ? r : null;
}

/** Comma-separated values of an enum-like parameter; unknown ones are reported, duplicates dropped. */
function parseList<T extends string>(
  param: string,
  raw: string | null,
  valid: (v: string) => v is T,
  problems: UrlProblem[],
): T[] {
  if (raw === null || raw === '') return [];
  const out: T[] = [];
  for (const v of raw.split(',')) {
    if (!valid(v)) problems.push({ param, value: v, reason: 'unknown_value' });
    else if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** `defaultLang` applies when the URL names no language (the browser's preference, see preferredLang). */
export function parseUrl(search: string, hash: string, defaultLang: Lang = 'zh'): { state: UrlState; problems: UrlProblem[] } {
  const params = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  for (const key of new Set(params.keys())) {
    if (!(PARAMS as readonly string[]).includes(key)) problems.push({ param: key, value: params.get(key) ?? '', reason: 'unknown_param' });
  }

  let year: number | null = null;
  const rawYear = params.get('year');
  if (rawYear !== null) {
    const y = /^\d{4}$/.test(rawYear) ? Year.safeParse(Number(rawYear)) : undefined;
    if (y?.success) year = y.data;
    else problems.push({ param: 'year', value: rawYear, reason: 'bad_year' });
  }
  const categories = parseList('category', params.get('category'), (v): v is Category => CATEGORIES.has(v), problems);
  const statuses = parseList('status', params.get('status'), (v): v is Status => STATUSES.has(v), problems);
  const hoods = parseList('hood', params.get('hood'), isNeighbourhoodId, problems);
  const precisions = parseList('precision', params.get('precision'), (v): v is Precision => PRECISIONS.has(v), problems);
  const q = clipQuery(params.get('q') ?? '');

  let sort: SortKey = DEFAULT_SORT;
  const rawSort = params.get('sort');
  if (rawSort !== null) {
    if (isSortKey(rawSort)) sort = rawSort;
    else problems.push({ param: 'sort', value: rawSort, reason: 'unknown_value' });
  }

  let item: string | null = null;
  const rawItem = params.get('item');
  if (rawItem !== null) {
    if (Id.safeParse(rawItem).success) item = rawItem;
    else problems.push({ param: 'item', value: rawItem, reason: 'bad_id' });
  }

  let reader = false;
  const rawReader = params.get('reader');
  if (rawReader !== null) {
    if (rawReader === '1') reader = true;
    else if (rawReader !== '0') problems.push({ param: 'reader', value: rawReader, reason: 'bad_flag' });
  }

  let lang: Lang = defaultLang;
  const rawLang = params.get('lang');
  if (rawLang !== null) {
    if (rawLang === 'en' || rawLang === 'zh') lang = rawLang;
    else problems.push({ param: 'lang', value: rawLang, reason: 'bad_lang' });
  }

  let basemap: BasemapId = DEFAULT_BASEMAP;
  const rawBasemap = params.get('basemap');
  if (rawBasemap !== null) {
    if (isBasemap(rawBasemap)) basemap = rawBasemap;
    else problems.push({ param: 'basemap', value: rawBasemap, reason: 'unknown_value' });
  }

  let pin: Pin | null = null;
  const rawPin = params.get('pin');
  if (rawPin !== null) {
    pin = parsePin(rawPin);
    if (!pin) problems.push({ param: 'pin', value: rawPin, reason: 'bad_pin' });
  }

  let radius = DEFAULT_RADIUS;
  const rawRadius = params.get('radius');
  if (rawRadius !== null) {
    const r = parseRadius(rawRadius);
    if (r === null) problems.push({ param: 'radius', value: rawRadius, reason: 'bad_radius' });
    else radius = r;
  }

  let stats = false;
  const rawPanel = params.get('view');
  if (rawPanel !== null) {
    if (rawPanel === 'stats') stats = true;
    else if (rawPanel !== 'list') problems.push({ param: 'view', value: rawPanel, reason: 'bad_view' });
  }

  let embed = false;
  const rawEmbed = params.get('embed');
  if (rawEmbed !== null) {
    if (rawEmbed === '1') embed = true;
    else if (rawEmbed !== '0') problems.push({ param: 'embed', value: rawEmbed, reason: 'bad_flag' });
  }

  let view: View | null = null;
  const hashParams = new URLSearchParams(hash.replace(/^#/, ''));
  const rawMap = hashParams.get('map');
  if (rawMap !== null) {
    view = parseView(rawMap);
    if (!view) problems.push({ param: 'map', value: rawMap, reason: 'bad_map' });
  }

  return { state: { filters: { year, categories, statuses, hoods, precisions, q }, sort, item, reader, lang, basemap, view, pin, radius, stats, embed }, problems };
}

/** The query string (with `?`, or '' for the default view); list values keep the user's order. */
export function formatSearch(s: UrlState, defaultLang: Lang = 'zh'): string {
  const p: string[] = [];
  const f = s.filters;
  // Hand-built so that the separating commas stay readable; each value is still encoded, so a value
  // that is not the id or enum it should be cannot break out into another parameter.
  const list = (values: readonly string[]) => values.map((v) => encodeURIComponent(v)).join(',');
  if (f.year !== null) p.push(`year=${f.year}`);
  if (f.categories.length) p.push(`category=${list(f.categories)}`);
  if (f.statuses.length) p.push(`status=${list(f.statuses)}`);
  if (f.hoods.length) p.push(`hood=${list(f.hoods)}`);
  if (f.precisions.length) p.push(`precision=${list(f.precisions)}`);
  const q = clipQuery(f.q.trim()).trim();
  if (q) p.push(`q=${encodeURIComponent(q)}`);
  if (s.sort !== DEFAULT_SORT) p.push(`sort=${s.sort}`);
  if (s.item) p.push(`item=${encodeURIComponent(s.item)}`);
  if (s.reader) p.push('reader=1');
  // The language the page would open in anyway is left out, so a link opens in its reader's.
  if (s.lang !== defaultLang) p.push(`lang=${s.lang}`);
  if (s.basemap !== DEFAULT_BASEMAP) p.push(`basemap=${s.basemap}`);
  // ~1 m at these latitudes: enough for a place, short enough to share.
  if (s.pin) p.push(`pin=${s.pin.lat.toFixed(5)},${s.pin.lng.toFixed(5)}`);
  if (s.pin && s.radius !== DEFAULT_RADIUS) p.push(`radius=${s.radius}`);
  if (s.stats) p.push('view=stats');
  if (s.embed) p.push('embed=1');
  return p.length ? `?${p.join('&')}` : '';
}

/** Digits enough for ~1 m at the given zoom, as maplibre's hash does. */
export function formatHash(view: View | null): string {
  if (!view) return '';
  const precision = Math.max(0, Math.ceil((view.zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const r = (n: number, d: number) => String(Math.round(n * 10 ** d) / 10 ** d);
  return `#map=${r(view.zoom, 2)}/${r(view.lat, precision)}/${r(view.lng, precision)}`;
}
