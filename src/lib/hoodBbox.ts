/**
 * What choosing a neighbourhood frames: the polygons of its area-plan items if there are any (铁北 →
 * the Tiebei new-town area, which holds the plan for the area north of 松坡路), else its polygon
 * items, else all its mapped items; null when none of its items is mapped (subdistricts have no
 * polygons of their own: see the geodata README).
 */
import { bboxOf, type Bbox } from './geometry';
import type { ItemFeature } from './schema';

export function hoodBbox(items: readonly ItemFeature[], hood: string): Bbox | null {
  const inHood = items.filter((f) => f.geometry && f.properties.neighbourhoods.includes(hood));
  const polygons = inHood.filter((f) => f.geometry!.type === 'Polygon' || f.geometry!.type === 'MultiPolygon');
  const plans = polygons.filter((f) => f.properties.category === 'area_plan');
  for (const set of [plans, polygons, inHood]) if (set.length) return bboxOf(set.map((f) => f.geometry));
  return null;
}
