import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ItemCollection, Manifest, type Report } from '../src/lib/schema';
import { readBoundarySource } from './boundaries';
import { sha256 } from './layers';
import { parseLocations } from './locate/annotations';
import { assemble, buildBasemap } from './pipeline';

const root = join(import.meta.dirname, '..');
const text = readFileSync(join(root, 'geo/report/linghe-2022-work-report.txt'), 'utf8');
const basemap = () =>
  buildBasemap({
    landmarksCsv: readFileSync(join(root, 'geo/sources/landmarks.csv'), 'utf8'),
    adminUnitsCsv: readFileSync(join(root, 'geo/sources/admin-units.csv'), 'utf8'),
    boundarySource: readBoundarySource(root),
  });
const at = text.indexOf('辽沈战役纪念馆');
const report: Report = { id: 'linghe-2022', title: 't', date: '2021-12-08', speaker: 's', venue: 'v', sha256: sha256(text), text, sections: [], paragraphs: [], sentences: [] };
const draft = (quote: string, start: number) => ({
  id: 'liaoshen-zhanyi-jinianguan', name: '辽沈战役纪念馆', name_en: 'Liaoshen Campaign Memorial', category: 'culture_tourism' as const, neighbourhoods: [], claims: [],
  mentions: [{ start, end: start + quote.length, quote, section: '三', sentence: 0, years: [2022], status: 'planned' as const, status_words: 'x', status_rule: 'x' }],
});
const locations = parseLocations('liaoshen-zhanyi-jinianguan: { method: cited-place, source: poi:辽沈战役纪念馆, precision: exact, note: own point, note_zh: 自身点位 }');

describe('the report text', () => {
  it('is the expected file, all in the BMP (UTF-16 index = code point index)', () => {
    expect(sha256(text)).toBe('ac933b86f6ab5641f78a1f5c7bf6b3014eb3f1ba95393f8066bd7ad01f6bf39a');
    expect([...text].length).toBe(text.length);
  });
});

describe('assemble', () => {
  it('builds the basemap files only, and returns the error, when the items stage failed', () => {
    const r = assemble(basemap(), new Error('items stage failed: boom'), locations, sha256(text));
    expect([...r.files.keys()]).toEqual(['basemap/boundaries.geojson', 'basemap/context.geojson', 'gazetteer.json', 'manifest.json']);
    expect(r.itemsError?.message).toMatch(/boom/);
  });

  it('writes every item file, the items parse, and the manifest counts them', () => {
    const r = assemble(basemap(), { report, drafts: [draft('辽沈战役纪念馆', at)], ledger: { entries: [] } }, locations, sha256(text));
    expect(r.problems).toEqual([]);
    expect([...r.files.keys()]).toEqual([
      'basemap/boundaries.geojson', 'basemap/context.geojson', 'figures.json', 'gazetteer.json', 'items.geojson',
      'layers/items-line.geojson', 'layers/items-point.geojson', 'layers/items-polygon.geojson', 'layers/uncertainty.geojson',
      'ledger.json', 'manifest.json', 'report.json',
    ]);
    const items = ItemCollection.parse(JSON.parse(r.files.get('items.geojson')!));
    expect(items.features[0].properties.location.precision).toBe('exact');
    const m = Manifest.parse(JSON.parse(r.files.get('manifest.json')!));
    expect(m.counts).toMatchObject({ items: 1, mapped: 1, by_precision: { exact: 1 }, by_method: { 'cited-place': 1 } });
  });

  it('reports a quote that is not verbatim', () => {
    const r = assemble(basemap(), { report, drafts: [draft('辽沈战役纪念馆', at + 1)], ledger: { entries: [] } }, locations, sha256(text));
    expect(r.problems.join('\n')).toMatch(/liaoshen-zhanyi-jinianguan: mention \d+-\d+ is not verbatim/);
  });
});
