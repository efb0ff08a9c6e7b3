/**
 * Prints what the curator still has to do: unaccounted candidates as YAML stubs for
 * geo/annotations/ledger.yaml (or a hint for the item whose mention covers them), stale dismissals
 * and claims that match no candidate. Exit code 1 while anything is unaccounted.
 *
 *   npx tsx geo/items/ledger-report.ts [root]
 */
import type { LedgerEntry, Report } from '../../src/lib/schema.ts';
import { auditItems } from './index.ts';

const context = (text: string, e: LedgerEntry) =>
  `${text.slice(Math.max(0, e.start - 20), e.start)}【${e.text}】${text.slice(e.end, e.end + 20)}`.replace(/\s+/g, ' ');

function stubs(report: Report, drafts: { id: string; mentions: { start: number; end: number }[] }[], unaccounted: LedgerEntry[]): string {
  const byText = new Map<string, LedgerEntry[]>();
  for (const e of unaccounted) byText.set(e.text, [...(byText.get(e.text) ?? []), e]);
  const out: string[] = [];
  for (const [text, entries] of byText) {
    for (const e of entries) {
      out.push(`# @${e.start} (${e.rule}) …${context(report.text, e)}…`);
      const covering = drafts.filter((d) => d.mentions.some((m) => m.start < e.end && e.start < m.end)).map((d) => d.id);
      if (covering.length > 0) out.push(`#   or add "${text}" to claims of: ${covering.join(', ')}`);
    }
    out.push(`- text: ${JSON.stringify(text)}\n  reason: "TODO"\n  at: [${entries.map((e) => e.start).join(', ')}]`);
  }
  return out.join('\n');
}

// Piped into `head`: stop quietly when the reader goes away.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const root = process.argv[2] ?? process.cwd();
const { report, drafts, result } = auditItems(root);
const { counts, unaccounted, stale, unmatchedClaims } = result;
console.log(`# ledger: ${counts.candidates} candidates, ${counts.claimed} claimed, ${counts.dismissed} dismissed, ${counts.unaccounted} unaccounted`);
if (unaccounted.length > 0) console.log(`\n# ---- unaccounted: paste into ledger.yaml (and fill the reason) or claim\n${stubs(report, drafts, unaccounted)}`);
if (stale.length > 0) {
  console.log('\n# ---- stale dismissals (match no unclaimed candidate; -1 = no occurrence at all)');
  for (const s of stale) console.log(`# ${s.dismissal.text} at ${s.unmatched.join(', ')}`);
}
if (unmatchedClaims.length > 0) {
  console.log(`\n# ---- ${unmatchedClaims.length} claims match no candidate (fine when the finder does not produce that text)`);
  for (const c of unmatchedClaims) console.log(`# ${c.item}: ${c.text}`);
}
process.exitCode = unaccounted.length > 0 ? 1 : 0;
