import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from './report.ts';
import { sectionAt, sentenceAt } from './segment.ts';
import { clauseAround, findStatusWords, statusFor, yearsFor } from './status.ts';

const REPORT = loadReport(join(import.meta.dirname, '../..'));

/** Judges a quote of the real report (must occur once) the way annotations.ts does. */
function judge(quote: string) {
  const start = REPORT.text.indexOf(quote);
  expect(start, `quote "${quote}" not in the report`).toBeGreaterThanOrEqual(0);
  expect(REPORT.text.indexOf(quote, start + 1), `quote "${quote}" not unique`).toBe(-1);
  const span = { start, end: start + quote.length };
  const sentence = sentenceAt(REPORT.sentences, start)!;
  const period = sectionAt(REPORT.sections, start).period;
  return { ...statusFor(REPORT.text, sentence, span, period), ...yearsFor(REPORT.text, sentence, span, period) };
}

describe('status rules on real sentences of the review (一)', () => {
  it('review-completed: 完成 → completed ("50天完成徐州街改造攻坚")', () => {
    expect(judge('50天完成徐州街改造攻坚')).toMatchObject({ status: 'completed', status_words: '完成', status_rule: 'review-completed' });
  });

  it('review-completed: 如期完工 → completed, though the sentence also has 开工建设 elsewhere', () => {
    expect(judge('紫荆山公园和健身步道')).toMatchObject({ status: 'completed', status_words: '完工', status_rule: 'review-completed' });
  });

  it('review-completed: 建成通车 → completed with both words', () => {
    expect(judge('百股河滨河路建成通车')).toMatchObject({ status: 'completed', status_words: '建成、通车' });
  });

  it('review-under-way: 开工建设 in the review → under_way (开工 beats 建设)', () => {
    expect(judge('二道河外环路')).toMatchObject({ status: 'under_way', status_words: '开工', status_rule: 'review-under-way' });
  });

  it('review-under-way: "一期改造工程开始启动" → under_way (开始启动 is not read as 启动)', () => {
    expect(judge('一期改造工程')).toMatchObject({ status: 'under_way', status_words: '开始启动', status_rule: 'review-under-way' });
  });

  it('review-partial: "已部分入驻" → under_way', () => {
    expect(judge('数字文化园')).toMatchObject({ status: 'under_way', status_words: '部分、入驻', status_rule: 'review-partial' });
  });

  it('review-initiated: 顺利实施 → under_way', () => {
    expect(judge('绿城首府')).toMatchObject({ status: 'under_way', status_words: '实施', status_rule: 'review-initiated' });
  });

  it('widens to the sentence when the clause has no status word (rule id ends in ":sentence")', () => {
    expect(judge('五里营子小区成为全省先进样板')).toMatchObject({ status: 'under_way', status_words: '推进', status_rule: 'review-under-way:sentence' });
  });

  it('widens to the NEAREST clause with words, not to every verb of a long sentence', () => {
    expect(judge('小凌河畔')).toMatchObject({ status: 'completed', status_words: '完工', status_rule: 'review-completed:sentence' });
  });

  it('review-default: no status word in clause or sentence → completed, with no words', () => {
    expect(judge('马家市场')).toMatchObject({ status: 'completed', status_words: '', status_rule: 'review-default' });
  });

  it('does not read 完成率 (a rate) as 完成', () => {
    expect(judge('疫苗接种第一针完成率超过80%')).toMatchObject({ status_rule: 'review-default', status_words: '' });
  });
});

describe('status rules on real sentences of the plan (三) and goals (二)', () => {
  it('plan-commitment: "完成贵州小区等10个2021年老旧小区改造任务" is a 2022 target → planned (words still shown)', () => {
    expect(judge('完成贵州小区等10个2021年老旧小区改造任务')).toMatchObject({ status: 'planned', status_words: '完成', status_rule: 'plan-commitment' });
  });

  it('plan-commitment: 适时启动 → planned', () => {
    expect(judge('辽西驾校')).toMatchObject({ status: 'planned', status_words: '适时启动', status_rule: 'plan-commitment' });
  });

  it('plan-default: no status word → planned', () => {
    expect(judge('蓝天大厦数字产业招商')).toMatchObject({ status: 'planned', status_words: '', status_rule: 'plan-default' });
  });

  it('goals-commitment: 打造 is no status word, 加快 is → planned in the goals', () => {
    expect(judge('抢抓东北陆海新通道建设的发展机遇')).toMatchObject({ status: 'planned', status_rule: 'goals-commitment' });
  });

  it('goals-default: no status word → planned', () => {
    expect(judge('继续创建省级文明城区')).toMatchObject({ status: 'planned', status_words: '', status_rule: 'goals-default' });
  });

  it('preamble and closing have no rule: statusFor and yearsFor throw', () => {
    expect(() => judge('逢山开路')).toThrow(/no rule for the closing/);
    expect(() => judge('请予审议')).toThrow(/no rule for the preamble/);
  });
});

describe('years rules', () => {
  it('period-review → 2018..2021', () => {
    expect(judge('50天完成徐州街改造攻坚')).toMatchObject({ years: [2018, 2019, 2020, 2021], years_rule: 'period-review' });
  });

  it('period-plan → 2022', () => {
    expect(judge('辽西驾校')).toMatchObject({ years: [2022], years_rule: 'period-plan' });
  });

  it('period-goals → 2022..2026', () => {
    expect(judge('继续创建省级文明城区')).toMatchObject({ years: [2022, 2023, 2024, 2025, 2026], years_rule: 'period-goals' });
  });

  it('explicit-year wins: "10个2021年老旧小区" → 2021, "10个2022年老旧小区" → 2022', () => {
    expect(judge('完成贵州小区等10个2021年老旧小区改造任务')).toMatchObject({ years: [2021], years_rule: 'explicit-year' });
    expect(judge('实施白日小区等10个2022年老旧小区改造')).toMatchObject({ years: [2022], years_rule: 'explicit-year' });
  });
});

describe('clauses and words (hand-made)', () => {
  it('clauseAround stops at , ; 。 and stays inside the sentence', () => {
    const text = '甲完成,乙推进;丙建成。';
    expect(clauseAround(text, { start: 0, end: text.length }, { start: 4, end: 5 })).toEqual({ start: 4, end: 7 });
    expect(clauseAround(text, { start: 4, end: 7 }, { start: 4, end: 5 })).toEqual({ start: 4, end: 7 });
  });

  it('findStatusWords matches longest first, without overlaps', () => {
    const text = '开工建设并开始启动,完成率';
    expect(findStatusWords(text, { start: 0, end: text.length }).map((w) => w.word)).toEqual(['开工', '建设', '开始启动']);
  });

  it('ignores years outside 2018..2026', () => {
    const text = '2030年建成某路。';
    expect(yearsFor(text, { start: 0, end: text.length }, { start: 6, end: 8 }, 'plan')).toEqual({ years: [2022], years_rule: 'period-plan' });
  });
});
