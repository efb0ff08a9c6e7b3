/**
 * What the map frames, as pure functions: an item (its geometry grown by its uncertainty, with a
 * zoom cap per precision, so a ±2 km bridge is never shown at a 200 m scale), a neighbourhood (its
 * outline where one exists, else its located items with their uncertainty, else the district), and
 * the outline an area-level item can be highlighted with.
 */
import { communitiesOf } from './filters';
import { bboxOf, unionBbox, type Bbox } from './geometry';
import type { Geometry, ItemFeature, Precision } from './schema';

/** Closest zoom a frame goes to, per precision: a frame never claims more detail than the location has. */
export const ZOOM_CAP: Record<Precision, number> = {
  exact: 17,
  near: 15,
  street: 15,
  area: 13,
  subdistrict: 13,
  district: 12,
  outside: 12,
};

const EARTH_RADIUS_M = 6_371_008.8;

/** A bbox grown by `m` metres on every side. */
export function growBbox([w, s, e, n]: Bbox, m: number): Bbox {
  if (m <= 0) return [w, s, e, n];
  const dLat = (m / EARTH_RADIUS_M) * (180 / Math.PI);
  const lat = Math.max(Math.abs(s), Math.abs(n));
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  return [w - dLng, s - dLat, e + dLng, n + dLat];
}

/** The item's geometry with its uncertainty around it, or null when it has no geometry. */
export function itemBbox(item: ItemFeature): Bbox | null {
  const b = bboxOf([item.geometry]);
  return b && growBbox(b, item.properties.location.uncertainty_m ?? 0);
}

export interface Frame {
  bbox: Bbox;
  maxZoom: number;
}

/** How opening an item frames the map; null for an item without geometry. */
export function itemFrame(item: ItemFeature): Frame | null {
  const bbox = itemBbox(item);
  return bbox && { bbox, maxZoom: ZOOM_CAP[item.properties.location.precision] };
}

/** The items of a neighbourhood: listed in it, or (for a community) citing it as evidence. */
export function inHood(item: ItemFeature, hood: string): boolean {
  return item.properties.neighbourhoods.includes(hood) || communitiesOf(item).includes(hood);
}

const isPolygon = (g: Geometry | null) => g?.type === 'Polygon' || g?.type === 'MultiPolygon';

/**
 * A neighbourhood's outline: the polygons of its area plans if any (铁北 → the Tiebei new town and
 * the plan north of 松坡路), else null. Subdistricts and communities have no outline in the data,
 * and none is invented.
 */
export function hoodOutline(items: readonly ItemFeature[], hood: string): Geometry[] | null {
  const plans = items.filter((f) => isPolygon(f.geometry) && f.properties.category === 'area_plan' && f.properties.neighbourhoods.includes(hood));
  return plans.length ? plans.map((f) => f.geometry!) : null;
}

export interface HoodFrame extends Frame {
  /** What the frame shows: the outline, the located items, or (nothing known) the whole district. */
  by: 'outline' | 'items' | 'district';
  /** Items in the neighbourhood, located or not. */
  count: number;
}

/** How choosing a neighbourhood frames the map (see the header). */
export function hoodFrame(items: readonly ItemFeature[], hood: string, district: Bbox): HoodFrame {
  const members = items.filter((f) => inHood(f, hood));
  const outline = hoodOutline(items, hood);
  if (outline) return { bbox: bboxOf(outline)!, maxZoom: ZOOM_CAP.area, by: 'outline', count: members.length };
  let bbox: Bbox | null = null;
  let maxZoom = 0;
  for (const f of members) {
    const b = itemBbox(f);
    if (!b) continue;
    bbox = unionBbox(bbox, b);
    maxZoom = Math.max(maxZoom, ZOOM_CAP[f.properties.location.precision]);
  }
  if (bbox) return { bbox, maxZoom, by: 'items', count: members.length };
  return { bbox: district, maxZoom: ZOOM_CAP.district, by: 'district', count: members.length };
}

export interface ItemArea {
  kind: 'district' | 'subdistrict' | 'outside';
  /** The outline to highlight: Linghe's for a district-level item, a named area's where one exists. */
  outline: Geometry[] | null;
  /** The neighbourhood the item is known to be in (subdistrict level), if any. */
  hood: string | null;
}

/**
 * The area an item without geometry is known to be in, and the outline to highlight for it; null
 * for an item that is drawn. A subdistrict-level item in a named area with an outline (铁北)
 * highlights that area; one known only to its subdistrict has no outline to show.
 */
export function itemArea(item: ItemFeature, items: readonly ItemFeature[], linghe: Geometry | null, subdistricts: readonly string[]): ItemArea | null {
  if (item.geometry) return null;
  const p = item.properties;
  if (p.location.precision === 'outside') return { kind: 'outside', outline: null, hood: null };
  if (p.location.precision === 'subdistrict') {
    for (const h of p.neighbourhoods) {
      const outline = subdistricts.includes(h) ? null : hoodOutline(items, h);
      if (outline) return { kind: 'subdistrict', outline, hood: h };
    }
    return { kind: 'subdistrict', outline: null, hood: p.neighbourhoods.find((h) => subdistricts.includes(h)) ?? p.neighbourhoods[0] ?? null };
  }
  return { kind: 'district', outline: linghe ? [linghe] : null, hood: null };
}

/** Closest zoom a pin is shown at: the pin is a place the user chose, not evidence, so a street view. */
export const PIN_ZOOM_CAP = 16;

/** How a pin is framed: centred, with its "near here" radius around it. */
export function pinFrame(pin: { lat: number; lng: number }, radius: number): Frame {
  return { bbox: growBbox([pin.lng, pin.lat, pin.lng, pin.lat], radius), maxZoom: PIN_ZOOM_CAP };
}

export interface RestoredState {
  item: string | null;
  pin: { lat: number; lng: number } | null;
  radius: number;
  hoods: readonly string[];
}

/**
 * What an opened link frames when it carries no `#map=` view (a view in the link wins: the sender
 * chose it). The most specific part wins: the item (its own frame, else its area's), then the pin,
 * then the one chosen neighbourhood, framed exactly as choosing it does; null leaves the map alone.
 */
export function restoredFrame(
  s: RestoredState,
  frames: { item: (id: string) => Frame | null; hood: (id: string) => Frame | null },
): Frame | null {
  const item = s.item ? frames.item(s.item) : null;
  if (item) return item;
  if (s.pin) return pinFrame(s.pin, s.radius);
  return s.hoods.length === 1 ? frames.hood(s.hoods[0]) : null;
}
