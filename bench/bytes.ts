/**
 * What the Atlas ships, in bytes raw and gzipped (node:zlib, default level 6, as a web server
 * would send it), with MapLibre separated from the app's own code.
 *
 * The app bundles MapLibre into its main chunk, so no chunk is "the MapLibre chunk". Instead the
 * build is made with hidden source maps (the JS is byte-identical to `vite build`, only `.map`
 * files are added) and every generated character is attributed to the package its source-map
 * segment points into. Each group's characters are then gzipped on their own: the raw figures are
 * exact, the gzip figures of the parts are an estimate (gzip of a part ≠ its share of the whole;
 * the whole chunk's gzip is reported beside them). CSS has no map: it is split by top-level rule,
 * and rules whose selectors are `.maplibregl-*` are MapLibre's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

export const sizeOf = (text: string | Buffer): Size => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one base64 VLQ segment ("AAAA", "gBAAE", …) into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = B64_INDEX.get(c);
    if (digit === undefined) throw new Error(`bad VLQ character ${JSON.stringify(c)} in segment ${JSON.stringify(segment)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

interface SourceMap {
  sources: string[];
  mappings: string;
}

/**
 * Splits `code` into groups: each run of characters goes to `group(source)` of the segment that
 * starts it, or to `unmapped` when the segment names no source. Returns group → the concatenated text.
 */
export function attributeBySourceMap(code: string, map: SourceMap, group: (source: string) => string): Map<string, string> {
  const parts = new Map<string, string[]>();
  const add = (g: string, s: string) => {
    if (!s) return;
    const list = parts.get(g) ?? [];
    list.push(s);
    parts.set(g, list);
  };
  const lines = code.split('\n');
  const mapped = map.mappings.split(';');
  let source = 0; // VLQ fields are relative to the previous segment, across lines for the source index
  // A segment runs until the next one, across line ends: multi-line strings (MapLibre's shaders)
  // have segment-less lines that belong to the segment that opened them.
  let current = 'unmapped';
  lines.forEach((line, li) => {
    const segments = (mapped[li] ?? '').split(',').filter(Boolean);
    let col = 0;
    const starts: { col: number; g: string }[] = [];
    for (const seg of segments) {
      const f = decodeVlq(seg);
      col += f[0];
      starts.push({ col, g: f.length >= 4 ? group(map.sources[(source += f[1])]) : 'unmapped' });
    }
    add(current, line.slice(0, starts[0]?.col ?? line.length));
    starts.forEach((s, i) => add(s.g, line.slice(s.col, starts[i + 1]?.col ?? line.length)));
    current = starts.at(-1)?.g ?? current;
    if (li < lines.length - 1) add(current, '\n');
  });
  return new Map([...parts].map(([g, list]) => [g, list.join('')]));
}

/** Package of a source path: `maplibre-gl`, `@maplibre/…`, `svelte`, `zod`, …, or `app` for src/. */
export function packageOf(source: string): string {
  const i = source.lastIndexOf('node_modules/');
  if (i < 0) return source.includes('/src/') || source.startsWith('src/') ? 'app' : 'other';
  const [a, b] = source.slice(i + 'node_modules/'.length).split('/');
  return a.startsWith('@') ? `${a}/${b}` : a;
}

export const isMapLibre = (pkg: string): boolean => pkg === 'maplibre-gl' || pkg.startsWith('@maplibre/');

/** Top-level CSS rules (an @media block counts as one), split by brace depth. */
export function cssRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (css.slice(start).trim()) rules.push(css.slice(start));
  return rules;
}

export interface ChunkBytes {
  file: string;
  total: Size;
  /** Per package (see packageOf), raw exact, gzip estimated per part. */
  parts: Record<string, Size>;
}

