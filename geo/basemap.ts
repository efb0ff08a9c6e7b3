/**
 * The context layer of the offline basemap: railway stations, landmarks and colleges in and
 * around Linghe, so the district outline has recognisable places on it. Points only, each one a
 * gazetteer entry (its id is the feature's id), already in WGS-84.
 */
import { ContextCollection, type GazetteerEntry } from '../src/lib/schema';

/** How far beyond Linghe's bbox context points are kept: enough for 锦州北站 (~2.5 km north). */
export const CONTEXT_MARGIN_M = 3500;

export type ContextKind = 'station' | 'landmark' | 'college';

/** Names that make a POI a landmark worth a label (parks, squares, memorials, temples, sites). */
const LANDMARK_NAME = /公园|广场|纪念馆|陵园|纪念碑|动物园|寺|塔|庙|遗址|教堂|植物园|^怡园$|^拙园$|^绿古园$|^水景园$|^军威园$/;
/**
 * Not landmarks: guesthouses, and sub-points of a park ("凌河公园-休息亭", "猴馆-黑帽悬猴"),
 * whose parent is already a point.
 */
const NOT_LANDMARK = /民宿|-/;

export function contextKind(e: GazetteerEntry): ContextKind | null {
  if (!e.coordinates) return null;
  if (e.kind === 'railway_station') return 'station';
  if (e.kind === 'college') return 'college';
  if (e.kind === 'poi' && LANDMARK_NAME.test(e.name) && !NOT_LANDMARK.test(e.name)) return 'landmark';
  return null;
}

/** bbox grown by `marginM` metres on every side (a local, flat approximation is plenty at 4 km). */
export function growBbox([w, s, e, n]: [number, number, number, number], marginM: number): [number, number, number, number] {
  const dLat = marginM / 111_320;
  const dLon = marginM / (111_320 * Math.cos((((s + n) / 2) * Math.PI) / 180));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
}

export function buildContext(
  entries: GazetteerEntry[],
  lingheBbox: [number, number, number, number],
  marginM = CONTEXT_MARGIN_M,
): ContextCollection {
  const [w, s, e, n] = growBbox(lingheBbox, marginM);
  const features = entries
    .flatMap((entry) => {
      const kind = contextKind(entry);
      const c = entry.coordinates;
      if (!kind || !c || c[0] < w || c[0] > e || c[1] < s || c[1] > n) return [];
      return [{
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: c },
        properties: { id: entry.id, name: entry.name, kind },
      }];
    })
    .sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
  return ContextCollection.parse({ type: 'FeatureCollection', features });
}
