/**
 * Item layers as a pure function: the precision ladder of DESIGN.md drawn on the map.
 * exact → solid point / line / polygon; near → point + uncertainty circle; street → dashed line;
 * area → hatched polygon; subdistrict / district / outside → nothing (they live in the list).
 * Colour = category, style = status (completed solid, under way ring, planned hollow).
 * The status shown depends on the chosen year, so layers read it from `statusKey`.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { CATEGORY_COLOURS } from '../taxonomy';

/**
 * `areaLabels`: one point per polygon item, where its name goes (geometry.ts labelPoint).
 * `labels`: a copy of the points and lines for the two label layers only. A hidden label must also
 * give up its collision room, which only a filter does, and a filter re-tiles its whole source; on
 * a source of their own, that touches labels alone (drawn from zoom 10.5, or 15 when dense, so
 * below that no label tile is even loaded), never the shapes or the points.
 */
export const ITEM_SOURCES = { items: 'items', uncertainty: 'items-uncertainty', areaLabels: 'items-area-labels', labels: 'items-labels' } as const;

export const ITEM_LAYERS = {
  areaFill: 'items-area-fill',
  polygonFill: 'items-polygon-fill',
  uncertaintyFill: 'items-uncertainty-fill',
  uncertaintyLine: 'items-uncertainty-line',
  polygonLine: 'items-polygon-line',
  areaLine: 'items-area-line',
  lineCasing: 'items-line-casing',
  lineExact: 'items-line-exact',
  lineStreet: 'items-line-street',
  point: 'items-point',
  /** The points as the GPU draws them (pointLayer.ts): a custom layer, not a MapLibre style layer. */
  pointGpu: 'items-point-gpu',
  contributedLine: 'items-contributed-line',
  contributedPoint: 'items-contributed-point',
  label: 'items-label',
  labelLine: 'items-label-line',
  labelArea: 'items-label-area',
} as const;

/**
 * Symbol layers: drawn above the basemap's labels, so an item's name wins a collision (MapLibre
 * places the top layer's symbols first). Bottom to top: points, lines, then areas: the few area
 * names say what the largest shapes on the map are (铁北新城's hatching covers most of the
 * district), so they are placed first, and point names find room around them.
 */
export const ITEM_LABEL_LAYERS: readonly string[] = [ITEM_LAYERS.label, ITEM_LAYERS.labelLine, ITEM_LAYERS.labelArea];

/** Layers whose features are items (for hover, click and tests); the uncertainty circles are not. */
export const ITEM_FEATURE_LAYERS: readonly string[] = [
  ITEM_LAYERS.areaFill,
  ITEM_LAYERS.polygonFill,
  ITEM_LAYERS.lineExact,
  ITEM_LAYERS.lineStreet,
  ITEM_LAYERS.point,
];

export const HATCH_PREFIX = 'hatch-';
/** The quiet ring of a contributed location (also in the legend). */
export const CONTRIBUTED_GREY = '#5f5a50';

const categoryColour: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...Object.entries(CATEGORY_COLOURS).flat(),
  '#555555',
] as unknown as ExpressionSpecification;

const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const emphasised: ExpressionSpecification = ['any', hover, selected];

/**
 * Set by the controller on the shapes of items the filters leave out: a hidden shape stays in its
 * tiles and draws nothing, so a filter change repaints without re-tiling (`setFilter` rebuilt every
 * loaded tile in MapLibre's worker, ~2 s CPU at 100k items). Only shapes carry it; points hide in
 * the GPU layer (pointLayer.ts).
 */
export const hidden: ExpressionSpecification = ['boolean', ['feature-state', 'hidden'], false];

const isPolygon: FilterSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isLine: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const precisionIs = (p: string): ExpressionSpecification => ['==', ['get', 'precision'], p];

/**
 * The status a shape is drawn with in the Atlas: feature-state `st` where the controller set one
 * (the chosen year's status, only on items where it differs from the all-years property), else the
 * property. Changing the year then repaints by feature-state instead of re-tiling with new paint.
 */
