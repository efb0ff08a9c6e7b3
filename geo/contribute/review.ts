/**
 * Reviews contributions before anything is written: the file (size before parsing, JSON, schema),
 * then each contribution against the current data (item exists, geometry valid and inside the
 * Jinzhou prefecture and Linghe, CRS plausible, not stale, no silent downgrade). Every problem is
 * one line naming the field; a reviewer sees a summary (precision before → after, distance moved,
 * the citation) and a before/after GeoJSON diff. Pure except `readContributionFile`.
 */
import { readFileSync, statSync } from 'node:fs';
import { booleanPointInPolygon, buffer, centroid, distance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CONTRIBUTION_MAX_BYTES, ContributionFile, issueLines, type Contribution, type ContributionGeometry } from '../../src/lib/contribution';
import { bboxOf, positions } from '../../src/lib/geometry';
import { Precision, type BoundaryCollection, type GazetteerEntry, type Geometry, type ItemFeature, type Position } from '../../src/lib/schema';
import { lingheFeature } from '../boundaries';
import { roundPosition, toWgs84 } from '../crs';
import { geometryProblems, INSIDE_MARGIN_M } from '../validate';
import type { AcceptedContribution } from './store';

export interface ReviewContext {
  items: readonly ItemFeature[];
  /** sha256 of the current items file (manifest.files["items.geojson"].sha256). */
  dataVersion: string;
  boundaries: BoundaryCollection;
  gazetteer: readonly GazetteerEntry[];
  /** YYYY-MM-DD: the acceptance date, and the latest date evidence may carry. */
  today: string;
  /** Replace a more precise location on purpose (the CLI's --force). */
  force?: boolean;
}

export interface Review {
  item: string;
  problems: string[];
  summary: string[];
  diff: FeatureCollection;
  /** Set when there are no problems: what --accept stores. */
  accepted?: AcceptedContribution;
}

