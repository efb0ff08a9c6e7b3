/**
 * A street basemap's raster layers under the Atlas's own, and the watch that gives up on them
 * honestly: the first tile error (403, 500, a bad key's non-image answer, a refused connection) or
 * no tile at all within TILE_TIMEOUT_MS removes the layers and reports why, once. MapLibre does
 * not retry tiles, and nothing here does either, so a failure costs at most the tiles in flight.
 */
import type { ErrorEvent, Map as MlMap, MapSourceDataEvent } from 'maplibre-gl';
import { originOf, type StreetLayerSpec } from './basemaps';

/**
 * How long the first tile may take once tiles are asked for: long enough for a slow phone network
 * (and a busy machine decoding with software WebGL), short enough that a hanging server is noticed.
 */
export const TILE_TIMEOUT_MS = 10_000;

export type StreetFailure = { kind: 'http'; status: number } | { kind: 'timeout' } | { kind: 'offline' } | { kind: 'network' } | { kind: 'no_key' };

const PREFIX = 'street-';

export class StreetBasemap {
  #map: MlMap;
  #ids: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #onFail: ((f: StreetFailure) => void) | null = null;
  #hidden: string[];
  /** No tile has arrived since the last show. */
  #waiting = false;
  #responses: PerformanceObserver | undefined;

  /** `below`: the layer the rasters go under; `hide`: offline layers a street map replaces. */
  constructor(map: MlMap, readonly below: string, hide: string[]) {
    this.#map = map;
    this.#hidden = hide;
    map.on('error', (e: ErrorEvent & { sourceId?: string }) => {
      if (!e.sourceId?.startsWith(PREFIX) || !this.#onFail) return;
      const status = (e.error as { status?: number } | undefined)?.status;
      this.#fail(status ? { kind: 'http', status } : navigator.onLine === false ? { kind: 'offline' } : { kind: 'network' });
    });
    map.on('sourcedataloading', (e: MapSourceDataEvent) => {
      // The clock starts at the first tile request, not at the click: map setup is not the provider's fault.
      if (e.sourceId?.startsWith(PREFIX) && e.tile && this.#waiting && !this.#timer) {
        this.#timer = setTimeout(() => this.#fail({ kind: 'timeout' }), TILE_TIMEOUT_MS);
      }
    });
    map.on('sourcedata', (e: MapSourceDataEvent) => {
      // One tile drawn proves the provider answers: stop the clock for good.
      if (e.sourceId?.startsWith(PREFIX) && e.tile) this.#alive();
    });
  }

  /** True when an error event belongs to the street layers (the map's generic notice skips those). */
  static owns(e: { sourceId?: string }): boolean {
    return !!e.sourceId?.startsWith(PREFIX);
  }

  show(spec: StreetLayerSpec, onFail: (f: StreetFailure) => void): void {
    this.hide();
    this.#onFail = onFail;
    if (navigator.onLine === false) {
      queueMicrotask(() => this.#fail({ kind: 'offline' }));
      return;
    }
    spec.layers.forEach((tiles, i) => {
      const id = `${PREFIX}${i}`;
      this.#map.addSource(id, {
        type: 'raster',
        tiles,
        tileSize: 256,
        maxzoom: spec.maxzoom,
      });
      // (the provider's credit is shown by the controller, first in line)
      this.#map.addLayer({ id, type: 'raster', source: id, paint: { 'raster-fade-duration': 0 } }, this.below);
      this.#ids.push(id);
    });
    for (const id of this.#hidden) this.#map.setLayoutProperty(id, 'visibility', 'none');
    this.#waiting = true;
    // Any answer from the provider's hosts proves it is alive: a slow decode on a busy device must
    // not count as a hanging server. (Error answers arrive as map errors instead.)
    const origins = [...new Set(spec.layers.flat().map(originOf))];
    if (typeof PerformanceObserver !== 'undefined') {
      this.#responses = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => origins.some((o) => e.name.startsWith(o)))) this.#alive();
      });
      this.#responses.observe({ type: 'resource' });
    }
  }

  #alive(): void {
    this.#waiting = false;
    this.#clearTimer();
    this.#responses?.disconnect();
    this.#responses = undefined;
  }

  hide(): void {
    this.#alive();
    this.#onFail = null;
    for (const id of this.#ids) {
      this.#map.removeLayer(id);
      this.#map.removeSource(id);
    }
    this.#ids = [];
    for (const id of this.#hidden) this.#map.setLayoutProperty(id, 'visibility', 'visible');
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #fail(f: StreetFailure): void {
    const report = this.#onFail;
    if (!report) return; // reported once per show
    this.hide();
    report(f);
  }
}
