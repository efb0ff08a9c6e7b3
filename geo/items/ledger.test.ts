import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemDraft, Mention } from '../../src/lib/schema.ts';
import type { Candidate } from './candidates.ts';
import { auditItems } from './index.ts';
import { buildLedger, describeUnaccounted, parseDismissals } from './ledger.ts';

const ROOT = join(import.meta.dirname, '../..');

// Hand-made report: "甲完成徐州街改造。乙推进徐州街和北山里。逢山开路。"
const cand = (start: number, text: string): Candidate => ({ start, end: start + text.length, text, rule: 'suffix:test' });
const XUZHOU_1 = cand(3, '徐州街');
const XUZHOU_2 = cand(12, '徐州街');
const BEISHAN = cand(16, '北山里');
const IDIOM = cand(20, '逢山开路');
const mention = (start: number, end: number): Mention => ({
  start, end, quote: 'x', section: '一', sentence: 0, years: [2021], status: 'completed', status_words: '', status_rule: 'test',
});
const draft = (id: string, claims: string[], mentions: Mention[]): ItemDraft => ({
  id, name: id, name_en: id, category: 'road_bridge', neighbourhoods: [], claims, mentions,
});

describe('buildLedger (hand-made)', () => {
  it('claims a candidate only where a mention of the claiming item overlaps it', () => {
    const { ledger } = buildLedger([XUZHOU_1, XUZHOU_2], [draft('xuzhou-jie', ['徐州街'], [mention(1, 9)])], []);
    expect(ledger.entries.map((e) => e.claimed_by)).toEqual(['xuzhou-jie', null]);
  });

  it('counts a mention that only crosses the candidate as overlapping', () => {
    const { ledger } = buildLedger([XUZHOU_1], [draft('xuzhou-jie', ['徐州街'], [mention(4, 8)])], []);
    expect(ledger.entries[0].claimed_by).toBe('xuzhou-jie');
  });

  it('does not claim text the item does not list in claims', () => {
    const { unaccounted } = buildLedger([BEISHAN], [draft('xuzhou-jie', ['徐州街'], [mention(10, 19)])], []);
    expect(unaccounted.map((e) => e.text)).toEqual(['北山里']);
  });

  it('dismisses by text (every occurrence) or by text + at (only those offsets)', () => {
    const everywhere = buildLedger([XUZHOU_1, XUZHOU_2], [], [{ text: '徐州街', reason: 'test' }]);
    expect(everywhere.counts).toMatchObject({ dismissed: 2, unaccounted: 0 });
    const once = buildLedger([XUZHOU_1, XUZHOU_2], [], [{ text: '徐州街', reason: 'test', at: [12] }]);
    expect(once.unaccounted.map((e) => e.start)).toEqual([3]);
    expect(once.ledger.entries[1].dismissed).toBe('test');
  });

  it('prefers a claim over a dismissal and reports the shadowed dismissal as stale', () => {
    const r = buildLedger([XUZHOU_1], [draft('xuzhou-jie', ['徐州街'], [mention(1, 9)])], [{ text: '徐州街', reason: 'r' }]);
    expect(r.ledger.entries[0]).toMatchObject({ claimed_by: 'xuzhou-jie', dismissed: null });
    expect(r.stale.map((s) => s.dismissal.text)).toEqual(['徐州街']);
  });

  it('reports stale dismissals and stale `at` offsets', () => {
    const r = buildLedger([IDIOM], [], [{ text: '逢山开路', reason: 'idiom', at: [20, 99] }, { text: '遇水架桥', reason: 'idiom' }]);
    expect(r.stale.map((s) => [s.dismissal.text, s.unmatched])).toEqual([['逢山开路', [99]], ['遇水架桥', [-1]]]);
  });

  it('counts claims that match no candidate', () => {
    const r = buildLedger([XUZHOU_1], [draft('xuzhou-jie', ['徐州街', '徐州街改造'], [mention(1, 9)])], []);
    expect(r.unmatchedClaims).toEqual([{ item: 'xuzhou-jie', text: '徐州街改造' }]);
  });

  it('describes unaccounted candidates with offset, rule and context', () => {
    const text = '甲完成徐州街改造。乙推进徐州街和北山里。逢山开路。';
    const { unaccounted } = buildLedger([BEISHAN], [], []);
    expect(describeUnaccounted(text, unaccounted)).toBe('  北山里 @16 (suffix:test): …甲完成徐州街改造。乙推进徐州街和【北山里】。逢山开路。…');
  });
});

describe('parseDismissals', () => {
  it('accepts an empty file and names a bad entry', () => {
    expect(parseDismissals('')).toEqual([]);
    expect(() => parseDismissals('- text: 逢山开路\n')).toThrow(/ledger\.yaml: dismissal\[0\] "逢山开路" reason:/);
    expect(() => parseDismissals('- text: 逢山开路\n  reason: x\n  at: [-1]\n')).toThrow(/at/);
  });
});

describe('the real report and annotations', () => {
  const { report, result } = auditItems(ROOT);

  it('accounts for every candidate place mention', () => {
    const message = `${result.unaccounted.length} unaccounted (claim in geo/annotations/items.yaml or dismiss in ledger.yaml; ` +
      `npx tsx geo/items/ledger-report.ts prints stubs):\n${describeUnaccounted(report.text, result.unaccounted)}`;
    expect(result.unaccounted, message).toEqual([]);
  });

  it('has no stale dismissals', () => {
    const message = result.stale.map((s) => `  ${s.dismissal.text} at ${s.unmatched.join(', ')}`).join('\n');
    expect(result.stale, `dismissals that account for nothing (remove them, or fix \`at\`):\n${message}`).toEqual([]);
  });

  it('finds a substantial number of candidates (the finder did not silently break)', () => {
    expect(result.counts.candidates).toBeGreaterThan(100);
    expect(result.counts.claimed + result.counts.dismissed + result.counts.unaccounted).toBe(result.counts.candidates);
  });
});
