/**
 * Checks every located item before anything is written, and returns ALL problems (the CLI prints
 * them and exits non-zero): schema, geometry validity, inside Linghe (with a margin) unless
 * `outside`, no null island, no geometry without evidence, every evidence source in the gazetteer
 * and cited as published, no duplicate ids, precision consistent with geometry, verbatim quotes.
 */
import { booleanPointInPolygon, buffer, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  type BoundaryCollection,
  type GazetteerEntry,
  type Geometry,
  ItemFeature,
  MAPPED_PRECISIONS,
  type Position,
  type Report,
} from '../src/lib/schema';
import { positions as positionsOf } from '../src/lib/geometry';
import { NEIGHBOURHOOD_IDS } from '../src/lib/taxonomy';
import { lingheFeature } from './boundaries';

/** How far outside Linghe's (~100 m quantised) polygon a located item may lie: edge sites, offsets. */
export const INSIDE_MARGIN_M = 300;

/** Structural problems of one geometry: unclosed rings, self-intersections, null island. */
export function geometryProblems(g: Geometry): string[] {
  const out: string[] = [];
  const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  rings.forEach((r, i) => {
    const [a, b] = [r[0], r[r.length - 1]];
    if (a[0] !== b[0] || a[1] !== b[1]) out.push(`ring ${i} is not closed`);
  });
  if (out.length === 0) {
    // Per part: polygons of a MultiPolygon may touch at a point (valid), a ring may not cross itself.
    const parts: Geometry[] = g.type === 'MultiPolygon' ? g.coordinates.map((c) => ({ type: 'Polygon', coordinates: c })) : g.type === 'Point' ? [] : [g];
    const k = parts.reduce((n, part) => n + kinks(part as never).features.length, 0);
    if (k) out.push(`${k} self-intersection(s)`);
  }
  if (positionsOf(g).some(([x, y]) => Math.abs(x) < 1e-6 && Math.abs(y) < 1e-6)) out.push('a position at null island (0, 0)');
  return out;
}

export function validateItems(
  items: unknown[],
  gazetteer: GazetteerEntry[],
  boundaries: BoundaryCollection,
  report?: Report,
): string[] {
  const problems: string[] = [];
  const index = new Map(gazetteer.map((e) => [e.id, e]));
  const zone = buffer(lingheFeature(boundaries) as Feature<Polygon | MultiPolygon>, INSIDE_MARGIN_M, { units: 'meters' })!;
  const seen = new Set<string>();
  items.forEach((raw, n) => {
    const parsed = ItemFeature.safeParse(raw);
    const label = `item ${(raw as { id?: string })?.id ?? `#${n}`}`;
    if (!parsed.success) {
      problems.push(`${label}: does not parse: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    const f = parsed.data;
    const say = (msg: string) => problems.push(`${label}: ${msg}`);
    const loc = f.properties.location;
    if (seen.has(f.id)) say('duplicate id');
    seen.add(f.id);
    if (f.id !== f.properties.id) say(`feature id ≠ properties.id (${f.properties.id})`);

    const mapped = MAPPED_PRECISIONS.includes(loc.precision);
    if (mapped && !f.geometry) say(`precision ${loc.precision} but no geometry`);
    if ((loc.precision === 'subdistrict' || loc.precision === 'district') && f.geometry) say(`precision ${loc.precision} with a geometry`);
    if (loc.precision === 'near' && !(loc.uncertainty_m && loc.uncertainty_m > 0)) say('near without an uncertainty radius');
    if (loc.evidence.length === 0) say('no evidence');
    if (f.geometry && !loc.evidence.some((e) => e.src_coordinates)) say('geometry without evidence that has coordinates');

    for (const ev of loc.evidence) {
      const g = index.get(ev.source);
      if (!g) {
        say(`evidence source "${ev.source}" is not in the gazetteer`);
        continue;
      }
      if (g.src_crs !== ev.src_crs || JSON.stringify(g.src_coordinates) !== JSON.stringify(ev.src_coordinates)) {
        say(`evidence "${ev.source}" is not cited as published (${ev.src_crs} ${JSON.stringify(ev.src_coordinates)})`);
      }
    }

    if (f.geometry) {
      for (const p of geometryProblems(f.geometry)) say(`geometry: ${p}`);
      if (loc.precision !== 'outside') {
        const out = positionsOf(f.geometry).filter((p) => !booleanPointInPolygon(p, zone));
        if (out.length) say(`${out.length} position(s) outside Linghe + ${INSIDE_MARGIN_M} m, e.g. ${JSON.stringify(out[0])}`);
      }
    }
    for (const nb of f.properties.neighbourhoods) if (!NEIGHBOURHOOD_IDS.has(nb)) say(`unknown neighbourhood "${nb}"`);
    if (report) {
      for (const m of f.properties.mentions) {
        if (report.text.slice(m.start, m.end) !== m.quote) say(`mention ${m.start}-${m.end} is not verbatim: "${m.quote}"`);
      }
    }
  });
  return problems;
}
