/**
 * The one place that touches MapLibre. Components hand it data and state; it owns the map instance,
 * the sources and the layers, and reports back through callbacks. Nothing else imports maplibre-gl.
 */
import {
  AttributionControl,
  Map as MlMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type FilterSpecification,
  type GeoJSONSource,
  type LayerSpecification,
  type ControlPosition,
  type IControl,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AtlasData } from '../data';
import { mapRecord, type FilterRecord, type MapRecord } from '../filters';
import { escapeHtml } from '../escapeHtml';
import { bboxOf, circleRing, labelPoint, type Bbox } from '../geometry';
import type { Geometry, ItemFeature } from '../schema';
import { CATEGORY_COLOURS } from '../taxonomy';
import type { Pin, View } from '../url';
import { BASEMAP_LAYERS, BASEMAP_SOURCES, basemapLabelField, basemapStyle, districtLabelPoints, withEnglishNames } from './basemap';
import { DATUM, streetLayers, type BasemapId, type Datum } from './basemaps';
import { BASEMAP_CONFIG } from './basemapConfig';
import { fromDatum, shiftBbox, shiftCollection, toDatum } from './shift';
import { StreetBasemap, type StreetFailure } from './streetBasemap';
import {
  HATCH_PREFIX,
  hatchPixels,
  ITEM_FEATURE_LAYERS,
  ITEM_LABEL_LAYERS,
  ITEM_LAYERS,
  ITEM_SOURCES,
  itemLayers,
  labelField,
  LABEL_DENSE_ITEMS,
  labelMinZoom,
  layerFilter,
} from './itemLayers';
import { changedBits, hasBit, statusOverride } from './featureStates';
import { PlacingLayer, type PlacingHandlers } from './placing';
import { PointLayer, type GpuPoint } from './pointLayer';

setWorkerUrl(workerUrl);

export type { Bbox };

/** An item as the map draws it now: its feature properties (the filter record and names). */
export type RenderedItem = MapRecord & { name: string; name_en: string; contributed: boolean };

export interface MapSnapshot {
  url: string;
  widthPx: number;
  heightPx: number;
  metresPerPixel: number;
}

export interface MapOptions {
  container: HTMLElement;
  /** Null while the data are still on their way: the map starts empty and `setData` fills it. */
  data: AtlasData | null;
  /** Credits, one per source in use, as plain text (escaped here: MapLibre renders them as HTML). */
  attributions: string[];
  /** Where to open: a viewport from the URL, else these bounds (null: `setData` frames them). */
  view?: View | null;
  bounds: Bbox | null;
  onError?: (message: string) => void;
  onHover?: (id: string | null) => void;
  onSelect?: (id: string) => void;
  onMove?: (view: View) => void;
  /** A street basemap could not be shown; the map is back on the offline one. */
  onBasemapFail?: (id: BasemapId, failure: StreetFailure) => void;
  /** Pixels at the bottom hidden by the panel (a bottom sheet on phones), kept out of frames. */
  coveredBottom?: () => number;
  /** Pixels at the top hidden by on-map overlays (the area tray, notes), kept out of frames too. */
  coveredTop?: () => number;
  /** The user asked for a link to a place: right-click, long-press, or P with the map focused (its centre). */
  onPin?: (pin: Pin) => void;
}

const NO_DATA: AtlasData = {
  manifest: null,
  items: { type: 'FeatureCollection', features: [] },
  boundaries: { type: 'FeatureCollection', features: [] },
  context: { type: 'FeatureCollection', features: [] },
};

