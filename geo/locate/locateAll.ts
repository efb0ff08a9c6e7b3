/**
 * Locates every item draft: the method its locations.yaml entry names, else the subdistrict
 * fallback, else the district; then, for items still without a geometry, a cached geocoder answer.
 * A method that cannot do what the annotation asks is a problem (collected, all reported), and the
 * item falls back rather than disappearing.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BoundaryCollection, GazetteerEntry, ItemDraft, ItemFeature, Location } from '../../src/lib/schema';
import { PRECISION_LABELS } from '../../src/lib/taxonomy';
import { lingheFeature } from '../boundaries';
import { locateCommunity, locateDistrict, locateOutside, locateSubdistrictFallback } from './adminUnit';
import type { LocationAnnotation, LocationsFile } from './annotations';
import { locateCitedPlace } from './citedPlace';
import { joinNotesZh, type Notes } from './evidence';
import { locateCrossing } from './crossing';
import { locateNorthOfLine } from './northOfLine';
import { locateStreet } from './streetPoints';
import { locateContributed, type ContributionsFile } from '../contribute/store';

export type GeocodeLocator = (item: ItemDraft, linghe: Feature<Polygon | MultiPolygon>) => Location | null;

export interface LocateContext {
  gazetteer: GazetteerEntry[];
  boundaries: BoundaryCollection;
  locations: LocationsFile;
  /** Accepted contributions (geo/contribute/): reviewed, so they come before the annotation. */
  contributions?: ContributionsFile;
  /** Consulted for items left at subdistrict/district precision (geo/geocode/locate.ts). */
  geocode?: GeocodeLocator;
}

export function locateAnnotated(a: LocationAnnotation, ctx: LocateContext, index: ReadonlyMap<string, GazetteerEntry>): Location {
  switch (a.method) {
    case 'cited-place':
      return locateCitedPlace(a, index);
    case 'crossing-offset':
      return locateCrossing(a, index);
    case 'street-points':
      return locateStreet(a, ctx.gazetteer);
    case 'north-of-line':
      return locateNorthOfLine(a, ctx.gazetteer, index, ctx.boundaries);
    case 'community-name':
      return locateCommunity(a, index);
    case 'district':
      return locateDistrict(a, index);
    case 'outside':
      return locateOutside(a, index);
  }
}

const UNNARROWED: Notes = {
  note: 'No cited evidence narrows this item below the district.',
  note_zh: '没有引用证据能把该条目定位到比全区更小的范围。',
};

/** The geocoder's location, its note saying what the item had before it, in both languages. */
function afterGeocoder(g: Location, before: Location): Location {
  const note = [g.note, `Before the geocoder: ${before.precision} (${before.method}).`].filter(Boolean).join(' ');
  // A geocoder note without a Chinese counterpart leaves note_zh out: the app then shows the whole English note.
  if (g.note && !g.note_zh) return { ...g, note };
  return { ...g, note, note_zh: joinNotesZh(g.note_zh, `地理编码之前：${PRECISION_LABELS[before.precision].zh}（${before.method}）`) };
}

export function locateOne(draft: ItemDraft, ctx: LocateContext, index: ReadonlyMap<string, GazetteerEntry>, problems: string[]): Location {
  const a = ctx.locations[draft.id];
  let loc: Location | null = null;
  const c = ctx.contributions?.[draft.id];
  if (c) {
    try {
      loc = locateContributed(draft.id, c, index);
    } catch (err) {
      problems.push(`item ${draft.id}: ${(err as Error).message}`);
    }
  }
  if (a && !loc) {
    try {
      loc = locateAnnotated(a, ctx, index);
    } catch (err) {
      problems.push(`item ${draft.id}: ${(err as Error).message}`);
    }
  }
  loc ??= locateSubdistrictFallback(draft, ctx.gazetteer, index) ?? locateDistrict(UNNARROWED, index);
  if ((loc.precision === 'subdistrict' || loc.precision === 'district') && ctx.geocode) {
    const g = ctx.geocode(draft, lingheFeature(ctx.boundaries) as Feature<Polygon | MultiPolygon>);
    if (g) loc = afterGeocoder(g, loc);
  }
  return loc;
}

export function toFeature(draft: ItemDraft, loc: Location): ItemFeature {
  const { geometry, ...location } = loc;
  return { type: 'Feature', id: draft.id, geometry, properties: { ...draft, location } };
}

export function locateAll(drafts: ItemDraft[], ctx: LocateContext): { items: ItemFeature[]; problems: string[] } {
  const index = new Map(ctx.gazetteer.map((e) => [e.id, e]));
  const problems: string[] = [];
  const known = new Set(drafts.map((d) => d.id));
  for (const id of Object.keys(ctx.locations)) if (!known.has(id)) problems.push(`locations.yaml: no item "${id}"`);
  for (const id of Object.keys(ctx.contributions ?? {})) if (!known.has(id)) problems.push(`contributions.json: no item "${id}"`);
  const items = drafts.map((d) => toFeature(d, locateOne(d, ctx, index, problems)));
  return { items, problems };
}
