/**
 * Status and years of a mention, as explicit named rules over the words around its quote.
 *
 * Semantics: status = what the sentence states as of its period. The review (一) reports what was
 * achieved by the end of 2021, so its verbs decide between completed and under way. The five-year
 * goals (二) and the 2022 plan (三) state commitments: whatever their verb, even 完成 ("完成贵州小区等
 * 10个2021年老旧小区改造任务" is a 2022 target, not an achievement), the mention is `planned`; the
 * verb is still reported in `status_words` so a reader sees what is promised. The preamble and the
 * closing have no rule: a mention there needs an annotated override.
 *
 * The words are looked for in the CLAUSE around the quote (between the nearest , ; 。 ! ? : on either
 * side, ASCII or full-width, inside the sentence), widening, when the clause has none, to the
 * nearest clause of the sentence that has some; the rule id then ends in ":sentence". Words are
 * matched longest first, so "开始启动" is not read as 启动 and "完成率" (a rate) is not read as 完成.
 */
import type { Section, Span, Status } from '../../src/lib/schema.ts';
import { YEAR_MAX, YEAR_MIN } from '../../src/lib/schema.ts';

type Period = Section['period'];
type Kind = 'completed' | 'under_way' | 'initiated' | 'partial' | 'ignored';

/** The status vocabulary; the kind is what a word states in the review period. */
export const STATUS_WORDS: Readonly<Record<Kind, readonly string[]>> = {
  completed: ['完成', '建成', '竣工', '通车', '合龙', '投产', '完工', '投入使用', '入驻', '运营', '开业', '落成', '打通', '办结'],
  under_way: ['开工', '开复工', '推进', '加快', '改造中', '开始启动', '在建', '续建', '正在'],
  // Started or set in motion, not finished: under way in the review, planned elsewhere.
  initiated: ['启动', '实施', '规划', '适时启动', '建设', '谋划', '筹建'],
  // Qualifiers that make a completion partial ("已部分入驻", "取得阶段性建设成果").
  partial: ['部分', '阶段性'],
  // Look like status words but are not ("疫苗接种第一针完成率").
  ignored: ['完成率'],
};

const LEXICON: readonly { word: string; kind: Kind }[] = (Object.keys(STATUS_WORDS) as Kind[])
  .flatMap((kind) => STATUS_WORDS[kind].map((word) => ({ word, kind })))
  .sort((a, b) => b.word.length - a.word.length);

const CLAUSE_DELIMITERS = new Set([',', '，', ';', '；', '。', '!', '！', '?', '？', ':', '：']);

export interface StatusWord {
  word: string;
  kind: Kind;
  start: number;
}

export interface StatusJudgement {
  status: Status;
  status_words: string;
  status_rule: string;
}

export interface YearsJudgement {
  years: number[];
  years_rule: string;
}

/** The clause around `quote`, inside `sentence`: from after the last delimiter before it to the first at or after its end. */
export function clauseAround(text: string, sentence: Span, quote: Span): Span {
  let start = quote.start;
  while (start > sentence.start && !CLAUSE_DELIMITERS.has(text[start - 1])) start--;
  let end = quote.end;
  while (end < sentence.end && !CLAUSE_DELIMITERS.has(text[end])) end++;
  return { start, end };
}

/** Status words in text[span], longest match first, left to right, without overlaps. */
export function findStatusWords(text: string, span: Span): StatusWord[] {
  const found: StatusWord[] = [];
  for (let i = span.start; i < span.end; ) {
    const hit = LEXICON.find(({ word }) => i + word.length <= span.end && text.startsWith(word, i));
    if (hit) {
      if (hit.kind !== 'ignored') found.push({ ...hit, start: i });
      i += hit.word.length;
    } else i++;
  }
  return found;
}

/** The rules of the review period, in precedence order. */
const REVIEW_RULES: readonly { id: string; kinds: readonly Kind[]; status: Status }[] = [
  // A completion qualified as partial is still under way ("已部分入驻").
  { id: 'review-partial', kinds: ['partial'], status: 'under_way' },
  // Any completion verb wins over an earlier start in the same clause ("开工建设…如期完工").
  { id: 'review-completed', kinds: ['completed'], status: 'completed' },
  { id: 'review-under-way', kinds: ['under_way'], status: 'under_way' },
  { id: 'review-initiated', kinds: ['initiated'], status: 'under_way' },
];

