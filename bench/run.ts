/**
 * `npm run bench`: rebuilds the data (timed), builds the Atlas and the bare MapLibre page, counts
 * the bytes, then drives Chromium against both builds on 127.0.0.1 to time the first drawn map and
 * the filter changes, at the real data size and with synthetic 10k / 100k item sets.
 * Writes bench/results.json and prints a table. See bench/README.md for what each figure means.
 *
 * Knobs (environment): BENCH_RUNS (load runs per page, default 5), BENCH_SIZES (synthetic item
 * counts, default "10000,100000"), BENCH_SKIP_PIPELINE=1 (keep the last pipeline figure out).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { BoundaryCollection, ItemCollection } from '../src/lib/schema';
import {
  guardedContext,
  jumpAndWait,
  launch,
  loadAndMark,
  measureBareFilter,
  measureFilter,
  measureFrameFloor,
  settle,
  startCpuTrace,
  stopCpuTrace,
  viewOf,
  type BareFilterChange,
  type BareSample,
  type FilterSample,
  type FilterStep,
  type Guard,
  type LoadMarks,
} from './browser';
import { listCpu } from './listCpu';
import { writeReadme } from './readme';
import { DEFAULT_FILTERS, filterExpression, statusKey, type FilterState } from '../src/lib/filters';
import { itemLayers, layerFilter } from '../src/lib/map/itemLayers';
import { bundleBytes, dataBytes } from './bytes';
import { machine } from './machine';
import { timePipeline } from './pipeline';
import { serveStatic } from './staticServer';
import { median, percentile, round1 } from './stats';
import { syntheticItems } from './synthetic';
import { formatTable } from './table';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, 'bench', 'tmp');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').filter(Boolean).map(Number);
const SEED = 1;
/** Filter-change cycles per view: each gives 3 hide and 3 show steps, so 10 → 30 samples per figure. */
const CYCLES = Math.max(1, Number(process.env.BENCH_CYCLES ?? 10));
/** First zooms measured per case (without / after a filter). */
const ZOOMS = Math.max(1, Number(process.env.BENCH_ZOOMS ?? 30));
/** Where item labels are drawn for a dense dataset (LABEL_MINZOOM_DENSE is 15). */
const LABEL_ZOOM = 15.5;
const LOAD_TIMEOUT_MS = (n: number) => (n <= 1000 ? 60_000 : 300_000);
const FILTER_TIMEOUT_MS = 60_000;
/** A page is "quiet" when the map has not rendered and no long task ran for this long. */
const QUIET_MS = 1500;

/** One cycle of changes through the real controls; each pair returns to where it started. */
const STEPS: FilterStep[] = [
  { name: 'category road_bridge on', selector: '[data-testid="filter-category"] input[value="road_bridge"]' },
  { name: 'category road_bridge off', selector: '[data-testid="filter-category"] input[value="road_bridge"]' },
  { name: 'status planned on', selector: '[data-testid="filter-status"] input[value="planned"]' },
  { name: 'status planned off', selector: '[data-testid="filter-status"] input[value="planned"]' },
  { name: 'year 2022', selector: '[data-testid="filter-year"] button[data-year="2022"]' },
  { name: 'year all', selector: '[data-testid="filter-year"] button[data-year="all"]' },
];

/** The filter state after each step of STEPS, for the bare page's floor measurement. */
const STATES: FilterState[] = [
  { ...DEFAULT_FILTERS, categories: ['road_bridge'] },
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, statuses: ['planned'] },
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, year: 2022 },
  DEFAULT_FILTERS,
];
const BARE_CHANGES: BareFilterChange[] = STATES.map((f, i) => ({
  name: STEPS[i].name,
  kind: i % 2 === 0 ? 'hide' : 'show',
  layers: itemLayers(statusKey(f.year)).map((l) => ({
    id: l.id,
    filter: layerFilter(l.id, filterExpression(f, [])), // the bench's steps use no text query
    paint: ('paint' in l ? l.paint : {}) as Record<string, unknown>,
  })),
}));

