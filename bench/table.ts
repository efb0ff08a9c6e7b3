/** The readable summary of a results.json, with each goal of bench/README.md checked. */
import type { Size } from './bytes';

export interface Summary {
  machine: { cpu: string; cores: number; memory_gb: number; node: string; chromium: string; date: string };
  runs: number;
  load_ms: { atlas: number; bare: number };
  load_ratio_vs_bare: number;
  filter_ms_median: Record<string, number | null>;
  filter_ms_p95: Record<string, number | null>;
  filter_bare_ms_median: Record<string, number | null>;
  filter_detail: Record<string, { load_ms: number | null; bare_load_ms?: number | null; samples: number; timed_out: number; error: string | null; list_ms_median: number | null; idle_ms_median: number | null }>;
  bytes: { maplibre_js: Size; maplibre_worker: Size; maplibre_css: Size; app_js_initial: Size; app_js_lazy: Size; app_css: Size; data: Size };
  pipeline_ms: { median: number; data_unchanged: boolean } | null;
  offhost_requests: { count: number };
  page_errors: string[];
  load_phases_ms?: { atlas: { map_created: number | null }; bare: { map_created: number | null } };
  /** issue 15 (absent in older results): in-run ratios, floors, first zoom, tiles, CPU. */
  filter_ratio_vs_setfilter?: Record<string, number | null>;
  filter_ratio_vs_frame?: Record<string, number | null>;
  filter_p95_ratio_vs_frame?: Record<string, number | null>;
  first_zoom_ratio_after_filter?: Record<string, number | null>;
  tiles_rebuilt_on_filter?: Record<string, number | null>;
  list_update_cpu_ms?: Record<string, number | null>;
  filter_split?: Record<string, Split>;
  filter_labels_zoom?: Record<string, LabelsZoom>;
  first_zoom_ms?: Record<string, { without_filter: number | null; after_filter: number | null; samples: { without_filter: number; after_filter: number } }>;
  list_cpu_detail?: Record<string, { index_ms: number; predicate_ms: number; index_build_ms: number; samples: number } | null>;
}

type Cpu = { main: number; workers: number; total: number } | null;
interface Split {
  atlas: { hide_ms: number | null; show_ms: number | null; hide_p95_ms: number | null; show_p95_ms: number | null; samples: { hide: number; show: number } };
  setfilter: { hide_ms: number | null; show_ms: number | null; samples: { hide: number; show: number } };
  frame_ms: number | null;
  ratio_vs_setfilter: { hide: number | null; show: number | null };
  ratio_vs_frame: { hide: number | null; show: number | null };
  tiles_rebuilt: { atlas_shapes_max: number | null; atlas_labels_max: number | null; setfilter_median: number | null };
  cpu_per_change_ms: { atlas: Cpu; setfilter: Cpu };
}
interface LabelsZoom {
  zoom: number;
  atlas: { hide_ms: number | null; show_ms: number | null; samples: number };
  setfilter: { hide_ms: number | null; show_ms: number | null; samples: number };
  frame_ms: number | null;
  ratio_vs_setfilter: number | null;
  ratio_vs_frame: number | null;
  tiles_rebuilt: { atlas_shapes_max: number | null; atlas_labels_max: number | null; setfilter_median: number | null };
}

const at = (m: Record<string, number | null> | undefined, n: string, ok: (x: number) => boolean): boolean | null => (m?.[n] == null ? null : ok(m[n]!));

