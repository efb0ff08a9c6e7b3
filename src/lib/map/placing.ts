/**
 * Placing mode on the map, with plain MapLibre: one GeoJSON source (the shape, its vertices, the
 * keyboard crosshair) and four layers. It draws a `Placing` (src/lib/placing.ts) and reports what
 * the pointer does — a click or tap on the map adds a vertex, a vertex dragged by mouse or finger
 * moves — leaving every decision to the caller. No draw plugin: this is all placing needs.
 *
 * Positions are the map's own, in the CRS of the basemap placing started on (`crs`): WGS-84, or
 * GCJ-02 on 高德's map. Nothing is converted here; the contribution states its CRS and the pipeline
 * converts (the basemap is locked while placing, so the CRS cannot change underneath).
 */
import type { GeoJSONSource, Map as MlMap, MapLayerMouseEvent, MapLayerTouchEvent, MapMouseEvent } from 'maplibre-gl';
import type { Placing } from '../placing';
import type { Position } from '../schema';
import type { Datum } from './basemaps';
import { snapAt } from '../snap';
import type { PlacingCrs } from '../placing';

export const PLACING_SOURCE = 'placing';
export const PLACING_LAYERS = {
  fill: 'placing-fill',
  line: 'placing-line',
  vertex: 'placing-vertex',
  cursor: 'placing-cursor',
} as const;

export interface PlacingHandlers {
  onAdd: (at: Position) => void;
  /** A drag began on vertex `index`; moves follow, then `onDragEnd`. */
  onDragStart: (index: number) => void;
  onDrag: (index: number, to: Position) => void;
  onDragEnd: (index: number) => void;
  /** Snapping of clicks, taps and drags to existing vertices (src/lib/snap.ts, WGS-84), when enabled. */
  snap?: { targets: readonly Position[]; enabled: () => boolean };
}

/** The CRS of positions read off a map drawn in `datum`. */
export const crsOfDatum = (datum: Datum): PlacingCrs => (datum === 'gcj02' ? 'GCJ-02' : 'WGS-84');

const INK = '#1d1b17';
const ACCENT = '#b3261e';

/** The features drawn for a placing state (pure, for tests and for the layer). */
export function placingFeatures(p: Placing, showCursor: boolean): GeoJSON.Feature[] {
  const vs = p.vertices.map((v) => [v[0], v[1]]);
  const out: GeoJSON.Feature[] = [];
  if (p.shape === 'polygon' && vs.length >= 3) {
    out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...vs, vs[0]]] }, properties: { role: 'shape' } });
  } else if (p.shape !== 'point' && vs.length >= 2) {
    out.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: vs }, properties: { role: 'shape' } });
  }
  const picked = p.editing?.index ?? -1;
  vs.forEach((v, index) => out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: v }, properties: { role: 'vertex', index, picked: index === picked } }));
  if (showCursor) out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.cursor[0], p.cursor[1]] }, properties: { role: 'cursor' } });
  return out;
}

export class PlacingLayer {
  #map: MlMap;
  #h: PlacingHandlers;
  #dragging: number | null = null;
  /** A drag ends with a mouseup that also makes a click: that click adds nothing. */
  #swallowClick = false;
  #off: (() => void)[] = [];
  /** The CRS of every position this layer reads or draws: the map's, when placing started. */
  readonly crs: PlacingCrs;