const med = (xs: number[]) => (xs.length ? round1(median(xs)) : null);
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const npx = (args: string[]) => execFileSync('npx', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

mkdirSync(tmp, { recursive: true });

// ---------------------------------------------------------------- pipeline (first: the builds copy its output)
const pipeline = process.env.BENCH_SKIP_PIPELINE === '1' ? null : (log('pipeline x5 …'), timePipeline(root, 5));

// ---------------------------------------------------------------- builds and bytes
log('building the Atlas (hidden source maps) and the bare page …');
const appDist = join(tmp, 'app-dist');
const bareDist = join(tmp, 'bare-dist');
npx(['vite', 'build', '--outDir', appDist, '--emptyOutDir', '--sourcemap', 'hidden', '--logLevel', 'error']);
npx(['vite', 'build', '--config', 'bench/vite.bare.config.ts', '--logLevel', 'error']);
const entry = readFileSync(join(appDist, 'index.html'), 'utf8').match(/assets\/([^"]+\.js)"/)?.[1];
if (!entry) throw new Error(`no entry script in ${join(appDist, 'index.html')}`);
const bundle = bundleBytes(join(appDist, 'assets'), entry);
const data = dataBytes(join(root, 'public', 'data'));

// ---------------------------------------------------------------- synthetic data
const real = ItemCollection.parse(JSON.parse(readFileSync(join(root, 'public/data/items.geojson'), 'utf8')));
const boundaries = BoundaryCollection.parse(JSON.parse(readFileSync(join(root, 'public/data/basemap/boundaries.geojson'), 'utf8')));
const synthetic = new Map<number, string>();
for (const n of SIZES) {
  const file = join(tmp, `items-${n}-seed${SEED}.geojson`);
  writeFileSync(file, JSON.stringify(syntheticItems(real, boundaries, { n, seed: SEED })));
  synthetic.set(n, file);
  log(`synthetic ${n} items → ${file}`);
}

// ---------------------------------------------------------------- app CPU for list and counts (Node)
const listCpuBySize = new Map<number, ReturnType<typeof listCpu>>();
for (const [n, file] of [[real.features.length, null] as const, ...[...synthetic]]) {
  const items = file ? (JSON.parse(readFileSync(file, 'utf8')) as typeof real).features : real.features;
  listCpuBySize.set(n, listCpu(items, STATES, CYCLES));
  log(`list and counts CPU at ${n} items: index ${round1(median(listCpuBySize.get(n)!.index))} ms, predicate ${round1(median(listCpuBySize.get(n)!.predicate))} ms`);
}

// ---------------------------------------------------------------- browser
const server = await serveStatic({ app: appDist, bare: bareDist, synthetic: tmp });
// Compressed once before any page asks (a static host serves precompressed or cached files).
for (const file of synthetic.values()) await (await fetch(`${server.origin}/synthetic/${basename(file)}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
const { browser, version } = await launch();
const guard: Guard = { offHost: [], pageErrors: [] };

async function openPage(url: string, itemsFile: string | null, timeoutMs: number): Promise<{ page: Page; marks: LoadMarks; close: () => Promise<void> }> {
  const context = await guardedContext(browser, guard);
  const page = await context.newPage();
  page.on('pageerror', (e) => guard.pageErrors.push(`${url}: ${e.message}`));
  page.on('crash', () => guard.pageErrors.push(`${url}: page crashed`));
  // Redirected, not fulfilled: route.fulfill sends the body through the DevTools protocol, and an
  // 80-MB body (100k items) crashes the page; continuing to a local URL streams it like any file.
  if (itemsFile) await page.route('**/data/items.geojson', (route) => route.continue({ url: `${server.origin}/synthetic/${basename(itemsFile)}` }));
  const marks = await loadAndMark(page, url, timeoutMs);
  return { page, marks, close: () => context.close() };
}

/**
 * Waits for QUIET_MS without a map render or a long task (e.g. the pinyin index arriving late and
 * the map re-fed with it). A string, so tsx's name-keeping helpers do not leak into the page.
 */
const QUIET = `({ quietMs, timeoutMs }) => new Promise((ok, fail) => {
  const map = window.__atlasMap;
  let last = performance.now();
  const bump = () => { last = performance.now(); };
  map.on('render', bump);
  const lt = new PerformanceObserver(bump);
  lt.observe({ type: 'longtask' });
  const t0 = performance.now();
  const iv = setInterval(() => {
    const now = performance.now();
    if (now - last < quietMs && now - t0 <= timeoutMs) return;
    clearInterval(iv);
    map.off('render', bump);
    lt.disconnect();
    if (now - last >= quietMs) ok();
    else fail(new Error('page not quiet after ' + timeoutMs + ' ms'));
  }, 100);
})`;
const quiet = (page: Page, timeoutMs: number) => page.evaluate(`(${QUIET})(${JSON.stringify({ quietMs: QUIET_MS, timeoutMs })})`);

// Load: the Atlas and the bare page alternate (ABBA…), each in a fresh context with an empty cache.
const loads: { atlas: LoadMarks[]; bare: LoadMarks[] } = { atlas: [], bare: [] };
for (let i = 0; i < RUNS; i++) {
  const order: ('atlas' | 'bare')[] = i % 2 ? ['bare', 'atlas'] : ['atlas', 'bare'];
  for (const which of order) {
    const url = `${server.origin}/${which === 'atlas' ? 'app' : 'bare'}/`;
    const { marks, close } = await openPage(url, null, LOAD_TIMEOUT_MS(real.features.length));
    loads[which].push(marks);
    await close();
  }
  log(`load run ${i + 1}/${RUNS}: atlas ${round1(loads.atlas[i].ready)} ms, bare ${round1(loads.bare[i].ready)} ms`);
}

// Filters: one Atlas page and one naive setFilter page per data size, the steps cycled through the
// real controls (Atlas) or applied straight to MapLibre (naive), at the first view and at LABEL_ZOOM.
type Cpu = { main: number; workers: number };
interface SizeResult {
  items: number;
  load_ms: number | null;
  /** The bare page's load with the same file: the floor under `load_ms` at this size (one run). */
  bare_load_ms: number | null;
  samples: (FilterSample & { cpu?: Cpu })[];
  /** The same changes applied straight to MapLibre on the naive setFilter page. */
  bare: (BareSample & { cpu?: Cpu })[];
  /** One redraw with no change, on the Atlas page with the same data (F_frame). */
  frame: number[];
  /** The same at LABEL_ZOOM. */
  samplesZ: FilterSample[];
  bareZ: BareSample[];
  frameZ: number[];
  /** First zoom (+2) into fresh tiles: on a page that never filtered, and right after a filter. */
  zoom: number[];
  zoomAfter: number[];
  error?: string;
}

/** ZOOMS views two zoom levels in, spread on a ring around the first view's centre. */
function zoomTargets(home: { center: [number, number]; zoom: number }): { center: [number, number]; zoom: number }[] {
  const span = 360 / 2 ** home.zoom; // degrees of longitude across ~one 512-px tile at the first view
  return Array.from({ length: ZOOMS }, (_, k) => {
    const a = (k / ZOOMS) * 2 * Math.PI;
    const r = span * (0.15 + 0.25 * ((k * 7) % 5) / 4);
    return { center: [home.center[0] + r * Math.cos(a), home.center[1] + 0.75 * r * Math.sin(a)], zoom: home.zoom + 2 };
  });
}

async function cycles<T extends { timedOut: boolean }>(page: Page, n: number, measure: (i: number) => Promise<T>, label: string): Promise<T[]> {
  const out: T[] = [];
  for (let c = 0; c < CYCLES; c++) {
    for (let i = 0; i < STEPS.length; i++) {
      await settle(page, FILTER_TIMEOUT_MS);
      const s = await measure(i);
      out.push(s);
      if (s.timedOut) log(`${n} items, ${label}: "${STEPS[i].name}" timed out after ${FILTER_TIMEOUT_MS} ms`);
    }
  }
  return out;
}

async function frames(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < 3 * CYCLES; k++) {
    await settle(page, FILTER_TIMEOUT_MS);
    const f = await measureFrameFloor(page, FILTER_TIMEOUT_MS);
    if (!f.timedOut) out.push(f.ms);
  }
  return out;
}

const withCpu = <T extends { mark: number }>(xs: T[], cpu: Map<number, Cpu>) => xs.map((x) => ({ ...x, cpu: cpu.get(x.mark) }));

const sizes: SizeResult[] = [];
for (const [n, file] of [[real.features.length, null] as const, ...[...synthetic].map(([k, f]) => [k, f] as const)]) {
  const result: SizeResult = { items: n, load_ms: null, bare_load_ms: null, samples: [], bare: [], frame: [], samplesZ: [], bareZ: [], frameZ: [], zoom: [], zoomAfter: [] };
  sizes.push(result);
  let close: (() => Promise<void>) | undefined;
  try {
    const opened = await openPage(`${server.origin}/app/`, file, LOAD_TIMEOUT_MS(n));
    const page = opened.page;
    close = opened.close;
    result.load_ms = opened.marks.ready;
    await quiet(page, LOAD_TIMEOUT_MS(n));
    const home = await viewOf(page);
    const targets = zoomTargets(home);
    // First zooms before any filter ever ran on this page (no feature-state yet).
    for (const t of targets) {
      await settle(page, FILTER_TIMEOUT_MS);
      const z = await jumpAndWait(page, t, FILTER_TIMEOUT_MS, true);
      if (!z.timedOut) result.zoom.push(z.ms);
      await jumpAndWait(page, home, FILTER_TIMEOUT_MS);
    }
    await startCpuTrace(browser, page);
    const samples = await cycles(page, n, (i) => measureFilter(page, STEPS[i], FILTER_TIMEOUT_MS), 'Atlas');
    result.samples = withCpu(samples, await stopCpuTrace(browser));
    result.frame = await frames(page);
    // The same zooms, each right after a filter that hides most items (then the filter is undone).
    for (const t of targets) {
      await settle(page, FILTER_TIMEOUT_MS);
      await measureFilter(page, STEPS[0], FILTER_TIMEOUT_MS);
      await settle(page, FILTER_TIMEOUT_MS);
      const z = await jumpAndWait(page, t, FILTER_TIMEOUT_MS, true);
      if (!z.timedOut) result.zoomAfter.push(z.ms);
      await jumpAndWait(page, home, FILTER_TIMEOUT_MS);
      await settle(page, FILTER_TIMEOUT_MS);
      await measureFilter(page, STEPS[1], FILTER_TIMEOUT_MS);
    }
    await jumpAndWait(page, { center: home.center, zoom: LABEL_ZOOM }, FILTER_TIMEOUT_MS);
    result.samplesZ = await cycles(page, n, (i) => measureFilter(page, STEPS[i], FILTER_TIMEOUT_MS), `Atlas z${LABEL_ZOOM}`);
    result.frameZ = await frames(page);
    await close();
    close = undefined;

    const bare = await openPage(`${server.origin}/bare/`, file, LOAD_TIMEOUT_MS(n));
    close = bare.close;
    result.bare_load_ms = bare.marks.ready;
    await quiet(bare.page, LOAD_TIMEOUT_MS(n));
    await startCpuTrace(browser, bare.page);
    const bareSamples = await cycles(bare.page, n, (i) => measureBareFilter(bare.page, BARE_CHANGES[i], FILTER_TIMEOUT_MS), 'naive');
    result.bare = withCpu(bareSamples, await stopCpuTrace(browser));
    await jumpAndWait(bare.page, { center: home.center, zoom: LABEL_ZOOM }, FILTER_TIMEOUT_MS);
    result.bareZ = await cycles(bare.page, n, (i) => measureBareFilter(bare.page, BARE_CHANGES[i], FILTER_TIMEOUT_MS), `naive z${LABEL_ZOOM}`);
    const ok = result.samples.filter((s) => !s.timedOut).map((s) => s.ms);
    log(
      `filters at ${n} items: load ${round1(result.load_ms)} ms (bare ${round1(result.bare_load_ms)} ms), median ${ok.length ? round1(median(ok)) : '—'} ms over ${ok.length}; ` +
        `naive ${med(result.bare.filter((b) => !b.timedOut).map((b) => b.ms))} ms; frame ${med(result.frame)} ms; first zoom ${med(result.zoom)} / after filter ${med(result.zoomAfter)} ms`,
    );
  } catch (e) {
    result.error = (e as Error).message.split('\n')[0];
    log(`filters at ${n} items FAILED: ${result.error}`);
  } finally {
    await close?.();
  }
}

await browser.close();
await server.close();

// ---------------------------------------------------------------- results
const phase = (ms: LoadMarks[]) => ({
  dom_content_loaded: med(ms.map((m) => m.domContentLoaded)),
  data_fetched: med(ms.map((m) => m.dataFetched)),
  map_created: med(ms.map((m) => m.map)),
  style_loaded: med(ms.map((m) => m.style)),
  ready: med(ms.map((m) => m.ready)),
  long_tasks_total: med(ms.map((m) => m.longTasks)),
});
const atlasLoad = median(loads.atlas.map((m) => m.ready));
const bareLoad = median(loads.bare.map((m) => m.ready));
const okSamples = (r: SizeResult) => r.samples.filter((s) => !s.timedOut);
const ok = <T extends { timedOut: boolean; ms: number }>(xs: T[], kind?: 'hide' | 'show') => xs.filter((s) => !s.timedOut && (!kind || (s as { kind?: string }).kind === kind)).map((s) => s.ms);
/** median(a) / median(b), 3 decimals; null when either side has no sample. */
const ratio = (a: number[], b: number[]) => (a.length && b.length ? Math.round((median(a) / median(b)) * 1000) / 1000 : null);
const p95ratio = (a: number[], b: number[]) => (a.length && b.length ? Math.round((percentile(a, 95) / median(b)) * 1000) / 1000 : null);
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
/** Median CPU per change of the renderer's main thread and workers (trace), ms. */
const cpuOf = (xs: { cpu?: Cpu; timedOut: boolean }[]) => {
  const c = xs.filter((x) => x.cpu && !x.timedOut).map((x) => x.cpu!);
  return c.length ? { main: round1(median(c.map((x) => x.main))), workers: round1(median(c.map((x) => x.workers))), total: round1(median(c.map((x) => x.main + x.workers))) } : null;
};
const byCount = <T>(f: (r: SizeResult) => T) => Object.fromEntries(sizes.map((r) => [String(r.items), f(r)]));

const results = {
  machine: machine(version),
  runs: RUNS,
  load_ms: {
    atlas: round1(atlasLoad),
    bare: round1(bareLoad),
    atlas_runs: loads.atlas.map((m) => round1(m.ready)),
    bare_runs: loads.bare.map((m) => round1(m.ready)),
  },
  load_ratio_vs_bare: Math.round((atlasLoad / bareLoad) * 1000) / 1000,
  load_phases_ms: { atlas: phase(loads.atlas), bare: phase(loads.bare) },
  load_requests: {
    atlas: loads.atlas[0].requests.map((r) => ({ url: r.url.replace(server.origin, ''), bytes: r.bytes })),
    bare: loads.bare[0].requests.map((r) => ({ url: r.url.replace(server.origin, ''), bytes: r.bytes })),
  },
  filter_ms_median: byCount((r) => (okSamples(r).length ? round1(median(okSamples(r).map((s) => s.ms))) : null)),
  filter_ms_p95: byCount((r) => (okSamples(r).length ? round1(percentile(okSamples(r).map((s) => s.ms), 95)) : null)),
  filter_bare_ms_median: byCount((r) => med(r.bare.filter((b) => !b.timedOut).map((b) => b.ms))),
  // issue 15: in-run ratios (both sides measured in the same run, on the same shared machine)
  filter_ratio_vs_setfilter: byCount((r) => ratio(ok(r.samples), ok(r.bare))),
  filter_ratio_vs_frame: byCount((r) => ratio(ok(r.samples), r.frame)),
  filter_p95_ratio_vs_frame: byCount((r) => p95ratio(ok(r.samples), r.frame)),
  first_zoom_ratio_after_filter: byCount((r) => ratio(r.zoomAfter, r.zoom)),
  tiles_rebuilt_on_filter: byCount((r) => maxOf(okSamples(r).map((s) => s.tiles + s.labelTiles))),
  list_update_cpu_ms: byCount((r) => {
    const c = listCpuBySize.get(r.items);
    return c ? round1(median(c.index)) : null;
  }),
  filter_split: byCount((r) => ({
    // hide (the list narrows) and show (it widens) apart: they differ ~2x
    atlas: { hide_ms: med(ok(r.samples, 'hide')), show_ms: med(ok(r.samples, 'show')), hide_p95_ms: ok(r.samples, 'hide').length ? round1(percentile(ok(r.samples, 'hide'), 95)) : null, show_p95_ms: ok(r.samples, 'show').length ? round1(percentile(ok(r.samples, 'show'), 95)) : null, samples: { hide: ok(r.samples, 'hide').length, show: ok(r.samples, 'show').length } },
    setfilter: { hide_ms: med(ok(r.bare, 'hide')), show_ms: med(ok(r.bare, 'show')), samples: { hide: ok(r.bare, 'hide').length, show: ok(r.bare, 'show').length } },
    frame_ms: med(r.frame),
    ratio_vs_setfilter: { hide: ratio(ok(r.samples, 'hide'), ok(r.bare, 'hide')), show: ratio(ok(r.samples, 'show'), ok(r.bare, 'show')) },
    ratio_vs_frame: { hide: ratio(ok(r.samples, 'hide'), r.frame), show: ratio(ok(r.samples, 'show'), r.frame) },
    tiles_rebuilt: { atlas_shapes_max: maxOf(okSamples(r).map((s) => s.tiles)), atlas_labels_max: maxOf(okSamples(r).map((s) => s.labelTiles)), setfilter_median: med(r.bare.map((b) => b.tiles)) },
    cpu_per_change_ms: { atlas: cpuOf(r.samples), setfilter: cpuOf(r.bare) },
  })),
  filter_labels_zoom: byCount((r) => ({
    zoom: LABEL_ZOOM,
    atlas: { hide_ms: med(ok(r.samplesZ, 'hide')), show_ms: med(ok(r.samplesZ, 'show')), samples: ok(r.samplesZ).length },
    setfilter: { hide_ms: med(ok(r.bareZ, 'hide')), show_ms: med(ok(r.bareZ, 'show')), samples: ok(r.bareZ).length },
    frame_ms: med(r.frameZ),
    ratio_vs_setfilter: ratio(ok(r.samplesZ), ok(r.bareZ)),
    ratio_vs_frame: ratio(ok(r.samplesZ), r.frameZ),
    tiles_rebuilt: { atlas_shapes_max: maxOf(r.samplesZ.map((s) => s.tiles)), atlas_labels_max: maxOf(r.samplesZ.map((s) => s.labelTiles)), setfilter_median: med(r.bareZ.map((b) => b.tiles)) },
  })),
  first_zoom_ms: byCount((r) => ({ without_filter: med(r.zoom), after_filter: med(r.zoomAfter), samples: { without_filter: r.zoom.length, after_filter: r.zoomAfter.length } })),
  list_cpu_detail: byCount((r) => {
    const c = listCpuBySize.get(r.items);
    return c ? { index_ms: round1(median(c.index)), predicate_ms: round1(median(c.predicate)), index_build_ms: round1(c.build_ms), samples: c.index.length } : null;
  }),
  filter_detail: byCount((r) => ({
    load_ms: r.load_ms === null ? null : round1(r.load_ms),
    bare_load_ms: r.bare_load_ms === null ? null : round1(r.bare_load_ms),
    samples: r.samples.length,
    timed_out: r.samples.filter((s) => s.timedOut).length,
    error: r.error ?? null,
    list_ms_median: med(okSamples(r).map((s) => s.list)),
    idle_ms_median: med(okSamples(r).map((s) => s.idle)),
    by_step_median_ms: Object.fromEntries(STEPS.map((st) => [st.name, med(okSamples(r).filter((s) => s.step === st.name).map((s) => s.ms))])),
    counts: Object.fromEntries(STEPS.map((st) => [st.name, r.samples.find((s) => s.step === st.name)?.count ?? null])),
  })),
  bytes: { ...bundle.summary, data: data.total, data_files: data.files, chunks: { js: bundle.js, css: bundle.css, worker: bundle.worker } },
  pipeline_ms: pipeline
    ? {
        median: round1(median(pipeline.runs_ms)),
        runs: pipeline.runs_ms.map(round1),
        exit_codes: pipeline.exit_codes,
        data_unchanged: pipeline.data_unchanged,
        ...(pipeline.data_unchanged ? {} : { status_before: pipeline.status_before, status_after: pipeline.status_after }),
      }
    : null,
  offhost_requests: { count: guard.offHost.length, urls: [...new Set(guard.offHost)] },
  page_errors: guard.pageErrors,
};

writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(formatTable(results));
// The README's performance section is regenerated from what was just written.
writeReadme(root);
if (guard.offHost.length) process.exitCode = 1;
