/**
 * The in-browser measurements: time to a drawn map, and time from a filter change to map and list
 * updated. Timing happens inside the page with performance.now(), so Playwright's round trips are
 * not in the figures. Every request that would leave 127.0.0.1 is aborted and counted.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with playwright.config.ts
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { ITEM_SOURCES } from '../src/lib/map/itemLayers';

export const VIEWPORT = { width: 1280, height: 800 };
const LOCAL = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

export async function launch(): Promise<{ browser: Browser; version: string }> {
  const executablePath = findChromium() as string | undefined;
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH or install Debian chromium)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return { browser, version: browser.version() };
}

export interface Guard {
  offHost: string[];
  pageErrors: string[];
}

/** A fresh context (empty HTTP cache) that aborts and counts requests leaving 127.0.0.1. */
export async function guardedContext(browser: Browser, guard: Guard): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  await context.route(
    (url) => !LOCAL.test(url.href) && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      guard.offHost.push(route.request().url());
      return route.abort();
    },
  );
  await context.addInitScript({ content: `(${PROBE})(${JSON.stringify([ITEM_SOURCES.items, ITEM_SOURCES.uncertainty])});` });
  return context;
}

export interface LoadMarks {
  /** window.__atlasMap first seen (the map object exists). */
  map: number;
  /** The style (basemap) is loaded. */
  style: number;
  /** Map idle with every item source loaded and item features drawn. */
  ready: number;
  domContentLoaded: number;
  /** Latest responseEnd among data/*.json|geojson fetched before `ready`. */
  dataFetched: number;
  /** Sum of the long tasks (> 50 ms) on the main thread before `ready`. */
  longTasks: number;
  /** Transfer sizes by request, to tell what the page fetched. */
  requests: { url: string; bytes: number }[];
}

/**
 * Installed before any page script: polls once per frame and records when the map exists, when
 * its style is in and when it is ready (loaded, not moving, both item sources loaded, and the item
 * source holding features, which tells the real data from the empty placeholder).
 * Plain JS in a string: tsx's name-keeping helpers must not leak into the page.
 */
