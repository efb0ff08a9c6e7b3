import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReport, REPORT_PATH, REPORT_SHA256 } from './report.ts';

const ROOT = join(import.meta.dirname, '../..');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary root holding `text` as the report. */
function rootWith(text: string | Buffer): string {
  const root = mkdtempSync(join(tmpdir(), 'linghe-report-'));
  temps.push(root);
  mkdirSync(dirname(join(root, REPORT_PATH)), { recursive: true });
  writeFileSync(join(root, REPORT_PATH), text);
  return root;
}

describe('loadReport', () => {
  it('returns the real report with its metadata, hash and exact text', () => {
    const report = loadReport(ROOT);
    expect(report).toMatchObject({
      id: 'linghe-2022',
      title: '2022年锦州市凌河区政府工作报告',
      date: '2021-12-08',
      speaker: '马晓春',
      venue: '锦州市凌河区第十九届人民代表大会第一次会议',
      sha256: REPORT_SHA256,
    });
    expect(report.text).toBe(readFileSync(join(ROOT, REPORT_PATH), 'utf8'));
    expect(report.text.endsWith('\n|')).toBe(true);
    expect(report.text.length).toBe(15137);
  });

  it('reads an unchanged copy elsewhere', () => {
    const root = mkdtempSync(join(tmpdir(), 'linghe-report-'));
    temps.push(root);
    mkdirSync(dirname(join(root, REPORT_PATH)), { recursive: true });
    copyFileSync(join(ROOT, REPORT_PATH), join(root, REPORT_PATH));
    expect(loadReport(root).sha256).toBe(REPORT_SHA256);
  });

  it('throws for a changed text, naming the file and both hashes', () => {
    const original = readFileSync(join(ROOT, REPORT_PATH), 'utf8');
    const root = rootWith(original.replace('徐州街', '徐州路'));
    expect(() => loadReport(root)).toThrow(new RegExp(`${REPORT_PATH}.*expected sha256 ${REPORT_SHA256}, got [0-9a-f]{64}`));
  });

  it('throws for a trimmed text (no normalisation hides a change)', () => {
    const original = readFileSync(join(ROOT, REPORT_PATH), 'utf8');
    expect(() => loadReport(rootWith(original.trimEnd().replace(/\|$/, '')))).toThrow(/changed/);
  });
});