/** Layers the user can switch off, by what they show. */
export const LAYER_GROUPS = {
  uncertainty: [ITEM_LAYERS.uncertaintyFill, ITEM_LAYERS.uncertaintyLine],
  context: [BASEMAP_LAYERS.contextPoint, BASEMAP_LAYERS.contextLabel],
  areas: [ITEM_LAYERS.areaFill, ITEM_LAYERS.areaLine, ITEM_LAYERS.labelArea],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

/** A finger held this long without moving (more than LONG_PRESS_SLOP px) drops a pin. */
const LONG_PRESS_MS = 600;
const LONG_PRESS_SLOP = 10;

/** Sources and layers of the map's own overlays (not items): the highlighted area, the pin. */
export const OVERLAY = {
  focusSource: 'focus-area',
  focusLine: 'focus-area-line',
  focusCasing: 'focus-area-casing',
  pinSource: 'pin',
  pinRadius: 'pin-radius',
  pinRadiusLine: 'pin-radius-line',
  pinPoint: 'pin-point',
  placeSource: 'search-place',
  placePoint: 'search-place-point',
  placeLabel: 'search-place-label',
} as const;

/** A place chosen in the search: a marker with its name (WGS-84 [lng, lat]). */
export interface PlaceMark {
  name: string;
  at: [number, number];
}

/** Least height of map (px) a frame must keep clear of overlays, else it ignores the top ones. */
const MIN_FRAME_PX = 160;

/** Frames never zoom closer than this: a point item should still show its street context. */
const FRAME_MAX_ZOOM = 14.5;

export class MapController {
  readonly map: MlMap;
  #loaded = false;
  #destroyed = false;
  #queue: (() => void)[] = [];
  #itemsDrawn!: () => void;
  /** Resolves once the map has drawn the first items and gone idle (see `itemsDrawn`). */
  readonly #drawn = new Promise<void>((resolve) => (this.#itemsDrawn = resolve));
  #hovered: string | null = null;
  #selected: string | null = null;
  /** Built once: filters and the year's status reach shapes by feature-state and points through the GPU layer, never as new paint. */
  readonly #layers: LayerSpecification[] = itemLayers('st', 'zh', 'atlas');
  /** The points, drawn by the GPU (pointLayer.ts). */
  readonly #points = new PointLayer();
  /** Feature id per item index (null: not mapped), its record, and the item index of an id. */
  #ids: (string | null)[] = [];
  #records: MapRecord[] = [];
  #indexOf = new Map<string, number>();
  /**
   * Items drawn by MapLibre layers that hide by feature-state: lines, polygons, uncertainty circles,
   * contributed rings. Points are not among them (the GPU layer hides those), so at 100k points
   * there is no feature-state to carry into every new tile.
   */
  #stateful: number[] = [];
  #hasCircle = new Set<number>();
  /** The matching items as last applied (a FilterIndex bitset; null = all shown), and as last asked for. */
  #shown: Uint32Array | null = null;
  #wantShown: Uint32Array | null = null;
  /** The user's filter as the label layers should have it, and as each has it now. */
  #labelFilter: FilterSpecification = ['all'];
  #labelFilterOn = new Map<string, FilterSpecification>();
  /** The status key last applied ('st' = all years), and the one asked for. */
  #statusKey = 'st';
  #wantStatusKey = 'st';

  #container: HTMLElement;
  #coveredBottom: () => number;
  #coveredTop: () => number;
  #attributions: string[] = [];
  #controls: IControl[] = [];
  #data: AtlasData;
  #street: StreetBasemap | undefined;
  #basemap: BasemapId = 'offline';
  /** The datum overlays are drawn in: GCJ-02 under 高德 tiles, else WGS-84. */
  #datum: Datum = 'wgs84';
  /** The last items sent, in WGS-84, so a datum change can redraw them. */
  #features: GeoJSON.Feature[] = [];
  #circles: GeoJSON.Feature[] = [];
  #areaLabels: GeoJSON.Feature[] = [];
  #onBasemapFail: MapOptions['onBasemapFail'];
  #streetCredit: string | null = null;
  /** While an item is being placed, clicks add vertices instead of selecting items. */
  #placing: PlacingLayer | null = null;
  /** The overlays last asked for, in WGS-84, so a datum change can redraw them. */
  #focusArea: readonly Geometry[] | null = null;
  #pin: { pin: Pin | null; radius: number } = { pin: null, radius: 0 };
  #place: PlaceMark | null = null;
  /** English names for the basemap's Chinese ones, once pinyin is in (placeNames.ts). */
  #english: ((zh: string) => string) | null = null;

  constructor({ container, data, attributions, view, bounds, onError, onHover, onSelect, onMove, onBasemapFail, coveredBottom, coveredTop, onPin }: MapOptions) {
    this.#container = container;
    this.#coveredBottom = coveredBottom ?? (() => 0);
    this.#coveredTop = coveredTop ?? (() => 0);
    this.#data = data ?? NO_DATA;
    this.#onBasemapFail = onBasemapFail;
    this.map = new MlMap({
      container,
      style: basemapStyle(this.#data.boundaries, this.#data.context),
      ...(view ? { center: [view.lng, view.lat], zoom: view.zoom } : bounds ? { bounds, fitBoundsOptions: { padding: this.#padding(24) } } : {}),
      attributionControl: false,
      // Chinese labels from the machine's fonts; no glyph server is ever asked.
      localIdeographFontFamily: '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      maxZoom: 18,
      minZoom: 7,
      // Labels appear at once: a fade would hold every filter change ~300 ms before the map is idle.
      fadeDuration: 0,
    });
    this.#attributions = attributions;
    this.#addControls();
    this.map.on('error', (ev) => {
      // A street basemap's tile errors are its watch's business: it falls back and says why.
      if (!StreetBasemap.owns(ev as { sourceId?: string })) onError?.(ev.error?.message ?? String(ev.error ?? ev.type));
    });
    this.map.on('load', () => {
      this.#addItemLayers();
      this.#street = new StreetBasemap(this.map, BASEMAP_LAYERS.districtFill, [BASEMAP_LAYERS.districtFill, BASEMAP_LAYERS.lingheFill]);
      this.#addOverlayLayers();
      this.#loaded = true;
      for (const f of this.#queue.splice(0)) f();
    });
    this.map.on('zoom', () => {
      if (this.#loaded) this.#applyLabelFilter();
    });
    this.map.on('moveend', () => {
      const [lng, lat] = fromDatum(this.map.getCenter().toArray(), this.#datum);
      onMove?.({ zoom: this.map.getZoom(), lat, lng });
    });
    // One handler over all item layers: the top-most item under the pointer wins (points over areas).
    const idAt = (e: MapMouseEvent): string | null => {
      if (!this.#loaded) return null;
      // Hidden items stay in the tiles (drawn with opacity 0, or not drawn by the GPU layer): the
      // same bitset that hides them drops them here.
      const f = this.map.queryRenderedFeatures(e.point, { layers: [...ITEM_FEATURE_LAYERS] }).find((x) => this.#isShown(x.properties?.id as string | undefined));
      return (f?.properties?.id as string | undefined) ?? null;
    };
    this.map.on('mousemove', (e) => {
      const id = idAt(e);
      this.map.getCanvas().style.cursor = id ? 'pointer' : '';
      if (id !== this.#hovered) onHover?.(id);
    });
    this.map.getCanvas().addEventListener('mouseleave', () => {
      if (this.#hovered) onHover?.(null);
    });
    this.map.on('click', (e) => {
      if (this.#placing) return;
      const id = idAt(e);
      if (id) onSelect?.(id);
    });
    this.#listenForPins(onPin);
    // Tests and the benchmark read map state through this handle (not pixels).
    (window as unknown as { __atlasMap?: MlMap }).__atlasMap = this.map;
  }

  /** Right-click, long-press (touch) and the P key (the map's centre) each ask for a pin. */
  #listenForPins(onPin: MapOptions['onPin']): void {
    if (!onPin) return;
    // The pin is kept (and linked) in WGS-84 whatever datum the map draws in.
    const at = (lngLat: { lat: number; lng: number }) => {
      const [lng, lat] = this.#fromMap([lngLat.lng, lngLat.lat]);
      onPin({ lat, lng });
    };
    this.map.on('contextmenu', (e) => {
      e.preventDefault();
      at(e.lngLat);
    });
    const canvas = this.map.getCanvasContainer();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let start: { x: number; y: number } | null = null;
    const cancel = () => {
      clearTimeout(timer);
      timer = undefined;
      start = null;
    };
    canvas.addEventListener('touchstart', (e) => {
      cancel();
      if (e.touches.length !== 1) return;
      const t = e.touches[0];
      start = { x: t.clientX, y: t.clientY };
      timer = setTimeout(() => {
        if (!start) return;
        const r = canvas.getBoundingClientRect();
        at(this.map.unproject([start.x - r.left, start.y - r.top]));
        cancel();
      }, LONG_PRESS_MS);
    }, { passive: true });
    canvas.addEventListener('touchmove', (e) => {
      const t = e.touches[0];
      if (start && t && Math.hypot(t.clientX - start.x, t.clientY - start.y) > LONG_PRESS_SLOP) cancel();
    }, { passive: true });
    canvas.addEventListener('touchend', cancel);
    canvas.addEventListener('touchcancel', cancel);
    this.map.getCanvas().addEventListener('keydown', (e) => {
      if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        at(this.map.getCenter());
      }
    });
  }

  #addOverlayLayers(): void {
    const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
    this.map.addSource(OVERLAY.focusSource, { type: 'geojson', data: empty });
    this.map.addSource(OVERLAY.pinSource, { type: 'geojson', data: empty });
    this.map.addSource(OVERLAY.placeSource, { type: 'geojson', data: empty });
    const below = BASEMAP_LAYERS.contextPoint;
    // The highlighted area: a wide pale casing under a dark dashed line, readable over any fill.
    this.map.addLayer({ id: OVERLAY.focusCasing, type: 'line', source: OVERLAY.focusSource, paint: { 'line-color': '#ffffff', 'line-width': 6, 'line-opacity': 0.9 } }, below);
    this.map.addLayer({ id: OVERLAY.focusLine, type: 'line', source: OVERLAY.focusSource, paint: { 'line-color': '#24221e', 'line-width': 2.5, 'line-dasharray': [3, 2] } }, below);
    const isRadius: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
    this.map.addLayer({ id: OVERLAY.pinRadius, type: 'fill', source: OVERLAY.pinSource, filter: isRadius, paint: { 'fill-color': '#1f5fbf', 'fill-opacity': 0.06 } }, below);
    this.map.addLayer({ id: OVERLAY.pinRadiusLine, type: 'line', source: OVERLAY.pinSource, filter: isRadius, paint: { 'line-color': '#1f5fbf', 'line-width': 1.5, 'line-dasharray': [2, 2] } }, below);
    // The pin on top of everything: it is the user's own mark.
    this.map.addLayer({
      id: OVERLAY.pinPoint,
      type: 'circle',
      source: OVERLAY.pinSource,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 7, 'circle-color': '#1f5fbf', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    });
    // The place chosen in the search: a ringed dot and its name, always drawn (it answers the
    // reader's own question), in a colour no category or status uses.
    this.map.addLayer({
      id: OVERLAY.placePoint,
      type: 'circle',
      source: OVERLAY.placeSource,
      paint: { 'circle-radius': 6, 'circle-color': '#24221e', 'circle-stroke-color': '#ffd84d', 'circle-stroke-width': 4 },
    });
    this.map.addLayer({
      id: OVERLAY.placeLabel,
      type: 'symbol',
      source: OVERLAY.placeSource,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': 14,
        'text-anchor': 'bottom',
        'text-offset': [0, -1],
        'text-max-width': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#24221e', 'text-halo-color': '#ffd84d', 'text-halo-width': 2.5 },
    });
  }

  /** Marks the place chosen in the search (null clears it). */
  setPlace(place: PlaceMark | null): void {
    this.#place = place;
    this.#whenLoaded(() => {
      const features: GeoJSON.Feature[] = place ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: place.at }, properties: { name: place.name } }] : [];
      (this.map.getSource(OVERLAY.placeSource) as GeoJSONSource).setData(shiftCollection({ type: 'FeatureCollection', features }, this.#datum));
    });
  }

  /** Resolves once the style and the item layers are in (the app shows a loading state until then). */
  loaded(): Promise<void> {
    return new Promise((resolve) => this.#whenLoaded(resolve));
  }

  /** Whether the style has loaded (what `loaded()` waits for), now. */
  get isLoaded(): boolean {
    return this.#loaded;
  }

  /** Shows or hides a group of layers (the legend's toggles); no source is touched. */
  setLayerGroup(group: LayerGroup, visible: boolean): void {
    this.#whenLoaded(() => {
      for (const id of LAYER_GROUPS[group]) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    });
  }

  /** Outlines the area an area-level item is known to be in (null clears it). */
  setFocusArea(outline: readonly Geometry[] | null): void {
    this.#focusArea = outline;
    this.#whenLoaded(() => {
      const features = (outline ?? []).map((g): GeoJSON.Feature => ({ type: 'Feature', geometry: g, properties: {} }));
      (this.map.getSource(OVERLAY.focusSource) as GeoJSONSource).setData(shiftCollection({ type: 'FeatureCollection', features }, this.#datum));
    });
  }

  /** Shows the pin and its radius (null clears them). */
  setPin(pin: Pin | null, radius: number): void {
    this.#pin = { pin, radius };
    this.#whenLoaded(() => {
      const features: GeoJSON.Feature[] = pin
        ? [
            { type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing([pin.lng, pin.lat], radius, 64)] }, properties: {} },
            { type: 'Feature', geometry: { type: 'Point', coordinates: [pin.lng, pin.lat] }, properties: {} },
          ]
        : [];
      (this.map.getSource(OVERLAY.pinSource) as GeoJSONSource).setData(shiftCollection({ type: 'FeatureCollection', features }, this.#datum));
    });
  }

  /** Runs `f` now if the style is in, else once it is. */
  #whenLoaded(f: () => void): void {
    if (this.#destroyed) return;
    if (this.#loaded) f();
    else this.#queue.push(f);
  }

  #addItemLayers(): void {
    for (const [category, colour] of Object.entries(CATEGORY_COLOURS)) {
      this.map.addImage(`${HATCH_PREFIX}${category}`, hatchPixels(colour));
    }
    const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
    this.map.addSource(ITEM_SOURCES.items, { type: 'geojson', data: empty, promoteId: 'id' });
    this.map.addSource(ITEM_SOURCES.uncertainty, { type: 'geojson', data: empty, promoteId: 'id' });
    this.map.addSource(ITEM_SOURCES.areaLabels, { type: 'geojson', data: empty, promoteId: 'id' });
    this.map.addSource(ITEM_SOURCES.labels, { type: 'geojson', data: empty, promoteId: 'id' });
    // Shapes under the basemap's points and labels, so stations and names stay readable over items;
    // item names on top, so they win label collisions against landmark names.
    for (const layer of this.#layers) {
      this.map.addLayer(layer, ITEM_LABEL_LAYERS.includes(layer.id) ? undefined : BASEMAP_LAYERS.contextPoint);
    }
    // The points where the circle layer was drawn: above lines and areas, under the contributed rings.
    this.map.addLayer(this.#points, ITEM_LAYERS.contributedLine);
    // Tests read what the GPU layer draws through these handles (the same bytes it uploads).
    const w = window as unknown as { __atlasRendered?: () => RenderedItem[]; __atlasPoint?: (id: string) => { drawn: boolean; status: number } };
    w.__atlasRendered = () => this.renderedItems();
    w.__atlasPoint = (id) => {
      const i = this.#indexOf.get(id) ?? -1;
      return { drawn: this.#points.isDrawn(i), status: this.#points.statusDrawn(i) };
    };
  }

  /** Mapped items with their filter records as properties, and a circle per `near` item. */
  /**
   * Resolves when the items are first drawn and the map is idle: work that would compete with the
   * map's start-up (the pinyin dictionary, 100k search texts) waits for it.
   */
  itemsDrawn(): Promise<void> {
    return this.#drawn;
  }

  setItems(items: readonly ItemFeature[], records: readonly FilterRecord[]): void {
    const features: GeoJSON.Feature[] = [];
    const circles: GeoJSON.Feature[] = [];
    const areaLabels: GeoJSON.Feature[] = [];
    const hadItems = this.#ids.length > 0;
    this.#ids = items.map((item) => (item.geometry ? item.id : null));
    this.#records = records.map(mapRecord);
    this.#indexOf = new Map(items.map((item, i) => [item.id, i]));
    this.#hasCircle = new Set();
    this.#stateful = [];
    items.forEach((item, i) => {
      if (!item.geometry) return;
      // What the label filter expression reads (no search text: see filterExpression), plus the
      // names the label layers draw.
      const properties = {
        ...this.#records[i],
        name: item.properties.name,
        name_en: item.properties.name_en,
        contributed: item.properties.location.method === 'contributed',
      };
      features.push({ type: 'Feature', geometry: item.geometry, properties });
      const r = item.properties.location.uncertainty_m;
      if (item.properties.location.precision === 'near' && item.geometry.type === 'Point' && r) {
        circles.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing(item.geometry.coordinates, r)] }, properties });
        this.#hasCircle.add(i);
      }
      if (item.geometry.type !== 'Point' || this.#hasCircle.has(i) || properties.contributed) this.#stateful.push(i);
      if (item.geometry.type === 'Polygon' || item.geometry.type === 'MultiPolygon') {
        // The larger area is named first (symbol-sort-key): a plan inside it gives way, not the other way round.
        const [w, so, e, n] = bboxOf([item.geometry])!;
        areaLabels.push({ type: 'Feature', geometry: { type: 'Point', coordinates: labelPoint(item.geometry) }, properties: { ...properties, label_rank: -(e - w) * (n - so) } });
      }
    });
    this.#features = features;
    this.#circles = circles;
    this.#areaLabels = areaLabels;
    this.#whenLoaded(() => {
      // Another dataset: states keyed by the old ids go, and every state is applied afresh.
      if (hadItems) for (const source of [ITEM_SOURCES.items, ITEM_SOURCES.uncertainty]) this.map.removeFeatureState({ source });
      this.#shown = null;
      this.#statusKey = 'st';
      this.#sendItems();
      // A dense dataset's label copy (labelled only from close in) is indexed once the map has drawn
      // the items, so it does not delay them; a small one is drawn with them, labels included.
      const dense = features.length > LABEL_DENSE_ITEMS;
      if (!dense) this.#sendLabels();
      this.map.once('idle', () => {
        if (dense) this.#sendLabels();
        this.#itemsDrawn();
      });
      for (const id of ITEM_LABEL_LAYERS) this.map.setLayerZoomRange(id, labelMinZoom(features.length, id), 24);
      this.#applyLabelFilter();
      // feature-state survives setData, but re-apply in case ids changed
      this.setHover(this.#hovered);
      this.setSelected(this.#selected);
      this.#applyStates();
    });
  }

  /** Points and lines for the two label layers (their own source, see ITEM_SOURCES.labels), in the current datum. */
  #sendLabels(): void {
    const labelled = this.#features.filter((f) => f.geometry.type === 'Point' || f.geometry.type === 'LineString');
    (this.map.getSource(ITEM_SOURCES.labels) as GeoJSONSource).setData(shiftCollection({ type: 'FeatureCollection', features: labelled }, this.#datum));
  }

  /** The points for the GPU layer, in the current datum, each with its item index and category colour. */
  #sendPoints(): void {
    const points: GpuPoint[] = [];
    this.#features.forEach((f) => {
      if (f.geometry.type !== 'Point') return;
      const i = this.#indexOf.get(f.properties!.id as string)!;
      points.push({ item: i, lngLat: this.#toMap(f.geometry.coordinates), colour: CATEGORY_COLOURS[this.#records[i].category] ?? '#555555' });
    });
    this.#points.setPoints(points, this.#ids.length);
    // a new set of points starts all shown, in the all-years status: apply what is asked for
    this.#points.setVisible(this.#shown);
    this.#points.setStatuses((i) => this.#records[i]?.[this.#statusKey as 'st']);
    this.#emphasise();
  }

  /** Items and circles in the current datum (circles are drawn in WGS-84 metres, then shifted). */
  #sendItems(): void {
    const fc = (features: GeoJSON.Feature[]) => shiftCollection({ type: 'FeatureCollection', features }, this.#datum);
    (this.map.getSource(ITEM_SOURCES.items) as GeoJSONSource).setData(fc(this.#features));
    (this.map.getSource(ITEM_SOURCES.uncertainty) as GeoJSONSource).setData(fc(this.#circles));
    (this.map.getSource(ITEM_SOURCES.areaLabels) as GeoJSONSource).setData(fc(this.#areaLabels));
    this.#sendPoints();
  }

  /**
   * The basemap: offline, or a street one under the overlays. A GCJ-02 basemap redraws every
   * overlay shifted and moves the camera so the same WGS-84 place stays in the centre; a failure
   * (or 天地图 without a key) goes back to offline and is reported through onBasemapFail.
   */
  setBasemap(id: BasemapId, tiandituKey: string): void {
    this.#whenLoaded(() => {
      if (id === this.#basemap) return;
      const spec = id === 'offline' ? null : streetLayers(BASEMAP_CONFIG, id, tiandituKey);
      this.#street!.hide();
      this.#basemap = id;
      if (id !== 'offline' && !spec) {
        this.#fallBack(id, { kind: 'no_key' });
        return;
      }
      this.#setDatum(DATUM[id]);
      if (spec) this.#street!.show(spec, (f) => this.#fallBack(id, f));
      this.#setCredit(spec?.attribution ?? null);
    });
  }

  #setCredit(credit: string | null): void {
    if (credit === this.#streetCredit) return;
    this.#streetCredit = credit;
    this.#addControls();
  }

  #fallBack(id: BasemapId, f: StreetFailure): void {
    this.#basemap = 'offline';
    this.#setCredit(null);
    this.#setDatum('wgs84');
    this.#onBasemapFail?.(id, f);
  }

  /**
   * The data, when the map was made before they arrived: the basemap's outline and places, the
   * credits, and (unless the link named a view) the first view, framed as the constructor frames it.
   */
  setData(data: AtlasData, attributions: string[], bounds: Bbox | null, frame: boolean): void {
    if (this.#destroyed) return;
    this.#data = data;
    this.#attributions = attributions;
    this.#addControls();
    if (frame && bounds) this.fitStart(bounds);
    this.#whenLoaded(() => this.#sendBasemap());
  }

  /** The camera the first view left, to tell whether anyone has moved the map since. */
  #startCamera: string | null = null;
  #camera(): string {
    const c = this.map.getCenter();
    return `${c.lng.toFixed(7)},${c.lat.toFixed(7)},${this.map.getZoom().toFixed(4)}`;
  }

  /**
   * The first view: `bounds` (Linghe and every mapped item) clear of the overlays as they are now.
   * `again`: the overlays have come since (they render after the map's first frame); the view is
   * framed anew unless the map was moved in between.
   */
  fitStart(bounds: Bbox, again = false): void {
    if (this.#destroyed || (again && this.#startCamera !== this.#camera())) return;
    this.map.fitBounds(shiftBbox(bounds, this.#datum), { padding: this.#padding(24), duration: 0 });
    this.#startCamera = this.#camera();
  }

  /** The basemap's outline and labelled places, in the current datum. */
  #sendBasemap(): void {
    (this.map.getSource(BASEMAP_SOURCES.boundaries) as GeoJSONSource).setData(shiftCollection(this.#data.boundaries as GeoJSON.FeatureCollection, this.#datum));
    this.#sendBasemapNames();
  }

  /** The one place overlays and camera change datum; the view the user sees stays put on the ground. */
  #setDatum(datum: Datum): void {
    if (datum === this.#datum) return;
    const centre = this.#fromMap(this.map.getCenter().toArray());
    this.#datum = datum;
    this.#sendBasemap();
    this.#sendItems();
    this.#sendLabels();
    this.setFocusArea(this.#focusArea);
    this.setPin(this.#pin.pin, this.#pin.radius);
    this.setPlace(this.#place);
    this.map.jumpTo({ center: this.#toMap(centre) });
  }

  /** The basemap's labelled points, with their English names when known, in the current datum. */
  #sendBasemapNames(): void {
    const set = (id: string, features: GeoJSON.Feature[]) =>
      (this.map.getSource(id) as GeoJSONSource).setData(shiftCollection({ type: 'FeatureCollection', features }, this.#datum));
    set(BASEMAP_SOURCES.districtLabels, withEnglishNames(districtLabelPoints(this.#data.boundaries).features as (GeoJSON.Feature & { properties: { name: string } })[], this.#english));
    set(BASEMAP_SOURCES.context, withEnglishNames(this.#data.context.features, this.#english) as GeoJSON.Feature[]);
  }

  /** Gives the basemap's places and districts English names (shown when the UI is in English). */
  setPlaceNames(english: (zh: string) => string): void {
    this.#english = english;
    this.#whenLoaded(() => this.#sendBasemapNames());
  }

  #toMap(p: readonly number[]): [number, number] {
    return toDatum(p, this.#datum);
  }

  #fromMap(p: readonly number[]): [number, number] {
    return fromDatum(p, this.#datum);
  }

  /**
   * The user's filter as an expression on the label layers only: a hidden label must free its
   * collision room, which takes a filter (re-tiling only the label sources, and only where labels
   * are drawn at all). Shapes and points hide by `setVisibility`.
   */
  setFilter(filter: FilterSpecification): void {
    this.#labelFilter = filter;
    this.#whenLoaded(() => this.#applyLabelFilter());
  }

  /**
   * Sets the label filter on each label layer the current zoom draws; a layer out of its zoom range
   * gets it when the map zooms into range ('zoom' fires before the frame that would load its
   * tiles). A filter on a layer not drawn would still cost a style update and a second frame.
   */
  #applyLabelFilter(): void {
    const zoom = this.map.getZoom();
    for (const id of ITEM_LABEL_LAYERS) {
      if (this.#labelFilterOn.get(id) === this.#labelFilter) continue;
      const min = this.map.getLayer(id)?.minzoom ?? 0;
      if (zoom < min) continue;
      this.map.setFilter(id, layerFilter(id, this.#labelFilter));
      this.#labelFilterOn.set(id, this.#labelFilter);
    }
  }

  /**
   * Which items the filters show, as a FilterIndex bitset over item indices: the GPU layer gets one
   * byte per point, shapes of items whose visibility changed get feature-state `hidden`. No tile is
   * rebuilt.
   */
  setVisibility(shown: Uint32Array): void {
    this.#wantShown = shown;
    this.#whenLoaded(() => this.#applyStates());
  }

  /** Brings visibility and the year's status to what was last asked for, touching only what differs. */
  #applyStates(): void {
    const n = this.#ids.length;
    const set = (i: number, state: Record<string, unknown>) => {
      const id = this.#ids[i];
      if (id == null) return;
      this.map.setFeatureState({ source: ITEM_SOURCES.items, id }, state);
      if (this.#hasCircle.has(i)) this.map.setFeatureState({ source: ITEM_SOURCES.uncertainty, id }, state);
    };
    const want = this.#wantShown;
    // A bitset of another dataset (or none yet) waits for the next one.
    if (want && want.length === Math.ceil(n / 32) && want !== this.#shown) {
      const stateful = new Set(this.#stateful);
      for (const i of changedBits(this.#shown, want, n)) if (stateful.has(i)) set(i, { hidden: !hasBit(want, i) });
      this.#shown = want;
      this.#points.setVisible(want);
    }
    const key = this.#wantStatusKey;
    if (key !== this.#statusKey) {
      for (const i of this.#stateful) {
        const before = statusOverride(this.#records[i], this.#statusKey);
        const after = statusOverride(this.#records[i], key);
        if (before !== after) set(i, { st: after });
      }
      this.#statusKey = key;
      this.#points.setStatuses((i) => this.#records[i]?.[key as 'st']);
    }
  }

  #isShown(id: string | undefined): boolean {
    const i = id === undefined ? undefined : this.#indexOf.get(id);
    return i !== undefined && hasBit(this.#shown, i);
  }

  /**
   * The items drawn in the map's view now, one entry per item with its properties: points from what
   * the GPU layer draws, shapes from MapLibre's rendered features less the hidden ones. For tests
   * and the benchmark (window.__atlasRendered).
   */
  renderedItems(): RenderedItem[] {
    if (!this.#loaded) return [];
    const byId = new Map<string, RenderedItem>();
    const shapes = ITEM_FEATURE_LAYERS.filter((l) => l !== ITEM_LAYERS.point);
    for (const f of this.map.queryRenderedFeatures({ layers: [...shapes] })) {
      const id = f.properties?.id as string | undefined;
      if (id && this.#isShown(id)) byId.set(id, f.properties as RenderedItem);
    }
    const canvas = this.map.getCanvas();
    for (const f of this.#features) {
      if (f.geometry.type !== 'Point') continue;
      const id = f.properties!.id as string;
      if (!this.#points.isDrawn(this.#indexOf.get(id)!)) continue;
      const p = this.map.project(this.#toMap(f.geometry.coordinates));
      if (p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight) byId.set(id, f.properties as RenderedItem);
    }
    return [...byId.values()];
  }

  /** MapLibre reads a control's tooltip and label once, when the control is added. */
  #addControls(): void {
    for (const c of this.#controls) this.map.removeControl(c);
    const controls: [IControl, ControlPosition][] = [
      [new NavigationControl({ showCompass: false }), 'top-right'],
      [new ScaleControl({ unit: 'metric' }), 'bottom-left'],
      // The street provider's credit first, so the one-line form never cuts it off: one joined string,
      // because MapLibre sorts a list of credits by length. The data's credits come from a data file
      // and are text, never HTML; the street credit is the build's own configuration (with its link).
      [new AttributionControl({ customAttribution: [...(this.#streetCredit ? [this.#streetCredit] : []), ...this.#attributions.map(escapeHtml)].join(' | '), compact: true }), 'bottom-right'],
    ];
    for (const [c, at] of controls) this.map.addControl(c, at);
    // Credits start as one line (MapLibre opens a compact control expanded); its ⓘ button expands them.
    this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    this.#controls = controls.map(([c]) => c);
  }

  /**
   * Item labels and MapLibre's own controls (zoom buttons, attribution toggle) in the UI's
   * language; `uiStrings` are MapLibre's UI string ids → text, from the app's catalog.
   */
  setLanguage(lang: 'zh' | 'en', uiStrings: Record<string, string>): void {
    if (this.#destroyed) return;
    if (Object.entries(uiStrings).some(([k, v]) => this.map._locale[k] !== v)) {
      Object.assign(this.map._locale, uiStrings);
      this.#addControls();
    }
    this.#whenLoaded(() => {
      for (const id of ITEM_LABEL_LAYERS) this.map.setLayoutProperty(id, 'text-field', labelField(lang));
      for (const id of [BASEMAP_LAYERS.contextLabel, BASEMAP_LAYERS.districtLabel]) this.map.setLayoutProperty(id, 'text-field', basemapLabelField(lang));
    });
  }

  /**
   * Which year's status styles the items ('st' = all years): one byte per point in the GPU layer,
   * and feature-state `st` on the shapes whose status that year differs from the all-years one
   * (new paint would re-tile every item source).
   */
  setStatusKey(key: string): void {
    this.#wantStatusKey = key;
    this.#whenLoaded(() => this.#applyStates());
  }

  #setState(id: string | null, key: 'hover' | 'selected', value: boolean): void {
    if (!id) return;
    for (const source of Object.values(ITEM_SOURCES)) this.map.setFeatureState({ source, id }, { [key]: value });
  }

  setHover(id: string | null): void {
    this.#whenLoaded(() => {
      this.#setState(this.#hovered, 'hover', false);
      this.#hovered = id;
      this.#setState(id, 'hover', true);
      this.#emphasise();
    });
  }

  setSelected(id: string | null): void {
    this.#whenLoaded(() => {
      this.#setState(this.#selected, 'selected', false);
      this.#selected = id;
      this.#setState(id, 'selected', true);
      this.#emphasise();
    });
  }

  #emphasise(): void {
    const at = (id: string | null) => (id === null ? -1 : (this.#indexOf.get(id) ?? -1));
    this.#points.setEmphasis(at(this.#hovered), at(this.#selected));
  }

  /** Placing mode (src/lib/map/placing.ts) on top of the items, once the style is in. */
  startPlacing(handlers: PlacingHandlers): Promise<PlacingLayer> {
    return new Promise((resolve) =>
      this.#whenLoaded(() => {
        this.#placing?.destroy();
        const layer = new PlacingLayer(this.map, handlers, this.#datum);
        const destroy = layer.destroy.bind(layer);
        layer.destroy = () => {
          destroy();
          if (this.#placing === layer) this.#placing = null;
        };
        this.#placing = layer;
        resolve(layer);
      }),
    );
  }

  /**
   * Frames a bbox, never closer than `maxZoom` (a point is centred at it), keeping the part of the
   * map under a phone's bottom sheet out of the frame.
   */
  frame(bbox: Bbox, maxZoom = FRAME_MAX_ZOOM, animate = true): void {
    if (this.#destroyed) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const duration = animate && !reduceMotion ? 400 : 0;
    const c = this.map.getContainer();
    const visibleHeight = c.clientHeight - this.#coveredBottom() - this.#top();
    const p = Math.max(8, Math.min(60, Math.floor(Math.min(c.clientWidth, visibleHeight) / 8)));
    this.map.fitBounds(shiftBbox(bbox, this.#datum), { padding: this.#padding(p), maxZoom, duration });
  }

  /**
   * The top overlays kept out of frames, unless with the bottom sheet they leave less than
   * MIN_FRAME_PX of map (a phone with the "near here" list open): then the frame goes behind them,
   * because a frame into no room does not move the map at all.
   */
  #top(): number {
    const top = this.#coveredTop();
    return this.#container.clientHeight - this.#coveredBottom() - top >= MIN_FRAME_PX ? top : 0;
  }

  #padding(p: number): { top: number; left: number; right: number; bottom: number } {
    return { top: p + this.#top(), left: p, right: p, bottom: p + this.#coveredBottom() };
  }

  jumpTo(view: View): void {
    if (this.#destroyed) return;
    this.map.jumpTo({ center: this.#toMap([view.lng, view.lat]), zoom: view.zoom });
  }

  /**
   * The map as an image, for the printed page. `redraw()` renders synchronously, so the canvas
   * still holds that frame when it is read in the same task (no preserveDrawingBuffer, which would
   * slow every frame). `metresPerPixel` (CSS px, at the centre) lets the page draw a scale bar.
   */
  snapshot(): MapSnapshot | null {
    try {
      this.map.redraw();
      const canvas = this.map.getCanvas();
      const lat = this.map.getCenter().lat;
      const metresPerPixel = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom());
      return { url: canvas.toDataURL('image/png'), widthPx: canvas.clientWidth, heightPx: canvas.clientHeight, metresPerPixel };
    } catch {
      return null; // a lost WebGL context: the page prints without the picture
    }
  }

  resize(): void {
    if (this.#destroyed) return;
    this.map.resize();
  }

  /**
   * Safe at any moment, twice included: the app may unmount the map before its style has loaded
   * (an error elsewhere, a fast navigation), when MapLibre's own teardown can throw on the
   * half-built style. Queued work is dropped; a throw here would only add a second error to the first.
   */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#queue.length = 0;
    try {
      this.map.remove();
    } catch (e) {
      console.warn('map teardown:', e);
    }
  }
}