/** Reads one file: refused over the size limit (before reading it), when not JSON, or off-schema. */
export function readContributionFile(path: string): { contributions: Contribution[]; problems: string[] } {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch (e) {
    return { contributions: [], problems: [`(file): cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  if (bytes > CONTRIBUTION_MAX_BYTES) {
    return { contributions: [], problems: [`(file): ${bytes} bytes, over the ${CONTRIBUTION_MAX_BYTES}-byte limit for a contribution file; not read`] };
  }
  return parseContributionText(readFileSync(path, 'utf8'));
}

export function parseContributionText(text: string): { contributions: Contribution[]; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { contributions: [], problems: [`(file): not JSON (${(e as Error).message})`] };
  }
  const r = ContributionFile.safeParse(json);
  if (!r.success) {
    // A latitude over 90 near Jinzhou is a longitude: say so rather than only "too big".
    const hint = (line: string) => (/geometry\.coordinates[.\d]*\.1: .*<=\s*90/.test(line) ? `${line}: longitude and latitude swapped? GeoJSON is [lon, lat]` : line);
    return { contributions: [], problems: issueLines(r.error).map(hint) };
  }
  return { contributions: r.data.contributions, problems: [] };
}

/** The rung of the precision ladder, 0 = exact (best). */
const rung = (p: string) => Precision.options.indexOf(p as Precision);

function toWgs84Geometry(g: ContributionGeometry, crs: string): ContributionGeometry {
  const f = (p: Position) => roundPosition(toWgs84(p, crs));
  if (g.type === 'Point') return { type: 'Point', coordinates: f(g.coordinates) };
  if (g.type === 'LineString') return { type: 'LineString', coordinates: g.coordinates.map(f) };
  return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
}

/** Within this distance of a published GCJ-02/BD-09 coordinate, a "WGS-84" position is that coordinate. */
const SAME_POINT_M = 15;

/** A position that IS some source's published GCJ-02/BD-09 coordinate was most likely not converted. */
function unconvertedShift(ps: Position[], gazetteer: readonly GazetteerEntry[]): string | null {
  for (const e of gazetteer) {
    if (!e.src_coordinates || !e.coordinates || !/^(GCJ-02|BD-09)/.test(e.src_crs)) continue;
    const shift = distance(e.src_coordinates, e.coordinates, { units: 'meters' });
    if (shift < 100) continue;
    const hit = ps.find((p) => distance(p, e.src_coordinates!, { units: 'meters' }) < SAME_POINT_M);
    if (hit) {
      return `position ${JSON.stringify(hit)} is ${e.id}'s published ${e.src_crs} coordinate, ${Math.round(shift)} m from its WGS-84 position: GCJ-02/BD-09 claimed as WGS-84? state the crs and the pipeline converts it`;
    }
  }
  return null;
}

/** Buffering Linghe takes ~0.5 s: once per boundaries file, not per contribution. */
const zones = new WeakMap<BoundaryCollection, Feature<Polygon | MultiPolygon>>();
function lingheZone(b: BoundaryCollection): Feature<Polygon | MultiPolygon> {
  let z = zones.get(b);
  if (!z) zones.set(b, (z = buffer(lingheFeature(b) as Feature<Polygon | MultiPolygon>, INSIDE_MARGIN_M, { units: 'meters' })!));
  return z;
}

const center = (g: Geometry): Position => centroid(g as never).geometry.coordinates as Position;

/** Reviews one contribution against the current data. */
export function reviewContribution(c: Contribution, ctx: ReviewContext): Review {
  const problems: string[] = [];
  const say = (field: string, msg: string) => problems.push(`${field}: ${msg}`);
  const summary: string[] = [];
  const diff: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const item = ctx.items.find((f) => f.id === c.item);
  if (!item) {
    say('item', `no item "${c.item}" in the current data`);
    return { item: c.item, problems, summary, diff };
  }
  const loc = item.properties.location;

  // Geometry: convert once (map-service CRS), then structure, box, district.
  const g = toWgs84Geometry(c.geometry, c.crs);
  for (const p of geometryProblems(g)) say('geometry', p);
  const ps = positions(g);
  const [w, s, e, n] = bboxOf(ctx.boundaries.features.map((f) => f.geometry))!;
  const inBox = ([x, y]: Position) => x >= w && x <= e && y >= s && y <= n;
  const outBox = ps.filter((p) => !inBox(p));
  if (outBox.length) {
    const swapped = outBox.every(([x, y]) => inBox([y, x]));
    say('geometry', `${outBox.length} position(s) outside the Jinzhou prefecture box [${[w, s, e, n].join(', ')}], e.g. ${JSON.stringify(outBox[0])}${swapped ? ': longitude and latitude swapped? GeoJSON is [lon, lat]' : ''}`);
  }
  // An item the data already places outside Linghe (precision `outside`, on cited evidence) may be
  // placed anywhere in the prefecture box; any other item must stay inside Linghe.
  const outsideItem = loc.precision === 'outside';
  const zone = lingheZone(ctx.boundaries);
  const outsideLinghe = outBox.length ? [] : ps.filter((p) => !booleanPointInPolygon(p, zone));
  if (outsideLinghe.length && !outsideItem) {
    say('geometry', `${outsideLinghe.length} position(s) outside Linghe District (+${INSIDE_MARGIN_M} m), e.g. ${JSON.stringify(outsideLinghe[0])}; only an item located outside Linghe (precision outside) may be placed there`);
  }
  if (outsideItem && !outBox.length && !outsideLinghe.length) summary.push(`note: the item is cited as outside Linghe, but this places it inside: check the evidence`);
  if (c.crs === 'WGS-84') {
    const shifted = unconvertedShift(ps, ctx.gazetteer);
    if (shifted) say('crs', shifted);
  }
  const claimed = c.evidence.precision;
  if (claimed === 'street' && g.type !== 'LineString') say('evidence.precision', `street needs a line along the street, not a ${g.type}`);
  if (claimed === 'near' && g.type !== 'Point') say('evidence.precision', `near is a point with a radius, not a ${g.type}`);
  if (c.evidence.date > ctx.today) say('evidence.date', `${c.evidence.date} is in the future`);
  if (c.created > ctx.today) say('created', `${c.created} is in the future`);

  // Staleness: the item's mentions, and its location when the data moved on.
  const now = [...new Set(item.properties.mentions.map((m) => m.sentence))].sort((a, b) => a - b);
  const theirs = [...new Set(c.sentences)].sort((a, b) => a - b);
  if (now.join() !== theirs.join()) say('sentences', `stale: the item's mentions are in sentences [${now}] now, the contribution names [${theirs}]`);
  if (c.data_version !== ctx.dataVersion) {
    if (c.before.precision !== loc.precision || c.before.method !== loc.method) {
      say('data_version', `stale: made against data ${c.data_version.slice(0, 12)}… when the item was ${c.before.precision} (${c.before.method}); it is ${loc.precision} (${loc.method}) now: place it again on the current Atlas`);
    } else summary.push(`note: made against older data (${c.data_version.slice(0, 12)}…); this item is unchanged since`);
  }

  // Never a silent downgrade.
  if (rung(loc.precision) < rung(claimed)) {
    if (ctx.force) summary.push(`FORCED: replaces a more precise location (${loc.precision}, ${loc.method})`);
    else say('conflict', `the item is located ${loc.precision} (${loc.method}), more precise than the claimed ${claimed}; nothing replaced (--force replaces it, on purpose)`);
  }

  const moved = item.geometry ? `${Math.round(distance(center(item.geometry), center(g), { units: 'meters' }))} m (centroid to centroid)` : '— (no geometry before)';
  summary.unshift(
    `${c.item}  ${item.properties.name} / ${item.properties.name_en}`,
    `precision: ${loc.precision} (${loc.method}) → ${claimed} (contributed)${outsideLinghe.length ? ', outside Linghe' : ''}, ±${c.evidence.uncertainty_m} m`,
    `geometry: ${g.type} of ${ps.length} position(s)${c.crs !== 'WGS-84' ? `, converted from ${c.crs}` : ''}; moved ${moved}`,
    `evidence: ${c.evidence.kind} · ${JSON.stringify(c.evidence.citation)} · ${c.evidence.date}${c.evidence.contributor ? ` · by ${JSON.stringify(c.evidence.contributor)}` : ''}`,
  );
  if (item.geometry) diff.features.push({ type: 'Feature', geometry: item.geometry, properties: { role: 'before', item: c.item, precision: loc.precision, method: loc.method } });
  diff.features.push({ type: 'Feature', geometry: g, properties: { role: 'after', item: c.item, precision: claimed, method: 'contributed', uncertainty_m: c.evidence.uncertainty_m } });

  if (problems.length) return { item: c.item, problems, summary, diff };
  const accepted: AcceptedContribution = {
    geometry: g,
    ...(c.crs !== 'WGS-84' ? { src_geometry: c.geometry } : {}),
    src_crs: c.crs,
    precision: claimed,
    uncertainty_m: c.evidence.uncertainty_m,
    evidence: { kind: c.evidence.kind, citation: c.evidence.citation, date: c.evidence.date, ...(c.evidence.contributor ? { contributor: c.evidence.contributor } : {}) },
    sentences: theirs,
    data_version: c.data_version,
    created: c.created,
    accepted: ctx.today,
    replaces: { precision: loc.precision, method: loc.method },
    ...(rung(loc.precision) < rung(claimed) ? { forced: true as const } : {}),
    ...(outsideLinghe.length ? { outside: true as const } : {}),
  };
  return { item: c.item, problems, summary, diff, accepted };
}
