/**
 * The items stage: report → resolved item drafts → coverage ledger. geo/pipeline.ts calls
 * `buildItems(root)`; any annotation problem or unaccounted place mention throws, with a message
 * that names the item or lists the candidates, because items are never faked or silently dropped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemDraft, Ledger, Report } from '../../src/lib/schema.ts';
import { ITEMS_PATH, loadAnnotations, resolveItems } from './annotations.ts';
import { findCandidates, loadGazetteerNames } from './candidates.ts';
import { buildLedger, describeUnaccounted, LEDGER_PATH, loadDismissals, type LedgerResult } from './ledger.ts';
import { loadReport } from './report.ts';

/** Where the gazetteer CSVs are: the committed, verbatim copies of the shared geodata. */
export const GEODATA_DIRS = ['geo/sources'] as const;

export function geodataDir(root: string): string {
  const override = process.env.LINGHE_GEODATA;
  if (override) return override;
  const dir = GEODATA_DIRS.map((d) => (d.startsWith('/') ? d : join(root, d))).find((d) => existsSync(join(d, 'landmarks.csv')));
  if (!dir) throw new Error(`items: no landmarks.csv in ${GEODATA_DIRS.join(' or ')} (needed for the ledger's gazetteer names)`);
  return dir;
}

export interface BuiltItems {
  report: Report;
  drafts: ItemDraft[];
  ledger: Ledger;
}

/** Everything of the stage, without throwing on unaccounted candidates (for the ledger report). */
export function auditItems(root: string): BuiltItems & { result: LedgerResult } {
  const report = loadReport(root);
  const drafts = resolveItems(report, loadAnnotations(join(root, ITEMS_PATH)));
  const candidates = findCandidates(report.text, loadGazetteerNames(geodataDir(root)));
  const result = buildLedger(candidates, drafts, loadDismissals(join(root, LEDGER_PATH)));
  return { report, drafts, ledger: result.ledger, result };
}

export function buildItems(root: string): BuiltItems {
  const { report, drafts, ledger, result } = auditItems(root);
  if (result.unaccounted.length > 0) {
    throw new Error(
      `ledger: ${result.unaccounted.length} candidate place mention(s) unaccounted — claim each in ${ITEMS_PATH} ` +
        `or dismiss it in ${LEDGER_PATH} (npx tsx geo/items/ledger-report.ts prints stubs):\n` +
        describeUnaccounted(report.text, result.unaccounted),
    );
  }
  return { report, drafts, ledger };
}
