import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportProblems, sha256Hex } from './reportCheck';
import { ItemCollection, Manifest, Report } from './schema';

const read = (f: string) => JSON.parse(readFileSync(new URL(`../../public/data/${f}`, import.meta.url), 'utf8'));
const report = Report.parse(read('report.json'));
const items = ItemCollection.parse(read('items.geojson')).features;
const manifest = Manifest.parse(read('manifest.json'));

describe('reportProblems', () => {
  it('finds none in the shipped data', async () => {
    expect(await reportProblems(report, items, manifest.report_sha256)).toEqual([]);
  });

  it('hashes like the pipeline (node:crypto over UTF-8)', async () => {
    expect(await sha256Hex(report.text)).toBe(manifest.report_sha256);
  });

  it('refuses a changed text: the hash and every shifted quote say so', async () => {
    const changed = { ...report, text: `前言${report.text}` };
    const problems = await reportProblems(changed, items, manifest.report_sha256);
    expect(problems[0]).toMatch(/its text's sha256 is/);
    expect(problems.at(-1)).toMatch(/quotes of items\.geojson not at their offsets \(first: /);
  });

  it('refuses a report whose declared hash is not the manifest one', async () => {
    const problems = await reportProblems(report, items, '0'.repeat(64));
    expect(problems).toEqual([expect.stringMatching(/differs from manifest\.json's 000000000000…/)]);
  });

  it('names the first quote that does not match its offsets', async () => {
    const copy = structuredClone(items);
    copy[3].properties.mentions[0].start += 1;
    const problems = await reportProblems(report, copy, null);
    expect(problems).toEqual([`1 quote of items.geojson not at their offsets (first: ${copy[3].id} @${copy[3].properties.mentions[0].start}–${copy[3].properties.mentions[0].end})`]);
  });
});
