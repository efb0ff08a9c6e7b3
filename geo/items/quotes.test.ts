import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEMS_PATH, loadAnnotations, resolveItems } from './annotations.ts';
import { loadReport } from './report.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('the real annotations (geo/annotations/items.yaml)', () => {
  const report = loadReport(ROOT);
  const drafts = resolveItems(report, loadAnnotations(join(ROOT, ITEMS_PATH)));

  it('resolves at least one item', () => {
    expect(drafts.length).toBeGreaterThan(0);
  });

  it('quotes every mention verbatim, inside its sentence and section', () => {
    for (const d of drafts) {
      for (const m of d.mentions) {
        const where = `${d.id} "${m.quote}"`;
        expect(report.text.slice(m.start, m.end), where).toBe(m.quote);
        const s = report.sentences[m.sentence];
        expect(m.start >= s.start && m.end <= s.end, `${where} outside sentence ${s.index}`).toBe(true);
        expect(m.section, where).toBe(s.section);
      }
    }
  });

  it('gives every override a reason', () => {
    for (const d of drafts) for (const m of d.mentions) if (m.status_rule === 'override') expect(m.override_reason, d.id).toBeTruthy();
  });
});
