/**
 * What "export" writes: exactly the items the filters show, one row (CSV) or one feature (GeoJSON)
 * each, unmapped items included with empty coordinates / `geometry: null`. Pure: the download
 * button (ExportMenu.svelte) only hands these strings to the browser.
 *
 * Attribution: a CSV cannot carry a parseable header comment, so every row names its own evidence
 * sources and licences and the data version, the GeoJSON carries all attribution and licence lines
 * in a `_meta` member, and the CSV gets a sibling README (`readmeText`), offered beside it.
 */
import Papa from 'papaparse';
import type { Attribution, Figure, GazetteerEntry, ItemFeature } from '../schema';
import { CATEGORY_LABELS, NEIGHBOURHOODS, PRECISION_LABELS, STATUS_LABELS } from '../taxonomy';

export interface ExportContext {
  /** Figures attached to each item (figures.json, `items`). */
  figuresByItem: ReadonlyMap<string, readonly Figure[]>;
  gazetteer: ReadonlyMap<string, GazetteerEntry>;
  attributions: readonly Attribution[];
  /** Short hash of items.geojson: which build of the data this is. */
  version: string;
  /** The Atlas link that opens one item. */
  itemLink: (id: string) => string;
  /** The Atlas link of the exported view. */
  viewLink: string;
}

export const TITLE = '凌河区政府工作报告地图 · Linghe Report Atlas';
export const REPORT_LINE = 'Source text: 2022年锦州市凌河区政府工作报告 (2021-12-08), public government document';

const hoodName = (id: string) => NEIGHBOURHOODS.find((n) => n.id === id)?.label.zh ?? id;

/** A figure as one readable, parseable line: `1.5亿元 = 150000000 CNY [funds_obtained] @123-128`. */
export function figureText(f: Figure): string {
  const purpose = f.purpose ? ` [${f.purpose}]` : f.counter ? ` [${f.counter}]` : '';
  // A figure linked by its sentence is a total for the work the sentence describes, not the item's own.
  const shared = f.scope === 'sentence' ? ' [same sentence]' : '';
  return `${f.quote} = ${f.approx ? '≥' : ''}${f.value} ${f.unit}${purpose}${shared} @${f.start}-${f.end}`;
}

export type ExportRecord = Record<string, string | number | null>;

/** The columns, in order; one record per item. */
export function exportRecord(item: ItemFeature, ctx: ExportContext): ExportRecord {
  const p = item.properties;
  const loc = p.location;
  const g = item.geometry;
  const point = g?.type === 'Point' ? g.coordinates : null;
  const years = [...new Set(p.mentions.flatMap((m) => m.years))].sort();
  const sources = loc.evidence.map((e) => ctx.gazetteer.get(e.source));
  return {
    id: item.id,
    name_zh: p.name,
    name_en: p.name_en,
    category: p.category,
    category_zh: CATEGORY_LABELS[p.category].zh,
    statuses: p.mentions.map((m) => `${m.years[0]}${m.years.length > 1 ? `-${m.years[m.years.length - 1]}` : ''} ${m.status} (${STATUS_LABELS[m.status].zh}: ${m.status_words})`).join('; '),
    years: years.join(';'),
    neighbourhoods: p.neighbourhoods.map((h) => `${h} ${hoodName(h)}`).join('; '),
    precision: `${loc.precision} (${PRECISION_LABELS[loc.precision].zh})`,
    method: loc.method,
    uncertainty_m: loc.uncertainty_m,
    lon: point ? point[0] : null,
    lat: point ? point[1] : null,
    geometry_type: g?.type ?? null,
    geometry: g && !point ? JSON.stringify(g) : null,
    stated_figures: (ctx.figuresByItem.get(item.id) ?? []).map(figureText).join('; '),
    quotes: p.mentions.map((m) => `[${m.start}-${m.end}] ${m.quote}`).join('\n'),
    evidence: loc.evidence.map((e) => `${e.source}: ${e.says} (${e.src_crs})`).join('\n'),
    evidence_licences: [...new Set(sources.filter((s) => s).map((s) => `${s!.source} — ${s!.licence}`))].join('; '),
    data_version: ctx.version,
    atlas_link: ctx.itemLink(item.id),
  };
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / CR) as a formula: such text gets a
 * leading apostrophe, which Excel and LibreOffice show as text (OWASP "CSV injection"). Numbers
 * are left alone: a negative number is a number, not a formula.
 */
export function escapeCell(v: string | number | null): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** UTF-8 with a BOM, so Excel opens the Chinese correctly; CRLF as RFC 4180 says. */
export function toCsv(records: readonly ExportRecord[]): string {
  const fields = records.length ? Object.keys(records[0]) : [];
  const data = records.map((r) => fields.map((f) => escapeCell(r[f])));
  return '\uFEFF' + Papa.unparse({ fields, data }, { newline: '\r\n', quotes: (v: unknown) => typeof v === 'string' });
}

export function metaLines(ctx: ExportContext, count: number, unmapped: number): string[] {
  return [
    TITLE,
    REPORT_LINE,
    `Data version ${ctx.version}; ${count} items exported (${unmapped} not mapped, geometry empty)`,
    `View: ${ctx.viewLink}`,
    ...ctx.attributions.map((a) => `${a.text} — ${a.licence}`),
  ];
}

export function toGeoJson(items: readonly ItemFeature[], ctx: ExportContext): string {
  const unmapped = items.filter((f) => !f.geometry).length;
  const fc = {
    type: 'FeatureCollection',
    _meta: {
      title: TITLE,
      source: REPORT_LINE,
      data_version: ctx.version,
      view: ctx.viewLink,
      count: items.length,
      unmapped,
      crs: 'WGS-84 (RFC 7946)',
      attributions: ctx.attributions.map((a) => ({ text: a.text, licence: a.licence })),
    },
    features: items.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: { ...f.properties, stated_figures: ctx.figuresByItem.get(f.id) ?? [], atlas_link: ctx.itemLink(f.id), data_version: ctx.version },
    })),
  };
  return JSON.stringify(fc, null, 1) + '\n';
}

/** The CSV's sibling: attribution, licences and what each column means. */
export function readmeText(ctx: ExportContext, count: number, unmapped: number): string {
  return [
    ...metaLines(ctx, count, unmapped),
    '',
    'Columns: id, name_zh, name_en, category(_zh), statuses (per mention: years status (words)), years,',
    'neighbourhoods, precision, method, uncertainty_m, lon/lat (points, WGS-84) or geometry (GeoJSON),',
    'stated_figures (quote = normalised value unit [purpose] @offsets), quotes ([start-end] verbatim),',
    'evidence (source: what it says (CRS)), evidence_licences, data_version, atlas_link.',
    'Cells starting with = + - @ are prefixed with an apostrophe so spreadsheets show them as text.',
    '',
  ].join('\r\n');
}
