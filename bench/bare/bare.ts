/**
 * The load-time baseline: the least a page can do to draw the Atlas's map. It fetches the same
 * files the map needs (items + basemap boundaries and context), builds the same style with the
 * Atlas's own functions (basemapStyle, itemLayers, hatchPixels, the same flat filter records and
 * uncertainty circles) and nothing else: no schema parsing, no report, no list, no filters, no UI
 * framework. What the Atlas costs above this is what its app code costs.
 */
import { Map as MlMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { mapRecord, toRecord } from '../../src/lib/filters';
import { bboxOf, circleRing, labelPoint, unionBbox } from '../../src/lib/geometry';
import { BASEMAP_LAYERS, basemapStyle } from '../../src/lib/map/basemap';
import { HATCH_PREFIX, hatchPixels, ITEM_LABEL_LAYERS, ITEM_SOURCES, itemLayers, labelMinZoom } from '../../src/lib/map/itemLayers';
import type { BoundaryCollection, ContextCollection, ItemCollection } from '../../src/lib/schema';
import { CATEGORY_COLOURS } from '../../src/lib/taxonomy';

setWorkerUrl(workerUrl);

const get = <T>(file: string): Promise<T> => fetch(new URL(`data/${file}`, document.baseURI)).then((r) => r.json() as Promise<T>);

const [items, boundaries, context, manifest] = await Promise.all([
  get<ItemCollection>('items.geojson'),
  get<BoundaryCollection>('basemap/boundaries.geojson'),
  get<ContextCollection>('basemap/context.geojson'),
  get<{ linghe_bbox: [number, number, number, number] }>('manifest.json'),
]);

const features: GeoJSON.Feature[] = [];
const circles: GeoJSON.Feature[] = [];
const areaLabels: GeoJSON.Feature[] = [];
for (const item of items.features) {
  if (!item.geometry) continue;
  // As the Atlas's controller does: the filter record plus the names its label layers draw.
  const properties = { ...mapRecord(toRecord(item)), name: item.properties.name, name_en: item.properties.name_en };
  features.push({ type: 'Feature', geometry: item.geometry, properties });
  const r = item.properties.location.uncertainty_m;
  if (item.properties.location.precision === 'near' && item.geometry.type === 'Point' && r) {
    circles.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing(item.geometry.coordinates, r)] }, properties });
  }
  // the area names' points, as the controller places them
  if (item.geometry.type === 'Polygon' || item.geometry.type === 'MultiPolygon') {
    const [w, so, e, n] = bboxOf([item.geometry])!;
    areaLabels.push({ type: 'Feature', geometry: { type: 'Point', coordinates: labelPoint(item.geometry) }, properties: { ...properties, label_rank: -(e - w) * (n - so) } });
  }
}

const map = new MlMap({
  container: 'map',
  style: basemapStyle(boundaries, context),
  // the Atlas's first view: Linghe and every mapped item
  bounds: unionBbox(manifest.linghe_bbox, bboxOf(items.features.map((f) => f.geometry)))!,
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
  localIdeographFontFamily: '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
  maxZoom: 18,
  minZoom: 7,
  fadeDuration: 0, // as the Atlas
});
map.on('load', () => {
  for (const [category, colour] of Object.entries(CATEGORY_COLOURS)) map.addImage(`${HATCH_PREFIX}${category}`, hatchPixels(colour));
  const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  map.addSource(ITEM_SOURCES.items, { type: 'geojson', data: empty, promoteId: 'id' });
  map.addSource(ITEM_SOURCES.uncertainty, { type: 'geojson', data: empty, promoteId: 'id' });
  map.addSource(ITEM_SOURCES.areaLabels, { type: 'geojson', data: empty, promoteId: 'id' });
  // Same stacking as the Atlas: shapes under the basemap's points, item labels on top. This is the
  // naive design (itemLayers' LayerMode 'naive'): every layer, labels included, on the item sources,
  // filtered by setFilter (each change re-tiles them), the year's status as new paint.
  for (const layer of itemLayers('st', 'zh', 'naive')) map.addLayer(layer, ITEM_LABEL_LAYERS.includes(layer.id) ? undefined : BASEMAP_LAYERS.contextPoint);
  for (const id of ITEM_LABEL_LAYERS) map.setLayerZoomRange(id, labelMinZoom(features.length), 24);
  (map.getSource(ITEM_SOURCES.items) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  (map.getSource(ITEM_SOURCES.uncertainty) as GeoJSONSource).setData({ type: 'FeatureCollection', features: circles });
  (map.getSource(ITEM_SOURCES.areaLabels) as GeoJSONSource).setData({ type: 'FeatureCollection', features: areaLabels });
});
// The benchmark's probe reads the map through the same handle as for the Atlas.
(window as unknown as { __atlasMap?: MlMap }).__atlasMap = map;
