import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOSING_OPENING, segment, sentenceAt, splitBlocks } from './segment.ts';

const ROOT = join(import.meta.dirname, '../..');
const TEXT = readFileSync(join(ROOT, 'geo/report/linghe-2022-work-report.txt'), 'utf8');
const GOLDEN = join(import.meta.dirname, 'fixtures/segment-sections.json');

/** Sections of the real report with their first and last sentences: the golden summary. */
function summary(text: string) {
  const { sections, paragraphs, sentences } = segment(text);
  return {
    paragraphs: paragraphs.length,
    sentences: sentences.length,
    headings: paragraphs.filter((p) => p.heading !== '').map((p) => `${p.section} ${p.heading}`),
    sections: sections.map((s) => {
      const own = sentences.filter((x) => x.start >= s.start && x.end <= s.end);
      return {
        path: s.path,
        title: s.title,
        period: s.period,
        start: s.start,
        end: s.end,
        sentences: own.length,
        first: text.slice(own[0].start, own[0].end),
        last: text.slice(own[own.length - 1].start, own[own.length - 1].end),
      };
    }),
  };
}

describe('segment: the real report', () => {
  it('matches the golden sections, first/last sentences and headings (UPDATE_GOLDEN=1 rewrites)', () => {
    const actual = summary(TEXT);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(GOLDEN), `${GOLDEN} missing: run UPDATE_GOLDEN=1 npx vitest run geo/items`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('is all BMP, so UTF-16 indices are code point offsets', () => {
    expect([...TEXT].length).toBe(TEXT.length);
  });

  it('tiles the text: sentences are sorted, disjoint, inside their paragraph and leave only separators out', () => {
    const { paragraphs, sentences } = segment(TEXT);
    let covered = 0;
    sentences.forEach((s, i) => {
      expect(s.index).toBe(i);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1].end);
      const p = paragraphs[s.paragraph];
      expect(s.start >= p.start && s.end <= p.end).toBe(true);
      covered += s.end - s.start;
    });
    const separators = TEXT.length - TEXT.replace(/[ \n]/g, '').length;
    const insideSentences = sentences.reduce((n, s) => n + (TEXT.slice(s.start, s.end).match(/ /g)?.length ?? 0), 0);
    expect(covered).toBe(TEXT.length - separators + insideSentences);
  });

  it('keeps "投入资金 2000余万元" (a stray space mid-sentence) in one sentence', () => {
    const { sentences } = segment(TEXT);
    const at = TEXT.indexOf('投入资金 2000余万元');
    const s = sentenceAt(sentences, at)!;
    expect(TEXT.slice(s.start, s.end)).toMatch(/^投入资金 2000余万元.*检测能力。$/);
  });

  it('puts the closing rhetoric in "closing", not in 三.(六)', () => {
    const { sections, sentences } = segment(TEXT);
    const at = TEXT.indexOf('逢山开路');
    expect(sentenceAt(sentences, at)!.section).toBe('closing');
    expect(sections.find((s) => s.path === '三.(六)')!.end).toBeLessThan(TEXT.indexOf(CLOSING_OPENING));
  });

  it('gives the review summary after 一.(六) to 一, not to 一.(六)', () => {
    const { sentences } = segment(TEXT);
    expect(sentenceAt(sentences, TEXT.indexOf('我们科学编制了'))!.section).toBe('一');
    expect(sentenceAt(sentences, TEXT.indexOf('政府会议次数压缩11%'))!.section).toBe('一.(六)');
  });
});

describe('segment: hand-made texts', () => {
  const mini = (body: string) =>
    `标题 各位代表: 开场。 一、过去四年工作回顾 ${body} 二、今后五年总体要求和目标任务 目标。 三、2022年主要工作安排 (一)甲 计划。 ${CLOSING_OPENING},结束!`;

  it('splits blocks on single spaces and the newline', () => {
    expect(splitBlocks('甲 乙\n丙').map((b) => [b.start, b.end, b.text])).toEqual([
      [0, 1, '甲'],
      [2, 3, '乙'],
      [4, 5, '丙'],
    ]);
  });

  it('opens a topic paragraph with a short heading sentence and not with a long one', () => {
    const text = mini('道路建设取得新成效。建成一条路。 这一句很长而且不是标题因为它超过了长度的限制啊。后面。');
    const { paragraphs } = segment(text);
    const review = paragraphs.filter((p) => p.section === '一' && p.start > text.indexOf('工作回顾'));
    expect(review.map((p) => p.heading)).toEqual(['道路建设取得新成效。', '']);
  });

  it('does not split on ; and splits on 。 ! ? keeping a closing quote', () => {
    const text = mini('甲,乙;丙。丁“好!”戊? 己。');
    const { sentences } = segment(text);
    const inReview = sentences.filter((s) => s.section === '一' && s.start > text.indexOf('工作回顾'));
    expect(inReview.map((s) => text.slice(s.start, s.end))).toEqual(['甲,乙;丙。', '丁“好!”', '戊?', '己。']);
  });

  it('names sub-sections "三.(一)" and periods by top section', () => {
    const { sections } = segment(mini('回顾。'));
    expect(sections.map((s) => `${s.path}:${s.period}`)).toEqual([
      'preamble:preamble',
      '一:review',
      '二:goals',
      '三:plan',
      '三.(一):plan',
      'closing:closing',
    ]);
  });

  it('throws naming a missing heading', () => {
    expect(() => segment(mini('x。').replace('二、今后五年总体要求和目标任务', '二、别的'))).toThrow(/二、今后五年总体要求和目标任务/);
  });
});
