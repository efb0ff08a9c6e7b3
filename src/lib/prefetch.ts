/**
 * The first data files, requested before the rest of the app's modules evaluate.
 *
 * main.ts first imports startFetching.ts, which calls `prefetch`; this module imports nothing, so
 * the requests go out while MapLibre and the app (~1.3 MB of script) are still being evaluated,
 * instead of after. `fetchFile` takes a request from here when one was made for the same URL (once;
 * a later fetch of the file is a new one).
 */

/** The URL of a data file, relative to the page so the built app works from any folder. */
export function dataUrl(file: string, base: string = document.baseURI): string {
  return new URL(`data/${file}`, base).href;
}

/** A hung server must not leave "loading…" on screen forever. */
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * The timeout in force: FETCH_TIMEOUT_MS, unless the page set `window.__atlasFetchTimeoutMs`
 * (e2e tests do, via an init script, so that the "hung file" case takes a second, not fifteen).
 */
export function fetchTimeoutMs(): number {
  const override = (globalThis as { __atlasFetchTimeoutMs?: unknown }).__atlasFetchTimeoutMs;
  return typeof override === 'number' && override > 0 ? override : FETCH_TIMEOUT_MS;
}

/** What the page loads at start, in the order it needs them (see `startLoading`). */
export const FIRST_FILES = ['items.geojson', 'manifest.json', 'basemap/boundaries.geojson', 'basemap/context.geojson', 'report.json'] as const;

export interface Early {
  response: Promise<Response>;
  timeoutMs: number;
}

const early = new Map<string, Early>();

/** Requests `files` (relative to the page's data/ folder) now. */
export function prefetch(files: readonly string[], base: string = document.baseURI): void {
  for (const file of files) {
    const url = dataUrl(file, base);
    const timeoutMs = fetchTimeoutMs();
    const response = fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    // Whoever takes it sees a rejection; until then it is not an "unhandled" one.
    response.catch(() => {});
    early.set(url, { response, timeoutMs });
  }
}

/** The early request for `url`, if there is one not taken yet. */
export function takePrefetched(url: string): Early | undefined {
  const e = early.get(url);
  early.delete(url);
  return e;
}
