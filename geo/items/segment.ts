/**
 * Segments the report text into sections, topic paragraphs and sentences, with offsets into the
 * text exactly as it is (JS string indices; the text is all BMP, so index == code point).
 *
 * The text is a sequence of blocks separated by single spaces (one newline before the stray `|`).
 * Decisions, because the text forces them:
 * - Sections: the three top headings, their "(一)…(六)" sub-sections (paths "一.(四)"), a
 *   'preamble' before 一 and a 'closing' from "各位代表,功崇惟志" on. The closing is rhetoric
 *   ("逢山开路、遇水架桥" are idioms, not roads): it carries no plan of its own, so it is not part
 *   of 三.(六) and of 三. A sub-section also ends where a block opens with "各位代表": the speaker
 *   turning to the house closes the topic list (一's summary after 一.(六) belongs to 一 itself).
 * - Sentences end after 。 ! ? ！ ？ (with any closing quote/bracket that follows). `;` does NOT
 *   split: in this text it separates items of one enumeration ("预计到年末,…;…;…") whose verb or
 *   subject is shared, and a mention's sentence should keep that context.
 * - A space normally ends a sentence only when the text before it does; a block that ends without
 *   a terminator continues its sentence in the next block ("投入资金 2000余万元" is one sentence
 *   broken by a stray space), except for headings and the masthead (title, dateline, speaker), which
 *   are sentences of their own, and a block ending with a colon ("各位代表:").
 * - A topic paragraph opens with a heading sentence: short (≤ HEADING_MAX_CHARS), ends with 。 and
 *   has no inner punctuation ("项目建设取得新成效。"). Other blocks are paragraphs with an empty heading;
 *   section headings are one-sentence paragraphs with an empty heading.
 */
import type { Paragraph, Section, Sentence } from '../../src/lib/schema.ts';

type Period = Section['period'];

/** The top-level headings, verbatim. */
export const TOP_SECTIONS: readonly { path: string; title: string; period: Period }[] = [
  { path: '一', title: '一、过去四年工作回顾', period: 'review' },
  { path: '二', title: '二、今后五年总体要求和目标任务', period: 'goals' },
  { path: '三', title: '三、2022年主要工作安排', period: 'plan' },
];

/** Where the closing rhetoric starts (the report writes an ASCII comma here). */
export const CLOSING_OPENING = '各位代表,功崇惟志';

/** The salutation; blocks before it are the masthead. A block opening with it closes a sub-section. */
export const ADDRESS = '各位代表';

/** Longest heading sentence, 。 included ("务必始终坚持政治方向不偏离。" is 14). */
export const HEADING_MAX_CHARS = 16;