  constructor(map: MlMap, handlers: PlacingHandlers, datum: Datum = 'wgs84') {
    this.#map = map;
    this.#h = handlers;
    this.crs = crsOfDatum(datum);
    map.addSource(PLACING_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const role = (r: string) => ['==', ['get', 'role'], r] as ['==', ['get', string], string];
    map.addLayer({ id: PLACING_LAYERS.fill, type: 'fill', source: PLACING_SOURCE, filter: ['all', role('shape'), ['==', ['geometry-type'], 'Polygon']], paint: { 'fill-color': ACCENT, 'fill-opacity': 0.15 } });
    map.addLayer({ id: PLACING_LAYERS.line, type: 'line', source: PLACING_SOURCE, filter: role('shape'), paint: { 'line-color': ACCENT, 'line-width': 2.5 } });
    map.addLayer({
      id: PLACING_LAYERS.cursor,
      type: 'circle',
      source: PLACING_SOURCE,
      filter: role('cursor'),
      paint: { 'circle-radius': 11, 'circle-opacity': 0, 'circle-stroke-color': INK, 'circle-stroke-width': 2 },
    });
    map.addLayer({
      id: PLACING_LAYERS.vertex,
      type: 'circle',
      source: PLACING_SOURCE,
      filter: role('vertex'),
      // Big enough to grab with a finger.
      // The vertex picked by keyboard is filled, so the eye finds what the arrows move.
      paint: { 'circle-radius': 8, 'circle-color': ['case', ['get', 'picked'], ACCENT, '#ffffff'], 'circle-stroke-color': ACCENT, 'circle-stroke-width': 3 },
    });
    map.getCanvas().style.cursor = 'crosshair';

    const onClick = (e: MapMouseEvent) => {
      if (this.#swallowClick) {
        this.#swallowClick = false;
        return;
      }
      if (this.#vertexAt(e) !== null) return;
      this.#h.onAdd(this.#positionOf(e));
    };
    const start = (e: MapLayerMouseEvent | MapLayerTouchEvent) => {
      if ('points' in e && e.points.length !== 1) return;
      const index = Number(e.features?.[0]?.properties?.index);
      if (!Number.isInteger(index)) return;
      e.preventDefault(); // no map pan while a vertex moves
      this.#dragging = index;
      this.#h.onDragStart(index);
    };
    const move = (e: MapMouseEvent | MapLayerTouchEvent) => {
      if (this.#dragging === null) return;
      this.#h.onDrag(this.#dragging, this.#positionOf(e));
    };
    const end = () => {
      if (this.#dragging === null) return;
      const i = this.#dragging;
      this.#dragging = null;
      this.#swallowClick = true;
      setTimeout(() => (this.#swallowClick = false), 0); // a touch drag makes no click to swallow
      this.#h.onDragEnd(i);
    };
    const enter = () => (map.getCanvas().style.cursor = 'move');
    const leave = () => (map.getCanvas().style.cursor = 'crosshair');
    map.on('click', onClick);
    map.on('mousedown', PLACING_LAYERS.vertex, start);
    map.on('touchstart', PLACING_LAYERS.vertex, start);
    map.on('mousemove', move);
    map.on('touchmove', move);
    map.on('mouseup', end);
    map.on('touchend', end);
    map.on('mouseenter', PLACING_LAYERS.vertex, enter);
    map.on('mouseleave', PLACING_LAYERS.vertex, leave);
    this.#off.push(
      () => map.off('click', onClick),
      () => map.off('mousedown', PLACING_LAYERS.vertex, start),
      () => map.off('touchstart', PLACING_LAYERS.vertex, start),
      () => map.off('mousemove', move),
      () => map.off('touchmove', move),
      () => map.off('mouseup', end),
      () => map.off('touchend', end),
      () => map.off('mouseenter', PLACING_LAYERS.vertex, enter),
      () => map.off('mouseleave', PLACING_LAYERS.vertex, leave),
    );
  }

  /** Where a pointer event puts a vertex: on a snap target within reach, else under the pointer. */
  #positionOf(e: MapMouseEvent | MapLayerTouchEvent): Position {
    const snap = this.#h.snap;
    // Targets are WGS-84 data: on a GCJ-02 map they would need converting, so no snapping there.
    if (snap?.enabled() && this.crs === 'WGS-84') {
      const hit = snapAt([e.point.x, e.point.y], snap.targets, (p) => {
        const q = this.#map.project([p[0], p[1]]);
        return [q.x, q.y];
      });
      // The target's own coordinates: nothing read back from the screen.
      if (hit) return [hit[0], hit[1]];
    }
    return [e.lngLat.lng, e.lngLat.lat];
  }

  #vertexAt(e: MapMouseEvent): number | null {
    const f = this.#map.queryRenderedFeatures(e.point, { layers: [PLACING_LAYERS.vertex] })[0];
    return f ? Number(f.properties?.index) : null;
  }

  render(p: Placing, showCursor: boolean): void {
    (this.#map.getSource(PLACING_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: placingFeatures(p, showCursor) });
  }

  /** The map's centre: where the keyboard crosshair starts. */
  centre(): Position {
    const c = this.#map.getCenter();
    return [c.lng, c.lat];
  }

  /** `from` moved by (dx, dy) screen pixels; the map follows when it would leave the view. */
  nudge(from: Position, dx: number, dy: number): Position {
    const pt = this.#map.project([from[0], from[1]]);
    const to = this.#map.unproject([pt.x + dx, pt.y + dy]);
    const c = this.#map.getContainer();
    const margin = 40;
    const q = this.#map.project(to);
    if (q.x < margin || q.y < margin || q.x > c.clientWidth - margin || q.y > c.clientHeight - margin) this.#map.panTo(to, { duration: 0 });
    return [to.lng, to.lat];
  }

  destroy(): void {
    for (const off of this.#off.splice(0)) off();
    for (const id of Object.values(PLACING_LAYERS)) if (this.#map.getLayer(id)) this.#map.removeLayer(id);
    if (this.#map.getSource(PLACING_SOURCE)) this.#map.removeSource(PLACING_SOURCE);
    this.#map.getCanvas().style.cursor = '';
  }
}