export const stateStatus: ExpressionSpecification = ['coalesce', ['feature-state', 'st'], ['get', 'st']] as ExpressionSpecification;

/** `completed`, `under_way`, `planned` → three values; unknown ('') falls to the last. */
function byStatus(status: ExpressionSpecification, completed: unknown, underWay: unknown, planned: unknown): ExpressionSpecification {
  return ['match', status, 'completed', completed, 'under_way', underWay, planned] as ExpressionSpecification;
}

/**
 * A point's circle, by status and emphasis: the one table the MapLibre circle layer (the naive
 * design, the bench's baseline) and the GPU layer (pointLayer.ts) both draw from, so they look the
 * same. Completed: solid; under way: tinted core with a thick ring; planned: hollow.
 */
export const POINT_STYLE = {
  radius: 7,
  radiusEmphasised: 10,
  /** completed, under way, planned */
  strokeWidth: [1.5, 3, 2] as const,
  strokeWidthEmphasised: 3.5,
  fillOpacity: [1, 0.35, 1] as const,
  /** Planned points are hollow: a white core; completed points have a white ring. */
  white: '#ffffff',
  selectedStroke: '#111111',
} as const;

/**
 * The base filter of each layer (geometry and precision). The user's filters are ANDed onto it
 * for the label layers (and on the naive page, every layer: see LayerMode).
 */
export const BASE_FILTERS: Record<string, FilterSpecification> = {
  [ITEM_LAYERS.areaFill]: ['all', isPolygon, precisionIs('area')],
  [ITEM_LAYERS.areaLine]: ['all', isPolygon, precisionIs('area')],
  [ITEM_LAYERS.polygonFill]: ['all', isPolygon, ['!=', ['get', 'precision'], 'area']],
  [ITEM_LAYERS.polygonLine]: ['all', isPolygon, ['!=', ['get', 'precision'], 'area']],
  [ITEM_LAYERS.uncertaintyFill]: ['all'],
  [ITEM_LAYERS.uncertaintyLine]: ['all'],
  [ITEM_LAYERS.lineCasing]: isLine,
  [ITEM_LAYERS.lineExact]: ['all', isLine, ['!=', ['get', 'precision'], 'street']],
  [ITEM_LAYERS.lineStreet]: ['all', isLine, precisionIs('street')],
  [ITEM_LAYERS.point]: isPoint,
  [ITEM_LAYERS.contributedLine]: ['all', ['!', isPoint], ['==', ['get', 'contributed'], true]],
  [ITEM_LAYERS.contributedPoint]: ['all', isPoint, ['==', ['get', 'contributed'], true]],
  [ITEM_LAYERS.label]: isPoint,
  [ITEM_LAYERS.labelLine]: isLine,
  [ITEM_LAYERS.labelArea]: ['all'],
};

/**
 * Labels cost a symbol layout on every filter change (measured: 102 items +60 ms, 10,000 items
 * +530 ms on the bench machine). The report has ~15 mapped items, labelled from the first view;
 * a dataset with more than LABEL_DENSE_ITEMS mapped items is labelled only from
 * LABEL_MINZOOM_DENSE, where few of them share the screen.
 */
export const LABEL_MINZOOM = 10.5;
/** Area names from further out: an area is large, and its name says what the hatching is. */
export const AREA_LABEL_MINZOOM = 9;
export const LABEL_MINZOOM_DENSE = 15;
export const LABEL_DENSE_ITEMS = 2_000;

export function labelMinZoom(mappedItems: number, layerId: string = ITEM_LAYERS.label): number {
  if (mappedItems > LABEL_DENSE_ITEMS) return LABEL_MINZOOM_DENSE;
  return layerId === ITEM_LAYERS.labelArea ? AREA_LABEL_MINZOOM : LABEL_MINZOOM;
}

/** The label text in the UI's language: the report's name, or our English translation. */
export function labelField(lang: 'zh' | 'en'): ExpressionSpecification {
  return ['get', lang === 'zh' ? 'name' : 'name_en'];
}

