/**
 * Invariants of the data the app actually serves (public/data, as committed), checked against the
 * verbatim report: what a user sees must hold, not only what the pipeline computed in memory.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Figures, Gazetteer, ItemCollection, Manifest, Report } from '../../src/lib/schema';

const read = (f: string) => readFileSync(`public/data/${f}`, 'utf8');
const reportText = readFileSync('geo/report/linghe-2022-work-report.txt', 'utf8');
const report = Report.parse(JSON.parse(read('report.json')));
const items = ItemCollection.parse(JSON.parse(read('items.geojson')));
const gazetteer = Gazetteer.parse(JSON.parse(read('gazetteer.json')));
const manifest = Manifest.parse(JSON.parse(read('manifest.json')));
const figures = Figures.parse(JSON.parse(read('figures.json')));

describe('public/data as served', () => {
  it('carries the report verbatim, with the sha256 of the source file', () => {
    expect(report.text).toBe(reportText);
    expect(report.sha256).toBe(createHash('sha256').update(reportText).digest('hex'));
    expect(manifest.report_sha256).toBe(report.sha256);
  });

  it('has every quote verbatim at its offsets, inside its sentence', () => {
    const mentions = items.features.flatMap((f) => f.properties.mentions.map((m) => ({ id: f.id, m })));
    expect(mentions.length).toBeGreaterThan(100);
    for (const { id, m } of mentions) {
      expect(reportText.slice(m.start, m.end), `${id} @${m.start}`).toBe(m.quote);
      const s = report.sentences[m.sentence];
      expect(s.start <= m.start && m.end <= s.end, `${id}: quote outside sentence ${m.sentence}`).toBe(true);
    }
  });

  it('gives no item a geometry without evidence, and every evidence id resolves in the gazetteer', () => {
    const ids = new Set(gazetteer.entries.map((e) => e.id));
    for (const f of items.features) {
      const loc = f.properties.location;
      if (f.geometry) expect(loc.evidence.length, `${f.id} has a geometry without evidence`).toBeGreaterThan(0);
      for (const e of loc.evidence) expect(ids.has(e.source), `${f.id}: evidence ${e.source}`).toBe(true);
    }
  });

  it('lists every item, mapped or not, in the manifest counts', () => {
    expect(manifest.counts.items).toBe(items.features.length);
    expect(manifest.counts.mapped).toBe(items.features.filter((f) => f.geometry).length);
    expect(Object.values(manifest.counts.by_precision).reduce((a, b) => a + b, 0)).toBe(items.features.length);
  });

  it('matches the sha256 and size the manifest states for each file', () => {
    for (const [file, { sha256, bytes }] of Object.entries(manifest.files)) {
      const buf = readFileSync(`public/data/${file}`);
      expect(buf.length, file).toBe(bytes);
      expect(createHash('sha256').update(buf).digest('hex'), file).toBe(sha256);
    }
  });

  it('states every figure verbatim at its offsets, and accounts for every digit of the report', () => {
    for (const f of figures.figures) expect(reportText.slice(f.start, f.end), f.id).toBe(f.quote);
    const digitRuns = [...reportText.matchAll(/\d+(?:\.\d+)?/g)].length;
    expect(figures.numbers.length).toBe(digitRuns);
    for (const n of figures.numbers) expect(Boolean(n.figure) !== Boolean(n.dismissed), `${n.text} @${n.start}`).toBe(true);
    const ids = new Set(items.features.map((f) => f.id));
    for (const f of figures.figures) for (const id of [...f.items, ...f.context_items]) expect(ids.has(id), `${f.id} → ${id}`).toBe(true);
    expect(manifest.counts.figures).toMatchObject({ numbers: digitRuns, figures: figures.figures.length });
  });
});
