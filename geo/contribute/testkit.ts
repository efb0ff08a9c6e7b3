/**
 * Test helpers: a contribution for an item of the CURRENT data (so the fixtures stay fresh when the
 * data changes), the review context of the committed public/data/, and a temporary copy of the
 * pipeline's inputs to accept into and rebuild from.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRIBUTION_FORMAT, type Contribution } from '../../src/lib/contribution';
import type { BoundaryCollection, GazetteerEntry, ItemFeature, Manifest } from '../../src/lib/schema';
import { readBoundarySource } from '../boundaries';
import type { ReviewContext } from './review';

export const REPO = join(import.meta.dirname, '..', '..');

/**
 * Runs one of the repository's TypeScript CLIs (`geo/cli.ts`, …) as `npm run` would, from REPO,
 * through Node with tsx as a loader: `npx tsx` costs ~1.3 s more per call here (npm's own start).
 */
export function runTs(script: string, args: string[] = [], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO, script), ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8' });
}
const readData = <T>(f: string, dir = join(REPO, 'public/data')) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T;

export function reviewContext(dir = join(REPO, 'public/data')): ReviewContext {
  return {
    items: readData<{ features: ItemFeature[] }>('items.geojson', dir).features,
    dataVersion: readData<Manifest>('manifest.json', dir).files['items.geojson'].sha256,
    boundaries: readData<BoundaryCollection>('basemap/boundaries.geojson', dir),
    gazetteer: readData<{ entries: GazetteerEntry[] }>('gazetteer.json', dir).entries,
    today: '2026-12-02',
  };
}

/** A square of `half` degrees around [lon, lat], closed. */
export const square = (lon: number, lat: number, half = 0.0008): Contribution['geometry'] => {
  const r = (x: number) => Math.round(x * 1e6) / 1e6; // as the pipeline rounds, so the round trip compares equal
  const [w, s, e, n] = [r(lon - half), r(lat - half), r(lon + half), r(lat + half)];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
};

/** A contribution that passes review for `itemId` in the current data (a polygon in Linghe). */
export function contributionFor(itemId: string, ctx = reviewContext()): Contribution {
  const item = ctx.items.find((f) => f.id === itemId);
  if (!item) throw new Error(`no item ${itemId}`);
  return {
    item: itemId,
    geometry: square(121.175, 41.121),
    crs: 'WGS-84',
    evidence: { kind: 'on_site', citation: 'Lived in the compound 2009–2020; gate on the east side', date: '2026-11-30', precision: 'exact', uncertainty_m: 40, contributor: 'Li Hua' },
    sentences: [...new Set(item.properties.mentions.map((m) => m.sentence))].sort((a, b) => a - b),
    data_version: ctx.dataVersion,
    before: { precision: item.properties.location.precision, method: item.properties.location.method },
    created: '2026-12-01',
  };
}

export const fileOf = (...contributions: unknown[]) => JSON.stringify({ format: CONTRIBUTION_FORMAT, contributions }, null, 2);

/** A temporary root holding the pipeline's inputs (as geo/cli.test.ts does); the caller removes it. */
export function copyInputs(prefix = 'atlas-contribute-'): string {
  readBoundarySource(REPO); // fills the repo's .cache once, so the copies need no network
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ['geo/report', 'geo/annotations', 'geo/sources']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  symlinkSync(join(REPO, '.cache'), join(root, '.cache'));
  return root;
}

/**
 * What differs between a rebuilt output and the base one, other than the placed item itself (its
 * feature, its gazetteer entry, the manifest's hashes and counts): [] when nothing else changed.
 */
export function otherDifferences(outDir: string, baseDir: string, itemId: string): string[] {
  const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
  const json = (d: string, f: string) => JSON.parse(read(d, f));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out: string[] = [];
  const notItem = (f: { id?: string; properties?: { id?: string } }) => (f.id ?? f.properties?.id) !== itemId;
  for (const f of ['items.geojson', 'layers/items-point.geojson', 'layers/items-line.geojson', 'layers/items-polygon.geojson', 'layers/uncertainty.geojson']) {
    if (!same(json(outDir, f).features.filter(notItem), json(baseDir, f).features.filter(notItem))) out.push(`${f}: another feature changed`);
  }
  const entries = json(outDir, 'gazetteer.json').entries.filter((e: { id: string }) => e.id !== `contribution:${itemId}`);
  if (!same(entries, json(baseDir, 'gazetteer.json').entries)) out.push('gazetteer.json: another entry changed');
  for (const f of ['report.json', 'ledger.json', 'basemap/boundaries.geojson', 'basemap/context.geojson']) {
    if (read(outDir, f) !== read(baseDir, f)) out.push(`${f}: changed`);
  }
  const [m, m0] = [json(outDir, 'manifest.json'), json(baseDir, 'manifest.json')];
  const { files: _f, counts: _c, attributions: a, ...rest } = m;
  const { files: _f0, counts: _c0, attributions: a0, ...rest0 } = m0;
  if (!same(rest, rest0)) out.push('manifest.json: changed beyond files and counts');
  if (!same(a.filter((x: { id: string }) => x.id !== 'contributors'), a0.filter((x: { id: string }) => x.id !== 'contributors'))) out.push('manifest.json: attributions changed');
  for (const k of ['items', 'by_category', 'by_status', 'ledger'] as const) if (!same(m.counts[k], m0.counts[k])) out.push(`manifest.json: counts.${k} changed`);
  return out;
}
