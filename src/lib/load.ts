/**
 * How the app gets going, and what each failure costs. Only the items are essential: if they fail,
 * the page says which file and why (`onFatal`). Everything else degrades to a notice naming the file
 * (`onPartError`): a basemap file or the manifest (the map lacks that layer or the credits), the report
 * (no context, no reader), the gazetteer (evidence by id), the pinyin chunk (search without
 * pinyin). An exception in the app's own code after the data arrived is not a data problem and
 * is reported as such (`app_error`), leaving the rest of the page working.
 */
import { DataError, fetchFile, loadAtlasData, loadGazetteer, loadReport } from './data';
import { reportProblems } from './reportCheck';
import type { AtlasState } from './state.svelte';

/** Notices that cost a part of the page, not the page: one each, stacked. */
export type PartError = 'map_error' | 'data_part_error' | 'report_error' | 'gazetteer_error' | 'pinyin_error' | 'app_error';

export interface LoadHooks {
  /** The map's data is in the state: restore the URL's view, start writing the URL (a throw here is an app error). */
  onLoaded: () => void;
  /**
   * The page cannot be shown: items.geojson is missing or broken ('data_error_hint'), or too large
   * for a page ('data_too_large_hint': not broken, and the hint says what to do instead).
   */
  onFatal: (message: string, hint: 'data_error_hint' | 'data_too_large_hint') => void;
  /** A part failed; `message` names the file. */
  onPartError: (key: PartError, message: string) => void;
  /**
   * Settles when the map has first drawn the items and gone idle: the pinyin chunk and 100k search
   * texts wait for it (loaded with the data, they competed with the map's start-up). Without it, or
   * if the map never gets there (no WebGL), pinyin starts after PINYIN_LATEST_MS anyway.
   */
  mapDrawn?: Promise<unknown>;
}

/** The longest pinyin search waits for the map (100k items take ~7 s to draw on a 2-core machine). */
export const PINYIN_LATEST_MS = 20_000;

/** Resolves when `p` does (at once without one), or after `ms` at the latest; no timer is left behind. */
export function afterOrAt(p: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!p) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A promise settled from outside (the map's first idle arrives after the loading starts). */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function startLoading(
  s: AtlasState,
  hooks: LoadHooks,
  loadPinyin: () => Promise<{ pinyinOf: (zh: string) => { full: string; initials: string } }> = () => import('./pinyin'),
): void {
  const appError = (e: unknown) => hooks.onPartError('app_error', messageOf(e));
  // The report downloads alongside the rest but is parsed only after them, so it never holds up
  // the map; the detail's context and the reader wait for it.
  const reportResponse = fetchFile('report.json');
  loadAtlasData().then(
    ({ data, failures }) => {
      try {
        s.load(data);
        if (failures.length) hooks.onPartError('data_part_error', failures.map((f) => f.message).join('; '));
        hooks.onLoaded();
      } catch (e) {
        appError(e);
        return;
      }
      // A broken or mismatched report costs the reader and the quotes' context, not the map and the list.
      loadReport(reportResponse)
        .then(async (r) => {
          const problems = await reportProblems(r, s.items, data.manifest?.report_sha256 ?? null);
          if (problems.length) throw new DataError('report.json', problems.join('; '));
          s.report = r;
        })
        .catch((e) => hooks.onPartError('report_error', messageOf(e)));
      // Pinyin search arrives a moment later: its dictionary is a chunk of its own, which can be
      // gone (a tab left open across a redeploy); search then works on names only.
      afterOrAt(hooks.mapDrawn, PINYIN_LATEST_MS)
        .then(loadPinyin)
        .then((m) => s.addPinyin(m.pinyinOf))
        .catch((e) => hooks.onPartError('pinyin_error', messageOf(e)));
      loadGazetteer()
        .then((g) => s.setGazetteer(g))
        .catch((e) => hooks.onPartError('gazetteer_error', messageOf(e)));
    },
    (e) => hooks.onFatal(messageOf(e), e instanceof DataError && e.kind === 'too_large' ? 'data_too_large_hint' : 'data_error_hint'),
  );
}

/**
 * Any uncaught error or rejection after start, shown as an app error (the console keeps its own
 * report); returns the cleanup.
 */
export function watchAppErrors(onError: (message: string) => void): () => void {
  const onErr = (e: ErrorEvent) => onError(e.message || messageOf(e.error));
  const onRejection = (e: PromiseRejectionEvent) => onError(messageOf(e.reason));
  window.addEventListener('error', onErr);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onErr);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