const PROBE = `(sources) => {
  window.__bench = { marks: {}, longTasks: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (window.__bench.marks.ready === undefined) window.__bench.longTasks += e.duration;
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    // longtask is not observable here: the figure stays 0
  }
  const tick = () => {
    const m = window.__atlasMap;
    const marks = window.__bench.marks;
    const now = performance.now();
    if (m && marks.map === undefined) marks.map = now;
    if (m && marks.style === undefined && m.isStyleLoaded()) marks.style = now;
    const ready = m && m.isStyleLoaded() && m.loaded() && !m.isMoving() &&
      sources.every((id) => m.getSource(id) && m.isSourceLoaded(id)) &&
      m.querySourceFeatures(sources[0]).length > 0;
    if (ready) marks.ready = now;
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

/** Opens `url` in `page` and waits for the map to be ready; returns the in-page marks. */
export async function loadAndMark(page: Page, url: string, timeoutMs: number): Promise<LoadMarks> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as any).__bench?.marks.ready !== undefined, undefined, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => {
    const b = (window as any).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const data = resources.filter((r) => /\/data\/.*\.(json|geojson)$/.test(r.name) && r.responseEnd <= b.marks.ready);
    return {
      map: b.marks.map,
      style: b.marks.style,
      ready: b.marks.ready,
      domContentLoaded: nav.domContentLoadedEventEnd,
      dataFetched: Math.max(0, ...data.map((r) => r.responseEnd)),
      longTasks: b.longTasks,
      requests: [nav, ...resources].map((r) => ({ url: r.name, bytes: r.encodedBodySize })),
    };
  });
}

/** One filter change: a click on a real UI control, found by CSS selector. */
export interface FilterStep {
  name: string;
  selector: string;
}

export interface FilterSample {
  step: string;
  /** Click to map idle + list updated + one animation frame. */
  ms: number;
  /** Click to the list's data-count changed (state, derived counts, Svelte flush). */
  list: number;
  /** Click to the map's idle (filter re-evaluated in the worker, tiles rebuilt, drawn). */
  idle: number;
  count: number;
  /** Tiles MapLibre (re)loaded between the click and idle: of the shape sources, and of the label source. */
  tiles: number;
  labelTiles: number;
  /** Whether the change narrowed the list (hide) or widened it (show). */
  kind: 'hide' | 'show';
  /** Index of the change in the page, for the CPU trace's marks (`bench:<mark>:start|end`). */
  mark: number;
  timedOut: boolean;
}

/**
 * Counts tiles of the item sources loaded while a change is under way: a 'data' event with a tile
 * is MapLibre's "this tile was (re)parsed in the worker". Injected into page functions as text.
 */
const COUNT_TILES = `(map) => {
  const n = { shapes: 0, labels: 0 };
  const on = (e) => {
    if (e.dataType !== 'source' || !e.tile) return;
    if (e.sourceId === 'items' || e.sourceId === 'items-uncertainty') n.shapes++;
    else if (e.sourceId === 'items-labels' || e.sourceId === 'items-area-labels') n.labels++;
  };
  map.on('data', on);
  return () => { map.off('data', on); return n; };
}`;

let marks = 0;

/**
 * One frame of the map and nothing else: triggerRepaint with no change, to idle + one animation
 * frame. The floor under any change that must redraw the map (F_frame in issue 15).
 */
export async function measureFrameFloor(page: Page, timeoutMs: number): Promise<{ ms: number; timedOut: boolean }> {
  return page.evaluate(async (timeoutMs) => {
    const map = (window as any).__atlasMap;
    const t0 = performance.now();
    const idle = new Promise<void>((ok) => map.once('idle', () => ok()));
    map.triggerRepaint();
    let timedOut = false;
    await Promise.race([idle, new Promise<void>((ok) => setTimeout(() => ok(void (timedOut = true)), timeoutMs))]);
    await new Promise((ok) => requestAnimationFrame(ok));
    return { ms: performance.now() - t0, timedOut };
  }, timeoutMs);
}

/** Moves the map (no animation) and waits for idle; `ms` is jump → idle + one frame. */
export async function jumpAndWait(page: Page, view: { center: [number, number]; zoom: number }, timeoutMs: number, emptyCache = false): Promise<{ ms: number; timedOut: boolean }> {
  return page.evaluate(
    async ({ view, timeoutMs, emptyCache }) => {
      const map = (window as any).__atlasMap;
      // Bench only: forget cached off-screen tiles of every GeoJSON source, so this zoom loads its
      // tiles afresh each time, as a first zoom does (MapLibre internals, never used by the app).
      if (emptyCache) for (const tm of Object.values<any>(map.style.tileManagers ?? {})) tm._outOfViewCache?.reset();
      const t0 = performance.now();
      const idle = new Promise<void>((ok) => map.once('idle', () => ok()));
      map.jumpTo(view);
      let timedOut = false;
      await Promise.race([idle, new Promise<void>((ok) => setTimeout(() => ok(void (timedOut = true)), timeoutMs))]);
      await new Promise((ok) => requestAnimationFrame(ok));
      return { ms: performance.now() - t0, timedOut };
    },
    { view, timeoutMs, emptyCache },
  );
}

/** The map's current view. */
export function viewOf(page: Page): Promise<{ center: [number, number]; zoom: number }> {
  return page.evaluate(() => {
    const map = (window as any).__atlasMap;
    return { center: map.getCenter().toArray(), zoom: map.getZoom() };
  });
}

/** Chromium trace categories enough for CPU per task and the bench's user-timing marks. */
const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata', 'disabled-by-default-devtools.timeline'];

export async function startCpuTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Stops the trace and sums, per marked change, the CPU of the page's renderer: its main thread
 * and its workers (MapLibre's tiling), each top-level task whose start falls between the change's
 * marks, by thread time where the trace has it. The GPU process (software GL here) is not included.
 */
export async function stopCpuTrace(browser: Browser): Promise<Map<number, { main: number; workers: number }>> {
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const windows = new Map<number, { pid: number; start: number; end: number }>();
  for (const e of events) {
    const m = /^bench:(\d+):(start|end)$/.exec(e.name);
    if (!m) continue;
    const w = windows.get(Number(m[1])) ?? { pid: e.pid, start: Infinity, end: -Infinity };
    if (m[2] === 'start') w.start = Math.min(w.start, e.ts);
    else w.end = Math.max(w.end, e.ts);
    windows.set(Number(m[1]), w);
  }
  const out = new Map<number, { main: number; workers: number }>();
  for (const k of windows.keys()) out.set(k, { main: 0, workers: 0 });
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  for (const e of tasks) {
    const thread = threadName.get(`${e.pid}:${e.tid}`) ?? '';
    const main = thread === 'CrRendererMain';
    if (!main && !/Worker/.test(thread)) continue;
    for (const [k, w] of windows) {
      if (e.pid !== w.pid || e.ts < w.start || e.ts > w.end) continue;
      const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
      const o = out.get(k)!;
      if (main) o.main += cpu;
      else o.workers += cpu;
    }
  }
  return out;
}

/** Waits until the map is idle and quiet, so the next change starts from rest. */
export async function settle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => {
    const m = (window as any).__atlasMap;
    return m && m.loaded() && !m.isMoving();
  }, undefined, { timeout: timeoutMs, polling: 50 });
  await page.waitForTimeout(50);
}

/**
 * Clicks `step.selector` and measures, inside the page, until the list's data-count has changed
 * and the map has fired `idle`, then one requestAnimationFrame. A change that does not arrive
 * within `timeoutMs` is a timed-out sample (counted, not hidden).
 */
export async function measureFilter(page: Page, step: FilterStep, timeoutMs: number): Promise<FilterSample> {
  const mark = marks++;
  const r = await page.evaluate(
    async ({ selector, timeoutMs, countTiles, mark }) => {
      const map = (window as any).__atlasMap;
      const tiles = (0, eval)(countTiles)(map);
      const list = document.querySelector<HTMLElement>('[data-testid="item-list"]');
      const control = document.querySelector<HTMLElement>(selector);
      if (!list || !control) throw new Error(`missing ${list ? selector : '[data-testid="item-list"]'}`);
      const before = list.dataset.count;
      let tList = NaN;
      let tIdle = NaN;
      performance.mark(`bench:${mark}:start`);
      const t0 = performance.now();
      const idle = new Promise<void>((ok) => map.once('idle', () => ok(void (tIdle = performance.now()))));
      const listed = new Promise<void>((ok) => {
        const mo = new MutationObserver(() => {
          if (list.dataset.count === before) return;
          tList = performance.now();
          mo.disconnect();
          ok();
        });
        mo.observe(list, { attributes: true, attributeFilter: ['data-count'] });
      });
      control.click();
      let timedOut = false;
      await Promise.race([
        Promise.all([idle, listed]),
        new Promise<void>((ok) => setTimeout(() => ok(void (timedOut = true)), timeoutMs)),
      ]);
      await new Promise((ok) => requestAnimationFrame(ok));
      const ms = performance.now() - t0;
      performance.mark(`bench:${mark}:end`);
      const n = tiles();
      const count = Number(list.dataset.count);
      return { ms, list: tList - t0, idle: tIdle - t0, count, kind: (count < Number(before) ? 'hide' : 'show') as 'hide' | 'show', tiles: n.shapes, labelTiles: n.labels, timedOut };
    },
    { selector: step.selector, timeoutMs, countTiles: COUNT_TILES, mark },
  );
  return { step: step.name, mark, ...r };
}

/** A filter change applied straight to MapLibre (the bare page): every item layer's filter and paint. */
export interface BareFilterChange {
  name: string;
  kind: 'hide' | 'show';
  layers: { id: string; filter: unknown; paint: Record<string, unknown> }[];
}

/**
 * The floor under a filter change: the same filter expressions and paint the Atlas sets, applied by
 * map.setFilter / setPaintProperty on the bare page, timed to map idle + one animation frame.
 */
export interface BareSample {
  step: string;
  kind: 'hide' | 'show';
  ms: number;
  /** Tiles of the one item source (shapes and labels: the naive page has one) and the circles. */
  tiles: number;
  mark: number;
  timedOut: boolean;
}

export async function measureBareFilter(page: Page, change: BareFilterChange, timeoutMs: number): Promise<BareSample> {
  const mark = marks++;
  const r = await page.evaluate(
    async ({ layers, timeoutMs, countTiles, mark }) => {
      const map = (window as any).__atlasMap;
      const tiles = (0, eval)(countTiles)(map);
      performance.mark(`bench:${mark}:start`);
      const t0 = performance.now();
      const idle = new Promise<void>((ok) => map.once('idle', () => ok()));
      for (const l of layers) {
        map.setFilter(l.id, l.filter);
        for (const [prop, value] of Object.entries(l.paint)) map.setPaintProperty(l.id, prop, value);
      }
      let timedOut = false;
      await Promise.race([idle, new Promise<void>((ok) => setTimeout(() => ok(void (timedOut = true)), timeoutMs))]);
      await new Promise((ok) => requestAnimationFrame(ok));
      const ms = performance.now() - t0;
      performance.mark(`bench:${mark}:end`);
      const n = tiles();
      return { ms, tiles: n.shapes + n.labels, timedOut };
    },
    { layers: change.layers, timeoutMs, countTiles: COUNT_TILES, mark },
  );
  return { step: change.name, kind: change.kind, mark, ...r };
}
