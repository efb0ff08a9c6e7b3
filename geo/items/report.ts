/**
 * Loads the verbatim report and refuses a text that is not the one every offset was made against:
 * annotations, golden fixtures and the app's quotes all point into this exact string.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Report } from '../../src/lib/schema.ts';
import { segment } from './segment.ts';

/** Path of the report, relative to the repository root. */
export const REPORT_PATH = 'geo/report/linghe-2022-work-report.txt';

/** sha256 of the file as received (see /work/shared/report/README.md). */
export const REPORT_SHA256 = 'ac933b86f6ab5641f78a1f5c7bf6b3014eb3f1ba95393f8066bd7ad01f6bf39a';

export const REPORT_META = {
  id: 'linghe-2022',
  title: '2022年锦州市凌河区政府工作报告',
  date: '2021-12-08',
  speaker: '马晓春',
  venue: '锦州市凌河区第十九届人民代表大会第一次会议',
} as const;

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The segmented report; throws when the file's hash is not REPORT_SHA256 (naming both hashes). */
export function loadReport(root: string): Report {
  const file = join(root, REPORT_PATH);
  const bytes = readFileSync(file);
  const actual = sha256(bytes);
  if (actual !== REPORT_SHA256) {
    throw new Error(
      `report ${file} changed: expected sha256 ${REPORT_SHA256}, got ${actual}. ` +
        'Every offset in the annotations refers to the original text; restore it.',
    );
  }
  // Decoded as is: no trimming, no normalisation (offsets are into this exact string).
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return Report.parse({ ...REPORT_META, sha256: actual, text, ...segment(text) });
}