const join = (words: StatusWord[]) => [...new Set(words.map((w) => w.word))].join('、');

function judgeWords(words: StatusWord[], period: Period, scope: string): StatusJudgement | undefined {
  if (words.length === 0) return undefined;
  if (period === 'plan' || period === 'goals') {
    return { status: 'planned', status_words: join(words.filter((w) => w.kind !== 'partial')), status_rule: `${period}-commitment${scope}` };
  }
  for (const rule of REVIEW_RULES) {
    const matched = words.filter((w) => rule.kinds.includes(w.kind));
    if (matched.length === 0) continue;
    // A partial qualifier only matters together with the completion it qualifies.
    if (rule.id === 'review-partial' && !words.some((w) => w.kind === 'completed' || w.kind === 'initiated')) continue;
    const shown = rule.id === 'review-partial' ? words.filter((w) => w.kind !== 'under_way') : matched;
    return { status: rule.status, status_words: join(shown), status_rule: `${rule.id}${scope}` };
  }
  return undefined;
}

/**
 * Widening: the words of the clause of the sentence nearest to the quote that has any. A long
 * review sentence lists several achievements; the nearest one speaks of the quote, the sentence's
 * union of verbs ("完成、合龙、建成、通车、完工") does not.
 */
export function nearestClauseWords(text: string, sentence: Span, quote: Span): StatusWord[] {
  const words = findStatusWords(text, sentence);
  if (words.length === 0) return [];
  const distance = (w: StatusWord) =>
    w.start >= quote.end ? w.start - quote.end : Math.max(0, quote.start - (w.start + w.word.length));
  const nearest = words.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  const clause = clauseAround(text, sentence, { start: nearest.start, end: nearest.start + nearest.word.length });
  return words.filter((w) => w.start >= clause.start && w.start < clause.end);
}

/**
 * The status of a quote in its sentence. Throws for the preamble and the closing (no rule: give an
 * override). Without any status word, the review reports an achievement (rule "review-default",
 * completed) and the goals/plan a commitment ("plan-default"/"goals-default", planned).
 */
export function statusFor(text: string, sentence: Span, quote: Span, period: Period): StatusJudgement {
  if (period === 'preamble' || period === 'closing') {
    throw new Error(`status: no rule for the ${period} (offset ${quote.start}); annotate status with a reason`);
  }
  const clause = clauseAround(text, sentence, quote);
  const judged =
    judgeWords(findStatusWords(text, clause), period, '') ??
    judgeWords(nearestClauseWords(text, sentence, quote), period, ':sentence');
  if (judged) return judged;
  return period === 'review'
    ? { status: 'completed', status_words: '', status_rule: 'review-default' }
    : { status: 'planned', status_words: '', status_rule: `${period}-default` };
}

/** Years a period speaks of (DESIGN.md). */
export const PERIOD_YEARS: Readonly<Partial<Record<Period, readonly number[]>>> = {
  review: [2018, 2019, 2020, 2021],
  goals: [2022, 2023, 2024, 2025, 2026],
  plan: [2022],
};

/**
 * Years of a quote: explicit years ("2021年") in its clause win ("10个2021年老旧小区" → 2021),
 * else the period's. Years outside YEAR_MIN..YEAR_MAX are not years the atlas shows and are ignored.
 */
export function yearsFor(text: string, sentence: Span, quote: Span, period: Period): YearsJudgement {
  const clause = clauseAround(text, sentence, quote);
  const explicit = [...text.slice(clause.start, clause.end).matchAll(/(?<!\d)(20\d\d)年/g)]
    .map((m) => Number(m[1]))
    .filter((y) => y >= YEAR_MIN && y <= YEAR_MAX);
  if (explicit.length > 0) return { years: [...new Set(explicit)].sort((a, b) => a - b), years_rule: 'explicit-year' };
  const years = PERIOD_YEARS[period];
  if (!years) throw new Error(`years: no rule for the ${period} (offset ${quote.start}); annotate years with a reason`);
  return { years: [...years], years_rule: `period-${period}` };
}