/** The goals, as predicates over the results; `null` when the figure is missing. */
export const GOALS: { name: string; check: (r: Summary) => boolean | null }[] = [
  { name: 'load ratio vs bare ≤ 1.25', check: (r) => r.load_ratio_vs_bare <= 1.25 },
  { name: 'filter median ≤ 50 ms at 10k', check: (r) => (r.filter_ms_median['10000'] == null ? null : r.filter_ms_median['10000'] <= 50) },
  { name: 'filter median ≤ 150 ms at 100k', check: (r) => (r.filter_ms_median['100000'] == null ? null : r.filter_ms_median['100000'] <= 150) },
  { name: "app's own JS (no MapLibre) ≤ 60 KB gz", check: (r) => r.bytes.app_js_initial.gzip <= 60 * 1024 },
  { name: 'pipeline ≤ 5 s', check: (r) => (r.pipeline_ms ? r.pipeline_ms.median <= 5000 : null) },
  { name: 'no request left 127.0.0.1', check: (r) => r.offhost_requests.count === 0 },
  // issue 15, from in-run ratios
  { name: 'load with the real data ≤ 1.15× bare (gzip served)', check: (r) => r.load_ratio_vs_bare <= 1.15 },
  {
    name: 'map created ≤ bare + 300 ms',
    check: (r) => {
      const a = r.load_phases_ms?.atlas.map_created;
      const b = r.load_phases_ms?.bare.map_created;
      return a == null || b == null ? null : a <= b + 300;
    },
  },
  ...['10000', '100000'].flatMap((n) => [
    { name: `filter ≤ 0.5× naive setFilter page at ${n}`, check: (r: Summary) => at(r.filter_ratio_vs_setfilter, n, (x) => x <= 0.5) },
    { name: `filter ≤ 2× one frame at ${n}`, check: (r: Summary) => at(r.filter_ratio_vs_frame, n, (x) => x <= 2) },
    { name: `filter p95 ≤ 3× one frame at ${n}`, check: (r: Summary) => at(r.filter_p95_ratio_vs_frame, n, (x) => x <= 3) },
    { name: `first zoom after a filter ≤ 1.25× without at ${n}`, check: (r: Summary) => at(r.first_zoom_ratio_after_filter, n, (x) => x <= 1.25) },
    { name: `0 tiles rebuilt on a filter change at ${n} (first view)`, check: (r: Summary) => at(r.tiles_rebuilt_on_filter, n, (x) => x === 0) },
  ]),
  { name: 'app list and counts ≤ 20 ms CPU at 100000', check: (r) => at(r.list_update_cpu_ms, '100000', (x) => x <= 20) },
];

