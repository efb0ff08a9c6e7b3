import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { occurrences, parseAnnotations, resolveItems } from './annotations.ts';
import { loadReport } from './report.ts';

const REPORT = loadReport(join(import.meta.dirname, '../..'));
const SAMPLE = readFileSync(join(import.meta.dirname, 'fixtures/items-sample.yaml'), 'utf8');

const item = (extra: string, mention = '    - quote: 50天完成徐州街改造攻坚') =>
  `- id: xuzhou-jie\n  name: 徐州街\n  name_en: Xuzhou Street\n  category: road_bridge\n${extra}  mentions:\n${mention}\n`;

describe('annotations: resolving the sample against the real report', () => {
  const drafts = resolveItems(REPORT, parseAnnotations(SAMPLE));

  it('resolves every quote to its exact span, sentence and section', () => {
    for (const d of drafts) {
      for (const m of d.mentions) {
        expect(REPORT.text.slice(m.start, m.end)).toBe(m.quote);
        const s = REPORT.sentences[m.sentence];
        expect(m.start >= s.start && m.end <= s.end).toBe(true);
        expect(m.section).toBe(s.section);
      }
    }
    expect(drafts[0].mentions[0]).toMatchObject({ section: '一.(四)', status: 'completed', status_rule: 'review-completed', years: [2018, 2019, 2020, 2021] });
  });

  it('applies a status override: status_rule "override", the reason as override_reason', () => {
    expect(drafts[0].mentions[1]).toMatchObject({ section: '三.(三)', status: 'planned', status_rule: 'override', override_reason: expect.stringMatching(/^test:/) });
  });

  it("keeps 「」 words the report's own: an override has no status words, its reason travels in both languages", () => {
    const m = drafts[0].mentions[1];
    expect(m.status_words).toBe('');
    expect(m.override_reason_zh).toMatch(/^测试：/);
    for (const d of drafts) for (const x of d.mentions) for (const w of x.status_words.split('、').filter(Boolean)) {
      const s = REPORT.sentences[x.sentence];
      expect(REPORT.text.slice(s.start, s.end)).toContain(w);
    }
  });

  it('applies a years override and keeps the status rule', () => {
    expect(drafts[1].mentions[0]).toMatchObject({ years: [2022], status: 'planned', status_rule: 'plan-commitment', override_reason: expect.stringMatching(/^test:/) });
  });

  it('picks the asked occurrence of a repeated quote', () => {
    const second = occurrences(REPORT.text, '铁北')[1];
    expect(drafts[2].mentions[0].start).toBe(second);
  });

  it('defaults claims and keeps the note', () => {
    expect(drafts[1].note).toMatch(/榴花街道/);
  });
});

describe('annotations: errors name the item and the path', () => {
  const resolve = (yaml: string) => resolveItems(REPORT, parseAnnotations(yaml));

  it('a quote not in the report', () => {
    expect(() => resolve(item('', '    - quote: 徐州街建成通车了'))).toThrow(/items\.yaml: item "xuzhou-jie" mentions\[0\]\.quote: quote "徐州街建成通车了": not in the report/);
  });

  it('an ambiguous quote, with its count', () => {
    const n = occurrences(REPORT.text, '铁北').length;
    expect(() => resolve(item('', '    - quote: 铁北'))).toThrow(new RegExp(`item "xuzhou-jie" mentions\\[0\\]\\.quote: .*ambiguous, occurs ${n} times`));
  });

  it('an occurrence beyond the count', () => {
    expect(() => resolve(item('', '    - quote: 徐州街\n      occurrence: 9'))).toThrow(/occurrence 9 asked, only 2/);
  });

  it('a quote across a sentence boundary', () => {
    const [a, b] = REPORT.sentences.slice(20, 22);
    const across = REPORT.text.slice(a.end - 4, b.start + 4);
    expect(() => resolve(item('', `    - quote: ${JSON.stringify(across)}`))).toThrow(/mentions\[0\]\.quote: .*crosses a sentence boundary/);
  });

  it('an override without a reason', () => {
    expect(() => resolve(item('', '    - quote: 50天完成徐州街改造攻坚\n      status: planned'))).toThrow(/item "xuzhou-jie" mentions\[0\]\.reason: an override \(status\/years\) needs a reason/);
  });

  it('a reason without an override', () => {
    expect(() => resolve(item('', '    - quote: 50天完成徐州街改造攻坚\n      reason: because'))).toThrow(/mentions\[0\]\.reason: a reason without/);
  });

  it('an unknown neighbourhood id', () => {
    expect(() => resolve(item("  neighbourhoods: ['999']\n"))).toThrow(/item "xuzhou-jie" neighbourhoods\[0\]: not a neighbourhood id/);
  });

  it('a bad category and an unknown field', () => {
    expect(() => resolve(item('').replace('road_bridge', 'road'))).toThrow(/item "xuzhou-jie" category:/);
    expect(() => resolve(item('  claim: [徐州街]\n'))).toThrow(/item "xuzhou-jie" .*claim/);
  });

  it('a year outside 2018..2026', () => {
    expect(() => resolve(item('', '    - quote: 50天完成徐州街改造攻坚\n      years: [2030]\n      reason: x'))).toThrow(/mentions\[0\]\.years\[0\]/);
  });

  it('a duplicate id', () => {
    expect(() => resolve(item('') + item(''))).toThrow(/item "xuzhou-jie" id: duplicate/);
  });

  it('a bad id, named by its position when it is not a string', () => {
    expect(() => resolve(item('').replace('id: xuzhou-jie', 'id: Xuzhou Jie'))).toThrow(/item "Xuzhou Jie" id: kebab-case/);
    expect(() => resolve(item('').replace('id: xuzhou-jie', 'id: 3'))).toThrow(/item #1 id:/);
  });

  it('a mention in the closing with no override', () => {
    expect(() => resolve(item('', '    - quote: 逢山开路'))).toThrow(/item "xuzhou-jie" mentions\[0\]\.quote: .*no rule for the closing/);
  });

  it('not a list', () => {
    expect(() => parseAnnotations('id: x')).toThrow(/items\.yaml: expected a list/);
  });
});
