import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerSegments } from './readerSegments';
import { ItemCollection, Report } from './schema';

function load(dir: string) {
  return {
    report: Report.parse(JSON.parse(readFileSync(`${dir}/report.json`, 'utf8'))),
    items: ItemCollection.parse(JSON.parse(readFileSync(`${dir}/items.geojson`, 'utf8'))).features,
  };
}

const cases: [string, string][] = [['fixture', 'tests/fixtures/atlas-mini']];
if (existsSync('public/data/report.json') && existsSync('public/data/items.geojson')) cases.push(['real data', 'public/data']);

describe.each(cases)('readerSegments (%s)', (_, dir) => {
  const { report, items } = load(dir);
  const paragraphs = readerSegments(report, items);

  it('keeps every sentence verbatim', () => {
    for (const p of paragraphs) {
      for (const s of p.sentences) {
        const sent = report.sentences[s.index];
        expect(s.runs.map((r) => r.text).join('')).toBe(report.text.slice(sent.start, sent.end));
      }
    }
    expect(paragraphs.flatMap((p) => p.sentences)).toHaveLength(report.sentences.length);
  });

  it('links every mention of every item somewhere in its sentence', () => {
    const linked = new Set(paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.runs.map((r) => r.item))));
    // items sharing one quote still each get their own name linked
    for (const f of items) expect(linked.has(f.id), f.id).toBe(true);
  });

  it('marks section headings', () => {
    const headings = paragraphs.filter((p) => p.heading).map((p) => p.sentences.map((s) => s.runs.map((r) => r.text).join('')).join(''));
    for (const sec of report.sections.filter((s) => ['一', '二', '三'].includes(s.path))) expect(headings).toContain(sec.title);
  });
});

describe('readerSegments with overlapping mentions', () => {
  it('gives each stretch to the shortest covering mention', () => {
    const { report, items } = load('tests/fixtures/atlas-mini');
    // 启动铁北新城规划 (tiebei-xincheng) contains 铁北: add a second, shorter item over those two characters
    const start = report.text.indexOf('启动铁北新城规划') + 2;
    const base = items.find((f) => f.id === 'tiebei-xincheng')!;
    const m = { ...base.properties.mentions[1], start, end: start + 2, quote: '铁北' };
    const inner = { ...base, id: 'inner', properties: { ...base.properties, id: 'inner', mentions: [m] } };
    const runs = readerSegments(report, [...items, inner]).flatMap((p) => p.sentences.flatMap((s) => s.runs));
    expect(runs.filter((r) => r.item)).toEqual(
      expect.arrayContaining([
        { text: '启动', item: 'tiebei-xincheng' },
        { text: '铁北', item: 'inner' },
        { text: '新城规划', item: 'tiebei-xincheng' },
      ]),
    );
  });
});
