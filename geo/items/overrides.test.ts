/**
 * Every override in the real annotations, one by one: it must give a reason, and it must change
 * what the rules would say (an override that agrees with the rules hides a rule that works).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildItems } from './index.ts';
import { statusFor, yearsFor } from './status.ts';

const ROOT = join(import.meta.dirname, '../..');
const { report, drafts } = buildItems(ROOT);
const periodOf = (path: string) => report.sections.find((s) => s.path === path)!.period;

const overridden = drafts.flatMap((d) =>
  d.mentions.filter((m) => m.override_reason !== undefined).map((m) => ({ id: d.id, m })),
);

describe('overrides in geo/annotations/items.yaml', () => {
  it('exist (the report has cases the rules read wrongly)', () => {
    expect(overridden.length).toBeGreaterThan(5);
  });

  for (const { id, m } of overridden) {
    it(`${id} @${m.start}: "${m.quote.slice(0, 24)}…" overrides the rules, with a reason`, () => {
      expect(m.override_reason!.trim().length).toBeGreaterThan(10);
      const sentence = report.sentences[m.sentence];
      const period = periodOf(m.section);
      const ruleStatus = period === 'preamble' || period === 'closing' ? null : statusFor(report.text, sentence, m, period).status;
      let ruleYears: number[] | null = null;
      try {
        ruleYears = yearsFor(report.text, sentence, m, period).years;
      } catch {
        ruleYears = null; // no rule for this period: the override is what gives years
      }
      const changesStatus = m.status_rule === 'override' && m.status !== ruleStatus;
      const changesYears = JSON.stringify(m.years) !== JSON.stringify(ruleYears);
      expect(changesStatus || changesYears, `rules say ${ruleStatus} ${JSON.stringify(ruleYears)}; annotation says ${m.status} ${JSON.stringify(m.years)}`).toBe(true);
    });
  }
});