/** The issue-15 table: figure, Atlas, floor(s), ratio, per item count (in-run, same machine). */
export function floorTable(r: Summary): string[] {
  if (!r.filter_split) return [];
  const lines = ['| figure | items | Atlas | naive setFilter | one frame | ÷ setFilter | ÷ frame |', '|---|---|---|---|---|---|---|'];
  const x = (v: number | null | undefined) => (v == null ? '—' : `${v}`);
  for (const [n, s] of Object.entries(r.filter_split)) {
    lines.push(`| filter change, hide | ${n} | ${ms(s.atlas.hide_ms)} (p95 ${ms(s.atlas.hide_p95_ms)}) | ${ms(s.setfilter.hide_ms)} | ${ms(s.frame_ms)} | ${x(s.ratio_vs_setfilter.hide)} | ${x(s.ratio_vs_frame.hide)} |`);
    lines.push(`| filter change, show | ${n} | ${ms(s.atlas.show_ms)} (p95 ${ms(s.atlas.show_p95_ms)}) | ${ms(s.setfilter.show_ms)} | ${ms(s.frame_ms)} | ${x(s.ratio_vs_setfilter.show)} | ${x(s.ratio_vs_frame.show)} |`);
    lines.push(`| filter change, all (median) | ${n} | ${ms(r.filter_ms_median[n])} | ${ms(r.filter_bare_ms_median[n])} | ${ms(s.frame_ms)} | ${x(r.filter_ratio_vs_setfilter?.[n])} | ${x(r.filter_ratio_vs_frame?.[n])} (p95 ${x(r.filter_p95_ratio_vs_frame?.[n])}) |`);
    const z = r.filter_labels_zoom?.[n];
    if (z) lines.push(`| filter change at zoom ${z.zoom} (labels) | ${n} | ${ms(z.atlas.hide_ms)} / ${ms(z.atlas.show_ms)} | ${ms(z.setfilter.hide_ms)} / ${ms(z.setfilter.show_ms)} | ${ms(z.frame_ms)} | ${x(z.ratio_vs_setfilter)} | ${x(z.ratio_vs_frame)} |`);
    const c = s.cpu_per_change_ms;
    if (c.atlas || c.setfilter) lines.push(`| renderer CPU per change, main + workers | ${n} | ${c.atlas ? `${c.atlas.main} + ${c.atlas.workers} ms` : '—'} | ${c.setfilter ? `${c.setfilter.main} + ${c.setfilter.workers} ms` : '—'} | — | ${c.atlas && c.setfilter ? x(Math.round((c.atlas.total / c.setfilter.total) * 1000) / 1000) : '—'} | — |`);
    lines.push(`| tiles rebuilt per change, shapes / labels (max) | ${n} | ${x(s.tiles_rebuilt.atlas_shapes_max)} / ${x(s.tiles_rebuilt.atlas_labels_max)}${z ? `; at zoom ${z.zoom}: ${x(z.tiles_rebuilt.atlas_shapes_max)} / ${x(z.tiles_rebuilt.atlas_labels_max)}` : ''} | ${x(s.tiles_rebuilt.setfilter_median)} (median)${z ? `; at zoom ${z.zoom}: ${x(z.tiles_rebuilt.setfilter_median)}` : ''} | — | — | — |`);
    const fz = r.first_zoom_ms?.[n];
    if (fz) lines.push(`| first zoom (+2) after a filter / without | ${n} | ${ms(fz.after_filter)} | — | ${ms(fz.without_filter)} (without) | — | ${x(r.first_zoom_ratio_after_filter?.[n])} |`);
    const l = r.list_cpu_detail?.[n];
    if (l) lines.push(`| app CPU, list and counts (Node) | ${n} | ${ms(l.index_ms)} | ${ms(l.predicate_ms)} (per-record predicate) | — | ${x(Math.round((l.index_ms / l.predicate_ms) * 1000) / 1000)} | — |`);
  }
  return lines;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const size = (s: Size) => `${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)}`;
const ms = (x: number | null | undefined) => (x == null ? '—' : `${x} ms`);

export function formatTable(r: Summary): string {
  const m = r.machine;
  const lines = [
    `Linghe Report Atlas — bench (${m.date})`,
    `${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB; node ${m.node}; chromium ${m.chromium}`,
    '',
    `load (median of ${r.runs})   atlas ${ms(r.load_ms.atlas)}   bare ${ms(r.load_ms.bare)}   ratio ${r.load_ratio_vs_bare}`,
    '',
    'items      load        bare load   filter median   filter p95   list    map idle   bare floor  samples (timed out)',
  ];
  for (const [n, d] of Object.entries(r.filter_detail)) {
    const cells = [n.padEnd(10), ms(d.load_ms).padEnd(11), ms(d.bare_load_ms).padEnd(11), ms(r.filter_ms_median[n]).padEnd(15), ms(r.filter_ms_p95[n]).padEnd(12), ms(d.list_ms_median).padEnd(7), ms(d.idle_ms_median).padEnd(10), ms(r.filter_bare_ms_median[n]).padEnd(11), `${d.samples} (${d.timed_out})`];
    lines.push(cells.join(' ') + (d.error ? `  ERROR: ${d.error}` : ''));
  }
  const b = r.bytes;
  lines.push(
    '',
    `bytes                         ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`,
    `app JS, initial (no MapLibre) ${size(b.app_js_initial)}`,
    `app JS, lazy (pinyin)         ${size(b.app_js_lazy)}`,
    `app CSS                       ${size(b.app_css)}`,
    `MapLibre JS (main thread)     ${size(b.maplibre_js)}`,
    `MapLibre worker               ${size(b.maplibre_worker)}`,
    `MapLibre CSS                  ${size(b.maplibre_css)}`,
    `data (manifest files)         ${size(b.data)}`,
    '',
    `pipeline (median of 5)  ${r.pipeline_ms ? `${ms(r.pipeline_ms.median)}${r.pipeline_ms.data_unchanged ? '' : '  (public/data CHANGED)'}` : 'skipped'}`,
    `requests leaving 127.0.0.1: ${r.offhost_requests.count}; page errors: ${r.page_errors.length}`,
    ...(r.filter_split ? ['', 'issue 15: Atlas against its floors, measured in the same run', ...floorTable(r)] : []),
    '',
    'goals',
    ...GOALS.map((g) => {
      const ok = g.check(r);
      return `  ${ok === null ? '—   ' : ok ? 'pass' : 'FAIL'}  ${g.name}`;
    }),
    '',
  );
  return lines.join('\n');
}