/**
 * How the layers take the user's filters and the year:
 * - `naive`: every layer filtered by `setFilter` and styled by the year's status property (new
 *   paint per year); labels on the item sources. Simple, and each change re-tiles every item source:
 *   the benchmark's baseline page draws this.
 * - `atlas`: shapes hide and take the year's status by feature-state, the points are drawn by the
 *   GPU layer (the `items-point` circle layer stays, invisible, for hit-testing), and only the label
 *   layers are filtered, on a source of their own.
 */
export type LayerMode = 'naive' | 'atlas';

const labelPaint: SymbolLayerSpecification['paint'] = {
  'text-color': '#24221e',
  'text-halo-color': '#ffffff',
  'text-halo-width': 1.8,
  'text-opacity': ['case', emphasised, 1, 0.9],
};

export function itemLayers(statusKey: string, lang: 'zh' | 'en' = 'zh', mode: LayerMode = 'naive'): LayerSpecification[] {
  const atlas = mode === 'atlas';
  const status: ExpressionSpecification = atlas ? stateStatus : ['get', statusKey];
  const s = (c: unknown, u: unknown, p: unknown) => byStatus(status, c, u, p);
  /** `value`, or 0 for a hidden shape (atlas mode). */
  const shown = (value: unknown): ExpressionSpecification => (atlas ? ['case', hidden, 0, value] : value) as ExpressionSpecification;
  const src = ITEM_SOURCES.items;
  const P = POINT_STYLE;
  const lineWidth: ExpressionSpecification = ['case', emphasised, 7, s(5, 4, 3)];
  return [
    {
      id: ITEM_LAYERS.areaFill,
      type: 'fill',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.areaFill],
      paint: {
        'fill-pattern': ['concat', HATCH_PREFIX, ['get', 'category']],
        // close in, a large area's hatching would hide the streets it is about
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, shown(['case', emphasised, 0.9, 0.55]), 15, shown(['case', emphasised, 0.5, 0.18])],
      },
    },
    {
      id: ITEM_LAYERS.polygonFill,
      type: 'fill',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.polygonFill],
      paint: { 'fill-color': categoryColour, 'fill-opacity': shown(['case', emphasised, 0.7, s(0.55, 0.3, 0.08)]) },
    },
    {
      id: ITEM_LAYERS.uncertaintyFill,
      type: 'fill',
      source: ITEM_SOURCES.uncertainty,
      filter: BASE_FILTERS[ITEM_LAYERS.uncertaintyFill],
      paint: { 'fill-color': categoryColour, 'fill-opacity': shown(['case', emphasised, 0.22, 0.08]) },
    },
    {
      id: ITEM_LAYERS.uncertaintyLine,
      type: 'line',
      source: ITEM_SOURCES.uncertainty,
      filter: BASE_FILTERS[ITEM_LAYERS.uncertaintyLine],
      paint: { 'line-color': categoryColour, 'line-width': 1, 'line-opacity': shown(0.6), 'line-dasharray': [2, 2] },
    },
    {
      id: ITEM_LAYERS.polygonLine,
      type: 'line',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.polygonLine],
      paint: { 'line-color': categoryColour, 'line-width': ['case', emphasised, 4, s(2.5, 2, 1.5)], 'line-opacity': shown(1) },
    },
    {
      id: ITEM_LAYERS.areaLine,
      type: 'line',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.areaLine],
      paint: { 'line-color': categoryColour, 'line-width': ['case', emphasised, 4, 2], 'line-opacity': shown(1), 'line-dasharray': [3, 2] },
    },
    {
      id: ITEM_LAYERS.lineCasing,
      type: 'line',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.lineCasing],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['case', selected, '#111111', '#ffffff'], 'line-width': ['+', lineWidth, 3], 'line-opacity': shown(['case', emphasised, 1, 0.8]) },
    },
    {
      id: ITEM_LAYERS.lineExact,
      type: 'line',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.lineExact],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': categoryColour, 'line-width': lineWidth, 'line-opacity': shown(s(1, 0.85, 0.6)) },
    },
    {
      id: ITEM_LAYERS.lineStreet,
      type: 'line',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.lineStreet],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': categoryColour, 'line-width': lineWidth, 'line-opacity': shown(s(1, 0.85, 0.6)), 'line-dasharray': [2, 1.2] },
    },
    {
      id: ITEM_LAYERS.point,
      type: 'circle',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.point],
      paint: {
        'circle-radius': ['case', emphasised, P.radiusEmphasised, P.radius],
        'circle-stroke-width': ['case', emphasised, P.strokeWidthEmphasised, s(...P.strokeWidth)],
        // atlas: the GPU layer draws the points; this layer only answers "what is under the
        // pointer" (MapLibre skips drawing a circle layer whose opacities are both 0).
        ...(atlas
          ? { 'circle-opacity': 0, 'circle-stroke-opacity': 0 }
          : {
              'circle-color': s(categoryColour, categoryColour, P.white),
              'circle-opacity': s(...P.fillOpacity),
              'circle-stroke-color': ['case', selected, P.selectedStroke, s(P.white, categoryColour, categoryColour)],
            }),
      },
    },
    // Contributed locations (geo/contribute/): a thin grey ring around the item's own symbol, so
    // they read as "placed by a person, reviewed" without competing with category or status.
    {
      id: ITEM_LAYERS.contributedLine,
      type: 'line',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.contributedLine],
      paint: { 'line-color': CONTRIBUTED_GREY, 'line-width': 1.2, 'line-gap-width': 7, 'line-opacity': shown(1), 'line-dasharray': [1, 1.5] },
    },
    {
      id: ITEM_LAYERS.contributedPoint,
      type: 'circle',
      source: src,
      filter: BASE_FILTERS[ITEM_LAYERS.contributedPoint],
      paint: { 'circle-radius': ['case', emphasised, 14, 11], 'circle-opacity': 0, 'circle-stroke-color': CONTRIBUTED_GREY, 'circle-stroke-opacity': shown(1), 'circle-stroke-width': 1.2 },
    },
    {
      id: ITEM_LAYERS.label,
      type: 'symbol',
      source: atlas ? ITEM_SOURCES.labels : src,
      filter: BASE_FILTERS[ITEM_LAYERS.label],
      minzoom: LABEL_MINZOOM,
      layout: {
        'text-field': labelField(lang),
        'text-size': 12.5,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1,
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: labelPaint,
    },
    {
      id: ITEM_LAYERS.labelLine,
      type: 'symbol',
      source: atlas ? ITEM_SOURCES.labels : src,
      filter: BASE_FILTERS[ITEM_LAYERS.labelLine],
      minzoom: LABEL_MINZOOM,
      layout: {
        'text-field': labelField(lang),
        'text-size': 12.5,
        'symbol-placement': 'line',
        'text-offset': [0, -1],
        'text-max-angle': 35,
      },
      paint: labelPaint,
    },
    {
      id: ITEM_LAYERS.labelArea,
      type: 'symbol',
      source: ITEM_SOURCES.areaLabels,
      filter: BASE_FILTERS[ITEM_LAYERS.labelArea],
      minzoom: AREA_LABEL_MINZOOM,
      layout: {
        'text-field': labelField(lang),
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 13, 14, 16],
        'text-letter-spacing': 0.08,
        'symbol-sort-key': ['get', 'label_rank'],
        'text-max-width': 8,
      },
      paint: { ...labelPaint, 'text-color': '#3a2a20', 'text-halo-width': 2 },
    },
  ];
}

/** A layer's base filter ANDed with the user's filter expression. */
export function layerFilter(layerId: string, userFilter: FilterSpecification): FilterSpecification {
  return ['all', BASE_FILTERS[layerId] as ExpressionSpecification, userFilter as ExpressionSpecification];
}

/** Diagonal hatching in a category's colour, as RGBA pixels for map.addImage (no remote sprite). */
export function hatchPixels(hex: string, size = 12): { width: number; height: number; data: Uint8Array } {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // a 3-px-wide stripe every `size` px along x + y, which tiles seamlessly
      const on = (x + y) % size < 3;
      const i = (y * size + x) * 4;
      data.set(on ? [r, g, b, 200] : [r, g, b, 18], i);
    }
  }
  return { width: size, height: size, data };
}
