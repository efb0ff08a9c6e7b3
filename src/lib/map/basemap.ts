/**
 * The embedded offline basemap as a pure function of the data: Jinzhou's districts with Linghe
 * emphasised and labelled, railway stations, landmark and college context points.
 * No `glyphs` and no remote source: labels are drawn by MapLibre from local fonts, and nothing
 * leaves the machine.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { BoundaryCollection, ContextCollection, Position } from '../schema';

export const BASEMAP_SOURCES = { boundaries: 'boundaries', districtLabels: 'district-labels', context: 'context' } as const;

/** Layer ids of the basemap, bottom to top; tests query these. */
export const BASEMAP_LAYERS = {
  background: 'background',
  districtFill: 'district-fill',
  lingheFill: 'linghe-fill',
  districtLine: 'district-line',
  lingheOutline: 'linghe-outline',
  districtLabel: 'district-label',
  contextPoint: 'context-point',
  contextLabel: 'context-label',
} as const;

export const PALETTE = {
  paper: '#efece4',
  district: '#e4e0d5',
  linghe: '#fbfaf6',
  districtLine: '#a8a294',
  lingheOutline: '#8c2f1c',
  label: '#3d3a33',
  halo: '#ffffff',
  station: '#2d2d2d',
  landmark: '#3f7d4e',
  college: '#3565a8',
  other: '#7a7466',
};

const isLinghe: ExpressionSpecification = ['==', ['get', 'is_linghe'], true];

/** A label point per district: the mean of the vertices of its largest ring (districts are compact). */
export function districtLabelPoints(boundaries: BoundaryCollection): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: boundaries.features.map((f) => {
      const rings: Position[][] =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0]);
      const ring = rings.reduce((a, b) => (b.length > a.length ? b : a));
      const n = ring.length - 1; // the closing vertex repeats the first
      let x = 0;
      let y = 0;
      for (let i = 0; i < n; i++) {
        x += ring[i][0];
        y += ring[i][1];
      }
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [x / n, y / n] },
        properties: { name: f.properties.name, is_linghe: f.properties.is_linghe },
      };
    }),
  };
}

export function basemapSources(
  boundaries: BoundaryCollection,
  context: ContextCollection,
): Record<string, SourceSpecification> {
  return {
    [BASEMAP_SOURCES.boundaries]: { type: 'geojson', data: boundaries as GeoJSON.FeatureCollection },
    [BASEMAP_SOURCES.districtLabels]: { type: 'geojson', data: districtLabelPoints(boundaries) },
    [BASEMAP_SOURCES.context]: { type: 'geojson', data: context as GeoJSON.FeatureCollection },
  };
}

/**
 * The basemap's label text in the UI's language: Chinese, or the English name the app adds as
 * `name_en` (placeNames.ts) once pinyin is in, Chinese until then.
 */
export function basemapLabelField(lang: 'zh' | 'en'): ExpressionSpecification {
  return lang === 'zh' ? ['get', 'name'] : ['coalesce', ['get', 'name_en'], ['get', 'name']];
}

/** Features with `name_en` added from `english` (or as they are without it). */
export function withEnglishNames<F extends { properties: { name: string } }>(features: readonly F[], english: ((zh: string) => string) | null): F[] {
  return english ? features.map((f) => ({ ...f, properties: { ...f.properties, name_en: english(f.properties.name) } })) : [...features];
}

const haloText = { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 } as const;

export function basemapLayers(): LayerSpecification[] {
  return [
    { id: BASEMAP_LAYERS.background, type: 'background', paint: { 'background-color': PALETTE.paper } },
    {
      id: BASEMAP_LAYERS.districtFill,
      type: 'fill',
      source: BASEMAP_SOURCES.boundaries,
      filter: ['!', isLinghe],
      paint: { 'fill-color': PALETTE.district },
    },
    {
      id: BASEMAP_LAYERS.lingheFill,
      type: 'fill',
      source: BASEMAP_SOURCES.boundaries,
      filter: isLinghe,
      paint: { 'fill-color': PALETTE.linghe },
    },
    {
      id: BASEMAP_LAYERS.districtLine,
      type: 'line',
      source: BASEMAP_SOURCES.boundaries,
      paint: { 'line-color': PALETTE.districtLine, 'line-width': 1 },
    },
    {
      id: BASEMAP_LAYERS.lingheOutline,
      type: 'line',
      source: BASEMAP_SOURCES.boundaries,
      filter: isLinghe,
      paint: { 'line-color': PALETTE.lingheOutline, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 3.5] },
    },
    {
      id: BASEMAP_LAYERS.contextPoint,
      type: 'circle',
      source: BASEMAP_SOURCES.context,
      paint: {
        // Reference places are context, not items: smaller and paler than any item symbol.
        'circle-radius': ['match', ['get', 'kind'], 'station', 4.5, 2.5],
        'circle-color': [
          'match',
          ['get', 'kind'],
          'station',
          PALETTE.station,
          'college',
          PALETTE.college,
          'landmark',
          PALETTE.landmark,
          PALETTE.other,
        ],
        'circle-stroke-color': PALETTE.halo,
        'circle-stroke-width': 0.75,
        'circle-opacity': 0.6,
      },
    },
    {
      id: BASEMAP_LAYERS.contextLabel,
      type: 'symbol',
      source: BASEMAP_SOURCES.context,
      // Stations always; colleges from where items are named too (a reference place's name must
      // never show where an item's is hidden, as on a phone's district view); landmarks from closer in.
      filter: ['any', ['==', ['get', 'kind'], 'station'], ['all', ['==', ['get', 'kind'], 'college'], ['>=', ['zoom'], 12]], ['>=', ['zoom'], 13]],
      layout: {
        'text-field': ['get', 'name'],
        'text-size': ['match', ['get', 'kind'], 'station', 13, 11],
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-max-width': 8,
      },
      paint: { ...haloText, 'text-color': '#55514a' },
    },
    {
      id: BASEMAP_LAYERS.districtLabel,
      type: 'symbol',
      source: BASEMAP_SOURCES.districtLabels,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': ['case', isLinghe, 18, 13],
        'text-allow-overlap': false,
        // Item and area labels are placed first (they are above): where one sits on the district's
        // label point, its name moves beside it instead of leaving the map unnamed.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1,
      },
      paint: { ...haloText, 'text-color': ['case', isLinghe, PALETTE.lingheOutline, '#6d685d'] },
    },
  ];
}

/** The whole style; item layers are added on top by the map controller. */
export function basemapStyle(boundaries: BoundaryCollection, context: ContextCollection): StyleSpecification {
  return { version: 8, sources: basemapSources(boundaries, context), layers: basemapLayers() };
}
