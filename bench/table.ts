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
}

/** The goals, as predicates over the results; `null` when the figure is missing. */
export const GOALS: { name: string; check: (r: Summary) => boolean | null }[] = [
  { name: 'load ratio vs bare ≤ 1.25', check: (r) => r.load_ratio_vs_bare <= 1.25 },
  { name: 'filter median ≤ 50 ms at 10k', check: (r) => (r.filter_ms_median['10000'] == null ? null : r.filter_ms_median['10000'] <= 50) },
  { name: 'filter median ≤ 150 ms at 100k', check: (r) => (r.filter_ms_median['100000'] == null ? null : r.filter_ms_median['100000'] <= 150) },
  { name: "app's own JS (no MapLibre) ≤ 60 KB gz", check: (r) => r.bytes.app_js_initial.gzip <= 60 * 1024 },
  { name: 'pipeline ≤ 5 s', check: (r) => (r.pipeline_ms ? r.pipeline_ms.median <= 5000 : null) },
  { name: 'no request left 127.0.0.1', check: (r) => r.offhost_requests.count === 0 },
];

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
