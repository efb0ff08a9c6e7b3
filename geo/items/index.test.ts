import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ITEMS_PATH } from './annotations.ts';
import { buildItems } from './index.ts';
import { LEDGER_PATH } from './ledger.ts';
import { REPORT_PATH } from './report.ts';

const ROOT = join(import.meta.dirname, '../..');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary root with the real report (optionally changed), the given items and dismissals. */
function makeRoot(items: string, dismissals = '', report?: (text: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'linghe-items-'));
  temps.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  if (report) write(REPORT_PATH, report(readFileSync(join(ROOT, REPORT_PATH), 'utf8')));
  else {
    mkdirSync(dirname(join(root, REPORT_PATH)), { recursive: true });
    copyFileSync(join(ROOT, REPORT_PATH), join(root, REPORT_PATH));
  }
  write(ITEMS_PATH, items);
  write(LEDGER_PATH, dismissals);
  for (const csv of ['landmarks.csv', 'admin-units.csv']) write(join('geo/sources', csv), readFileSync(join(ROOT, 'geo/sources', csv), 'utf8'));
  return root;
}

const SAMPLE = readFileSync(join(import.meta.dirname, 'fixtures/items-sample.yaml'), 'utf8');

describe('buildItems', () => {
  it('throws for a corrupted report copy, before reading any annotation', () => {
    const root = makeRoot(SAMPLE, '', (t) => t.replace('贵州小区', '贵州社区'));
    expect(() => buildItems(root)).toThrow(/linghe-2022-work-report\.txt changed: expected sha256/);
  });

  it('throws naming the item whose quote is missing', () => {
    const root = makeRoot(SAMPLE.replace('50天完成徐州街改造攻坚', '50天完成徐州街改造'.concat('大会战')));
    expect(() => buildItems(root)).toThrow(/item "xuzhou-jie" mentions\[0\]\.quote: quote "50天完成徐州街改造大会战": not in the report/);
  });

  it('throws listing unaccounted candidates with offsets and context', () => {
    const root = makeRoot(SAMPLE);
    expect(() => buildItems(root)).toThrow(/unaccounted[\s\S]*五里营子小区 @\d+ \(suffix:小区\): …/);
  });

  it('throws for a missing items file', () => {
    const root = makeRoot(SAMPLE);
    rmSync(join(root, ITEMS_PATH));
    expect(() => buildItems(root)).toThrow(/items\.yaml: missing/);
  });

  it('builds report, drafts and a ledger from the real annotations', () => {
    const built = buildItems(ROOT);
    expect(built.report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(built.drafts.length).toBeGreaterThan(0);
    expect(built.ledger.entries.every((e) => e.claimed_by !== null || e.dismissed !== null)).toBe(true);
  });
});