const SUB_HEADING = /^[(（]([一二三四五六七八九十])[)）]/;
const TERMINATORS = new Set(['。', '!', '?', '！', '？']);
const CLOSERS = new Set(['”', '’', '」', '』', '》', ')', '）']);
const COLONS = new Set([':', '：']);
const INNER_PUNCTUATION = /[,，、;；:：“”"()（）《》!！?？]/;

export interface Block {
  start: number;
  end: number;
  text: string;
}

export interface Segments {
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/** Blocks of the text: maximal runs without a space or newline. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^ \n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return blocks;
}

/** Sections (outer before inner, in text order); throws when a heading is missing or repeated. */
export function findSections(text: string, blocks: Block[] = splitBlocks(text)): Section[] {
  const tops = TOP_SECTIONS.map((top) => {
    const found = blocks.filter((b) => b.text === top.title);
    if (found.length !== 1) {
      throw new Error(`segment: heading "${top.title}" found ${found.length} times, expected once`);
    }
    return { ...top, block: found[0] };
  });
  const closing = blocks.filter((b) => b.text.startsWith(CLOSING_OPENING));
  if (closing.length !== 1) {
    throw new Error(`segment: closing "${CLOSING_OPENING}" found ${closing.length} times, expected once`);
  }
  const closingStart = closing[0].start;
  const boundaries = [...tops.map((t) => t.block.start), closingStart];
  if (boundaries.some((b, i) => i > 0 && b <= boundaries[i - 1])) {
    throw new Error('segment: headings 一/二/三/closing are out of order');
  }

  /** End of the last block that starts before `limit` (spans never include the separators). */
  const endBefore = (limit: number) => {
    let end = 0;
    for (const b of blocks) if (b.start < limit) end = b.end;
    return end;
  };

  const sections: Section[] = [
    { path: 'preamble', title: '', period: 'preamble', start: 0, end: endBefore(boundaries[0]) },
  ];
  tops.forEach((top, i) => {
    const limit = boundaries[i + 1];
    sections.push({ path: top.path, title: top.title, period: top.period, start: top.block.start, end: endBefore(limit) });
    const inside = blocks.filter((b) => b.start > top.block.start && b.start < limit);
    const subs = inside.filter((b) => SUB_HEADING.test(b.text));
    subs.forEach((sub, j) => {
      const next = subs[j + 1]?.start ?? limit;
      const address = inside.find((b) => b.start > sub.start && b.start < next && b.text.startsWith(ADDRESS));
      const numeral = SUB_HEADING.exec(sub.text)![1];
      sections.push({
        path: `${top.path}.(${numeral})`,
        title: sub.text,
        period: top.period,
        start: sub.start,
        end: endBefore(address?.start ?? next),
      });
    });
  });
  sections.push({ path: 'closing', title: '', period: 'closing', start: closingStart, end: text.length });
  return sections;
}

/** The innermost section containing `offset` (sections are nested or disjoint). */
export function sectionAt(sections: readonly Section[], offset: number): Section {
  let best: Section | undefined;
  for (const s of sections) {
    if (s.start <= offset && offset < s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  if (!best) throw new Error(`segment: offset ${offset} lies in no section`);
  return best;
}

/** Sentence spans inside one paragraph (a run of blocks joined by continuation). */
function sentenceSpans(text: string, start: number, end: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!TERMINATORS.has(text[i])) continue;
    let stop = i + 1;
    while (stop < end && (CLOSERS.has(text[stop]) || TERMINATORS.has(text[stop]))) stop++;
    spans.push({ start: from, end: stop });
    from = stop;
    while (from < end && text[from] === ' ') from++;
    i = stop - 1;
  }
  if (from < end) spans.push({ start: from, end });
  return spans;
}

function isHeadingSentence(s: string): boolean {
  return s.length <= HEADING_MAX_CHARS && s.endsWith('。') && !INNER_PUNCTUATION.test(s.slice(0, -1));
}

/** Sections, paragraphs and sentences of the whole text. */
export function segment(text: string): Segments {
  const blocks = splitBlocks(text);
  const sections = findSections(text, blocks);
  const salutation = blocks.find((b) => b.text.startsWith(ADDRESS));
  const isStructural = (b: Block) =>
    sections.some((s) => s.start === b.start && s.title !== '' && b.text === s.title) ||
    (salutation !== undefined && b.start < salutation.start);
  const breaksAfter = (b: Block) => {
    const last = b.text[b.text.length - 1];
    return isStructural(b) || TERMINATORS.has(last) || CLOSERS.has(last) || COLONS.has(last);
  };
  const breaksBefore = (b: Block) =>
    isStructural(b) || b.text.startsWith(ADDRESS) || sections.some((s) => s.start === b.start);

  // Paragraphs: runs of blocks joined where neither side forces a break.
  const runs: Block[][] = [];
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    if (prev && !breaksAfter(prev) && !breaksBefore(b)) runs[runs.length - 1].push(b);
    else runs.push([b]);
  });

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  runs.forEach((run, index) => {
    const start = run[0].start;
    const end = run[run.length - 1].end;
    const section = sectionAt(sections, start).path;
    const spans = sentenceSpans(text, start, end);
    const first = text.slice(spans[0].start, spans[0].end);
    const heading = !isStructural(run[0]) && isHeadingSentence(first) ? first : '';
    paragraphs.push({ index, section, heading, start, end });
    for (const span of spans) {
      sentences.push({ index: sentences.length, section: sectionAt(sections, span.start).path, paragraph: index, ...span });
    }
  });
  return { sections, paragraphs, sentences };
}

/** The sentence containing `offset`, by binary search over the (sorted, disjoint) sentences. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
