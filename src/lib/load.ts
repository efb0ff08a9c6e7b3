/**
 * The app's start-up sequence, as one plain function: the map's data first, then the report, the
 * pinyin dictionary and the gazetteer, none of which may hold up the map or cost the page.
 */
import { fetchFile, loadAtlasData, loadGazetteer, loadReport } from './data';
import type { AtlasState } from './state.svelte';

/** Failures that cost a part of the page, not the page. */
export type PartError = 'map_error' | 'report_error' | 'gazetteer_error';

export interface LoadHooks {
  /** The map's data is in the state: restore the URL's view, start writing the URL. */
  onLoaded: () => void;
  /** The page cannot be shown (a missing or broken data file). */
  onFatal: (message: string) => void;
  onPartError: (key: PartError, message: string) => void;
}

export function startLoading(s: AtlasState, { onLoaded, onFatal, onPartError }: LoadHooks): void {
  // The report downloads alongside the rest but is parsed only after them, so it never holds up
  // the map; the detail's context and the reader wait for it.
  const reportResponse = fetchFile('report.json');
  loadAtlasData()
    .then((d) => {
      s.load(d);
      // A broken report costs the reader and the quotes' context, not the map and the list.
      loadReport(reportResponse)
        .then((r) => (s.report = r))
        .catch((e: Error) => onPartError('report_error', e.message));
      onLoaded();
      // Pinyin search arrives a moment later: its dictionary is a chunk of its own.
      import('./pinyin').then((m) => s.addPinyin(m.pinyinOf));
      loadGazetteer()
        .then((g) => s.setGazetteer(g))
        .catch((e: Error) => onPartError('gazetteer_error', e.message));
    })
    .catch((e: Error) => onFatal(e.message));
}
