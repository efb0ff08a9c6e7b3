/**
 * State ⇄ URL, and state → document. Filters, selection, reader and language push a history entry
 * (back/forward step through them), a correction by the app itself replaces it; the viewport is replaced in the hash, throttled, as maplibre's
 * own hash does; popstate restores. Call `syncUrl` while a component initialises (it sets up
 * `$effect`s); the URL is written only after `ready()`, once item ids can be checked.
 */
import { preferredLang, t } from './i18n';
import type { AtlasState } from './state.svelte';
import { formatHash, formatSearch, parseUrl, type UrlState } from './url';

/** The viewport goes into the hash at most this often (replaceState, as maplibre's hash does). */
export const HASH_THROTTLE_MS = 300;

export interface UrlSync {
  /** Applies the current URL to the state (on load and on popstate). */
  restore: () => void;
  /** Data is in: tidy the opened URL (dropped parts) and start writing it. */
  ready: () => void;
}

/** The query string the state stands for (the viewport goes in the hash, not here). */
export function searchOf(s: AtlasState): string {
  return formatSearch({ ...s.urlState(), view: null }, browserLang());
}

/** The language to use when the URL has none. */
export function browserLang() {
  return preferredLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function syncUrl(s: AtlasState, onRestore: (state: UrlState) => void): UrlSync {
  let ready = false;

  function restore() {
    const { state, problems } = parseUrl(location.search, location.hash, browserLang());
    s.applyUrl(state, problems);
    onRestore(state);
  }

  $effect(() => {
    document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(s.lang, 'title');
  });

  $effect(() => {
    const search = searchOf(s);
    // A correction by the app (a basemap that failed) replaces the entry; the user's steps push.
    // Taken on the run the correction caused, written or not (before ready, ready() replaces).
    const correction = s.takeUrlCorrection();
    if (!ready || search === location.search) return;
    const write = correction ? history.replaceState : history.pushState;
    write.call(history, null, '', (search || location.pathname) + location.hash);
  });

  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  $effect(() => {
    void s.view;
    if (hashTimer) return;
    hashTimer = setTimeout(() => {
      hashTimer = undefined;
      const hash = formatHash(s.view);
      if (ready && hash && location.hash !== hash) history.replaceState(history.state, '', location.pathname + location.search + hash);
    }, HASH_THROTTLE_MS);
  });

  $effect(() => {
    window.addEventListener('popstate', restore);
    return () => {
      window.removeEventListener('popstate', restore);
      clearTimeout(hashTimer);
    };
  });

  return {
    restore,
    ready() {
      // Tidy the opened URL without making a history step of it.
      const search = searchOf(s);
      if (search !== location.search) history.replaceState(null, '', (search || location.pathname) + location.hash);
      ready = true;
    },
  };
}
