/**
 * A geocoder's answer, once cached, is used by the next build offline: the item moves from
 * district to the answer's precision, cites the answer as evidence, and the evidence id resolves
 * in the published gazetteer. The answer below is a TEST answer written into a temporary copy of
 * the inputs (the memorial's GCJ-02 point stands in for where a geocoder put 北湖小学); it never
 * reaches public/data.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Gazetteer, ItemCollection } from '../src/lib/schema';
import { readBoundarySource } from './boundaries';
import { PATHS, runPipeline } from './pipeline';

const REPO = join(import.meta.dirname, '..');
const root = mkdtempSync(join(tmpdir(), 'atlas-geocode-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function answer(status: 'ok' | 'no_result', itemId: string) {
  return {
    item_id: itemId,
    provider: 'amap',
    query: `锦州市凌河区 ${itemId}`,
    date: '2026-11-26',
    status,
    ...(status === 'ok'
      ? {
          result: {
            lon: 121.148175,
            lat: 41.129367,
            crs: 'GCJ-02',
            lon_wgs84: 121.142552,
            lat_wgs84: 41.127313,
            display_name: '辽宁省锦州市凌河区北湖小学 (test answer)',
            level: '兴趣点',
            confidence: null,
          },
        }
      : {}),
  };
}

describe('the build with a geocode cache', async () => {
  readBoundarySource(REPO);
  for (const dir of ['geo/report', 'geo/annotations', 'geo/sources']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  symlinkSync(join(REPO, '.cache'), join(root, '.cache'));
  writeFileSync(
    join(root, PATHS.geocodeCache),
    JSON.stringify({ version: 1, entries: [answer('ok', 'beihu-xiaoxue'), answer('no_result', 'huaxing-xiaoxue')] }),
  );
  const { files, itemsError, problems } = await runPipeline(root);
  const items = ItemCollection.parse(JSON.parse(files.get('items.geojson')!));
  const gazetteer = Gazetteer.parse(JSON.parse(files.get('gazetteer.json')!));
  const byId = new Map(items.features.map((f) => [f.id, f]));

  it('builds without problems', () => {
    expect(itemsError).toBeNull();
    expect(problems).toEqual([]);
  });

  it('locates the answered item near the answer, converted to WGS-84', () => {
    const f = byId.get('beihu-xiaoxue')!;
    expect(f.properties.location).toMatchObject({ precision: 'near', method: 'geocoder:amap', uncertainty_m: 150 });
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [121.142552, 41.127313] });
    const ev = f.properties.location.evidence.find((e) => e.source === 'geocode:amap:beihu-xiaoxue');
    expect(ev).toMatchObject({ src_coordinates: [121.148175, 41.129367], src_crs: 'GCJ-02' });
  });

  it('publishes the answer in the gazetteer, so the evidence resolves', () => {
    const entry = gazetteer.entries.find((e) => e.id === 'geocode:amap:beihu-xiaoxue');
    expect(entry).toMatchObject({ coordinates: [121.142552, 41.127313], src_crs: 'GCJ-02' });
  });

  it('leaves an item whose answer was "no result" where the cited evidence put it', () => {
    expect(byId.get('huaxing-xiaoxue')!.properties.location.method).not.toMatch(/^geocoder/);
  });

  it('counts the geocoder in the manifest', () => {
    const manifest = JSON.parse(files.get('manifest.json')!);
    expect(manifest.counts.by_method['geocoder:amap']).toBe(1);
  });
});