export interface BundleBytes {
  js: ChunkBytes[];
  css: ChunkBytes[];
  worker: { file: string; total: Size }[];
  summary: {
    /** MapLibre's main-thread JS (estimated gzip) + its CSS rules + the worker. */
    maplibre_js: Size;
    maplibre_worker: Size;
    maplibre_css: Size;
    /** Everything in the entry chunk that is not MapLibre: app code, Svelte, zod. */
    app_js_initial: Size;
    /** Lazily loaded chunks (the pinyin dictionary): fetched after first paint. */
    app_js_lazy: Size;
    app_css: Size;
    js_total: Size;
    css_total: Size;
  };
}

function sum(sizes: Size[]): Size {
  return sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
}

/** Bytes of a build made with source maps (hidden or not); `entry` tells the entry chunk from lazy ones. */
export function bundleBytes(assetsDir: string, entryFile: string): BundleBytes {
  const files = readdirSync(assetsDir).sort();
  const js: ChunkBytes[] = [];
  const css: ChunkBytes[] = [];
  const worker: { file: string; total: Size }[] = [];
  for (const file of files) {
    const text = readFileSync(join(assetsDir, file), 'utf8');
    if (/maplibre-gl-worker.*\.m?js$/.test(file)) worker.push({ file, total: sizeOf(text) });
    else if (/\.m?js$/.test(file)) {
      const mapFile = join(assetsDir, `${file}.map`);
      let map: SourceMap;
      try {
        map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap;
      } catch {
        throw new Error(`no source map ${mapFile}: build with --sourcemap hidden to attribute ${file}`);
      }
      const groups = attributeBySourceMap(text, map, packageOf);
      js.push({ file, total: sizeOf(text), parts: Object.fromEntries([...groups].map(([g, t]) => [g, sizeOf(t)])) });
    } else if (file.endsWith('.css')) {
      const rules = cssRules(text);
      const ml = rules.filter((r) => /\.maplibregl-/.test(r.slice(0, r.indexOf('{')) || r));
      const rest = rules.filter((r) => !ml.includes(r));
      css.push({ file, total: sizeOf(text), parts: { 'maplibre-gl': sizeOf(ml.join('')), app: sizeOf(rest.join('')) } });
    }
  }
  const entry = js.find((c) => c.file === entryFile);
  if (!entry) throw new Error(`entry chunk ${entryFile} not among ${js.map((c) => c.file).join(', ')}`);
  const mlOf = (c: ChunkBytes) => sum(Object.entries(c.parts).filter(([g]) => isMapLibre(g)).map(([, s]) => s));
  const restOf = (c: ChunkBytes) => sum(Object.entries(c.parts).filter(([g]) => !isMapLibre(g)).map(([, s]) => s));
  const lazy = js.filter((c) => c !== entry);
  return {
    js,
    css,
    worker,
    summary: {
      maplibre_js: sum(js.map(mlOf)),
      maplibre_worker: sum(worker.map((w) => w.total)),
      maplibre_css: sum(css.map((c) => c.parts['maplibre-gl'])),
      app_js_initial: restOf(entry),
      app_js_lazy: sum(lazy.map(restOf)),
      app_css: sum(css.map((c) => c.parts.app)),
      js_total: sum([...js.map((c) => c.total), ...worker.map((w) => w.total)]),
      css_total: sum(css.map((c) => c.total)),
    },
  };
}

export interface DataBytes {
  files: Record<string, Size & { sha256_ok: boolean }>;
  total: Size;
}

/** The data files listed in the manifest (plus the manifest itself), checked against its hashes. */
export function dataBytes(dataDir: string): DataBytes {
  const manifestText = readFileSync(join(dataDir, 'manifest.json'));
  const manifest = JSON.parse(manifestText.toString('utf8')) as { files: Record<string, { sha256: string; bytes: number }> };
  const files: DataBytes['files'] = { 'manifest.json': { ...sizeOf(manifestText), sha256_ok: true } };
  for (const [name, meta] of Object.entries(manifest.files)) {
    const buf = readFileSync(join(dataDir, name));
    const sha = createHash('sha256').update(buf).digest('hex');
    files[name] = { ...sizeOf(buf), sha256_ok: sha === meta.sha256 && buf.length === meta.bytes };
  }
  return { files, total: sum(Object.values(files)) };
}
