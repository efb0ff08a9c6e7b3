/**
 * The one place that touches MapLibre. Components hand it data and state; it owns the map instance,
 * the sources and the layers, and reports back through callbacks. Nothing else imports maplibre-gl.
 */
import { AttributionControl, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AtlasData } from '../data';
import { basemapStyle } from './basemap';

setWorkerUrl(workerUrl);

export type Bbox = [number, number, number, number];

export interface MapOptions {
  container: HTMLElement;
  data: AtlasData;
  /** Attribution HTML strings, one per source in use. */
  attributions: string[];
  onError?: (message: string) => void;
}

export class MapController {
  readonly map: MlMap;

  constructor({ container, data, attributions, onError }: MapOptions) {
    const [w, s, e, n] = data.manifest.linghe_bbox;
    this.map = new MlMap({
      container,
      style: basemapStyle(data.boundaries, data.context),
      bounds: [w, s, e, n],
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      // Chinese labels from the machine's fonts; no glyph server is ever asked.
      localIdeographFontFamily: '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      maxZoom: 18,
      minZoom: 7,
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(new AttributionControl({ compact: false, customAttribution: attributions }), 'bottom-right');
    this.map.on('error', (ev) => onError?.(ev.error?.message ?? 'map error'));
    // Tests and the benchmark read map state through this handle (not pixels).
    (window as unknown as { __atlasMap?: MlMap }).__atlasMap = this.map;
  }

  fitBbox(bbox: Bbox, padding = 40): void {
    this.map.fitBounds(bbox, { padding, duration: 0 });
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.map.remove();
  }
}
