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
  timedOut: boolean;
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
  const r = await page.evaluate(
    async ({ selector, timeoutMs }) => {
      const map = (window as any).__atlasMap;
      const list = document.querySelector<HTMLElement>('[data-testid="item-list"]');
      const control = document.querySelector<HTMLElement>(selector);
      if (!list || !control) throw new Error(`missing ${list ? selector : '[data-testid="item-list"]'}`);
      const before = list.dataset.count;
      let tList = NaN;
      let tIdle = NaN;
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
      return { ms: performance.now() - t0, list: tList - t0, idle: tIdle - t0, count: Number(list.dataset.count), timedOut };
    },
    { selector: step.selector, timeoutMs },
  );
  return { step: step.name, ...r };
}

/** A filter change applied straight to MapLibre (the bare page): every item layer's filter and paint. */
export interface BareFilterChange {
  name: string;
  layers: { id: string; filter: unknown; paint: Record<string, unknown> }[];
}

/**
 * The floor under a filter change: the same filter expressions and paint the Atlas sets, applied by
 * map.setFilter / setPaintProperty on the bare page, timed to map idle + one animation frame.
 */
export async function measureBareFilter(page: Page, change: BareFilterChange, timeoutMs: number): Promise<{ step: string; ms: number; timedOut: boolean }> {
  const r = await page.evaluate(
    async ({ layers, timeoutMs }) => {
      const map = (window as any).__atlasMap;
      const t0 = performance.now();
      const idle = new Promise<void>((ok) => map.once('idle', () => ok()));
      for (const l of layers) {
        map.setFilter(l.id, l.filter);
        for (const [prop, value] of Object.entries(l.paint)) map.setPaintProperty(l.id, prop, value);
      }
      let timedOut = false;
      await Promise.race([idle, new Promise<void>((ok) => setTimeout(() => ok(void (timedOut = true)), timeoutMs))]);
      await new Promise((ok) => requestAnimationFrame(ok));
      return { ms: performance.now() - t0, timedOut };
    },
    { layers: change.layers, timeoutMs },
  );
  return { step: change.name, ...r };
}
