/**
 * Doctored copies of the real data files for the robustness specs, built in the test from
 * public/data (so they follow the data), served through route interception.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Every file the app fetches, and whether the list can live without it. */
export const DATA_FILES = [
  { file: 'items.geojson', essential: true },
  { file: 'manifest.json', essential: false },
  { file: 'basemap/boundaries.geojson', essential: false },
  { file: 'basemap/context.geojson', essential: false },
  { file: 'report.json', essential: false },
  { file: 'gazetteer.json', essential: false },
] as const;

export const readData = (file: string): string => readFileSync(`public/data/${file}`, 'utf8');
export const readJson = (file: string): any => JSON.parse(readData(file));

/** Serves `body` for data/`file` (status 200 unless given). */
export async function serve(page: Page, file: string, body: string, status = 200): Promise<void> {
  await page.route(`**/data/${file}`, (route) => route.fulfill({ status, body, contentType: 'application/json' }));
}

/**
 * What a hostile string looks like: markup that would run script (setting window.__pwned), load
 * an off-host image, or link off-site, if any of it were ever treated as HTML.
 */
export const payload = (tag: string) =>
  `<img src="https://evil.example/${tag}.png" onerror="window.__pwned='${tag}'"><script>window.__pwned='${tag}'</script><a href="https://evil.example/${tag}">${tag}</a><svg onload="window.__pwned='${tag}'"></svg>`;

/** Appends a payload to each named string field (dotted paths, `*` for every array element); returns how many. */
export function poison(root: any, paths: string[], tag: string): number {
  let n = 0;
  const walk = (obj: any, parts: string[]) => {
    if (obj == null) return;
    const [head, ...rest] = parts;
    if (head === '*') {
      if (Array.isArray(obj)) obj.forEach((o, i) => (rest.length ? walk(o, rest) : typeof o === 'string' && ((obj[i] = o + payload(tag)), n++)));
      return;
    }
    if (!rest.length) {
      if (typeof obj[head] === 'string') {
        obj[head] += payload(tag);
        n++;
      }
      return;
    }
    walk(obj[head], rest);
  };
  for (const p of paths) walk(root, p.split('.'));
  return n;
}

/** Every data file with markup in every free-text field; the counts say how many fields. */
export function hostileData(): { files: Record<string, string>; fields: number } {
  const items = readJson('items.geojson');
  const manifest = readJson('manifest.json');
  const gazetteer = readJson('gazetteer.json');
  const report = readJson('report.json');
  const context = readJson('basemap/context.geojson');
  const boundaries = readJson('basemap/boundaries.geojson');
  let fields = 0;
  fields += poison(items, [
    'features.*.properties.name',
    'features.*.properties.name_en',
    'features.*.properties.note',
    'features.*.properties.claims.*',
    'features.*.properties.neighbourhoods.*',
    'features.*.properties.mentions.*.status_words',
    'features.*.properties.mentions.*.status_rule',
    'features.*.properties.mentions.*.override_reason',
    'features.*.properties.mentions.*.section',
    'features.*.properties.location.method',
    'features.*.properties.location.note',
    'features.*.properties.location.note_zh',
    'features.*.properties.location.evidence.*.source',
    'features.*.properties.location.evidence.*.says',
    'features.*.properties.location.evidence.*.src_crs',
  ], 'items');
  fields += poison(manifest, ['attributions.*.text', 'attributions.*.licence', 'attributions.*.id', 'generated_by'], 'manifest');
  fields += poison(gazetteer, ['entries.*.name', 'entries.*.kind', 'entries.*.address', 'entries.*.source', 'entries.*.licence', 'entries.*.src_crs', 'entries.*.note'], 'gazetteer');
  // The report's text is left alone: quotes are located in it by offset (and checked against it).
  fields += poison(report, ['title', 'speaker', 'venue', 'sections.*.title', 'paragraphs.*.heading'], 'report');
  fields += poison(context, ['features.*.properties.name', 'features.*.properties.kind'], 'context');
  fields += poison(boundaries, ['features.*.properties.name'], 'boundaries');
  // Evidence sources must still resolve in the gazetteer, so the detail shows the poisoned entries.
  const ids = new Map<string, string>();
  for (const e of gazetteer.entries) {
    const orig = e.id;
    e.id = orig + payload('gazetteer');
    ids.set(orig, e.id);
  }
  fields += gazetteer.entries.length;
  for (const f of items.features) {
    for (const ev of f.properties.location.evidence) {
      const plain = ev.source.slice(0, ev.source.indexOf('<img'));
      ev.source = ids.get(plain) ?? ev.source;
    }
  }
  const files: Record<string, string> = {
    'items.geojson': JSON.stringify(items),
    'manifest.json': JSON.stringify(manifest),
    'gazetteer.json': JSON.stringify(gazetteer),
    'report.json': JSON.stringify(report),
    'basemap/context.geojson': JSON.stringify(context),
    'basemap/boundaries.geojson': JSON.stringify(boundaries),
  };
  return { files, fields };
}
