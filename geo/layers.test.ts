import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Gazetteer, ItemCollection, type ItemFeature, Manifest } from '../src/lib/schema';
import { readBoundarySource } from './boundaries';
import { attributions, formatJson, itemLayers, outputFiles, sha256, uncertaintyLayer } from './layers';
import { buildBasemap } from './pipeline';

const root = join(import.meta.dirname, '..');
const inputs = () => ({
  landmarksCsv: readFileSync(join(root, 'geo/sources/landmarks.csv'), 'utf8'),
  adminUnitsCsv: readFileSync(join(root, 'geo/sources/admin-units.csv'), 'utf8'),
  boundarySource: readBoundarySource(root),
});

const item = (id: string, geometry: ItemFeature['geometry'], precision: ItemFeature['properties']['location']['precision'], uncertainty: number | null = null): ItemFeature => ({
  type: 'Feature',
  id,
  geometry,
  properties: {
    id, name: id, name_en: id, category: 'park_ecology', neighbourhoods: [], claims: [],
    mentions: [{ start: 0, end: 1, quote: 'x', section: '一', sentence: 0, years: [2022], status: 'planned', status_words: '规划', status_rule: 'test' }],
    location: { precision, uncertainty_m: uncertainty, method: 'test', evidence: [] },
  },
});

describe('formatJson', () => {
  it('sorts keys at every depth and ends with a newline', () => {
    expect(formatJson({ b: 1, a: { d: [1, 2], c: null } })).toBe('{\n  "a": {"c":null,"d":[1,2]},\n  "b": 1\n}\n');
  });
  it('drops undefined keys and prints positions on one line', () => {
    const text = formatJson({ type: 'LineString', coordinates: [[1, 2], [3, 4]], x: undefined });
    expect(text).toBe('{\n  "coordinates": [[1,2],[3,4]],\n  "type": "LineString"\n}\n');
  });
});

describe('outputFiles', () => {
  it('gives identical bytes for two independent runs (determinism)', () => {
    const a = outputFiles(buildBasemap(inputs()), null, 'f'.repeat(64));
    const b = outputFiles(buildBasemap(inputs()), null, 'f'.repeat(64));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(sha256(v)).toBe(sha256(b.get(k)!));
  });

  it('lists every other file in the manifest with its sha256 and size, and parses', () => {
    const files = outputFiles(buildBasemap(inputs()), null, 'f'.repeat(64));
    const manifest = Manifest.parse(JSON.parse(files.get('manifest.json')!));
    expect(Object.keys(manifest.files).sort()).toEqual([...files.keys()].filter((k) => k !== 'manifest.json').sort());
    for (const [name, { sha256: h, bytes }] of Object.entries(manifest.files)) {
      expect(h).toBe(sha256(files.get(name)!));
      expect(bytes).toBe(Buffer.byteLength(files.get(name)!));
    }
    Gazetteer.parse(JSON.parse(files.get('gazetteer.json')!));
    expect(manifest.linghe_bbox.every((x) => Number.isFinite(x) && Math.round(x * 1e6) / 1e6 === x)).toBe(true);
  });

  it('rounds every coordinate written to six decimals', () => {
    const files = outputFiles(buildBasemap(inputs()), null, 'f'.repeat(64));
    const numbers = files.get('basemap/boundaries.geojson')!.match(/-?\d+\.\d+/g)!;
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every((n) => n.split('.')[1].length <= 6)).toBe(true);
  });
});

describe('attributions', () => {
  it('lists only the sources in use, and fails on an unknown one', () => {
    const e = { id: 'x', name: 'x', kind: 'poi', src_coordinates: null, src_crs: 'none', coordinates: null };
    expect(attributions([{ ...e, source: 'OpenStreetMap railway station nodes', licence: 'ODbL' }]).map((a) => a.id)).toEqual(['osm']);
    expect(() => attributions([{ ...e, source: 'a blog', licence: '?' }])).toThrow(/a blog/);
  });
});

describe('item layers', () => {
  const all = ItemCollection.parse({
    type: 'FeatureCollection',
    features: [
      item('a', { type: 'Point', coordinates: [121.15, 41.12] }, 'near', 200),
      item('b', { type: 'LineString', coordinates: [[121.15, 41.12], [121.16, 41.13]] }, 'street'),
      item('c', null, 'district'),
      item('d', { type: 'Polygon', coordinates: [[[121.15, 41.12], [121.16, 41.12], [121.16, 41.13], [121.15, 41.12]]] }, 'area'),
      item('e', { type: 'Point', coordinates: [121.17, 41.12] }, 'exact', 50),
    ],
  });
  it('splits mapped items by geometry type and leaves unmapped ones out', () => {
    const layers = itemLayers(all);
    expect(layers['layers/items-point.geojson'].features.map((f) => f.id)).toEqual(['a', 'e']);
    expect(layers['layers/items-line.geojson'].features.map((f) => f.id)).toEqual(['b']);
    expect(layers['layers/items-polygon.geojson'].features.map((f) => f.id)).toEqual(['d']);
  });
  it('draws an uncertainty circle of the stated radius for near items only', () => {
    const circles = uncertaintyLayer(all).features;
    expect(circles.map((c) => c.properties)).toEqual([{ id: 'a', radius_m: 200 }]);
    const ring = (circles[0].geometry as { coordinates: number[][][] }).coordinates[0];
    const northmost = Math.max(...ring.map((p) => p[1]));
    expect((northmost - 41.12) * 111_195).toBeCloseTo(200, -1);
  });
});
