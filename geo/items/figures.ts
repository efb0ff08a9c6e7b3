/**
 * Stated figures: every quantity the report writes ("争取上级资金5.3亿元", "改造老旧小区…2892户"),
 * verbatim with offsets, normalised (5.3亿元 → 530,000,000 CNY), with its unit, kind and — for money —
 * what it is for, attached to the items whose mentions overlap it, linked to the items of one
 * category named in its clause, or recorded as district-wide (`figureScope`).
 *
 * Accounting like the place ledger (ledger.ts): every run of digits in the report is either part of
 * a figure or dismissed by a named rule (a year, a date, a duration, a name such as 5G or “8+3”);
 * one left over makes `extractFigures` report it, and the pipeline refuses to build.
 *
 * The report writes every quantity in Arabic digits with ASCII '.' decimals; Chinese numerals occur
 * only in names and idioms ("一区三园", "四个一批", "最后一公里"), so they are not quantities here
 * (figures.test.ts proves the text has no other Chinese-numeral measure).
 */
import type { Figure, FigureKind, FigureUnit, ItemDraft, MoneyPurpose, NumberEntry, Report } from '../../src/lib/schema.ts';
import { sentenceAt } from './segment.ts';

interface UnitRule {
  /** As written after the number (and its 万/亿). */
  text: string;
  kind: FigureKind;
  unit: FigureUnit;
  factor: number;
}

/** Longest first, so 平方公里 wins over 公里 and 人次 over 人. */
export const UNITS: readonly UnitRule[] = [
  { text: '平方公里', kind: 'area', unit: 'm2', factor: 1e6 },
  { text: '平方米', kind: 'area', unit: 'm2', factor: 1 },
  { text: '延长米', kind: 'length', unit: 'm', factor: 1 },
  { text: '美元', kind: 'money', unit: 'USD', factor: 1 },
  { text: '公里', kind: 'length', unit: 'm', factor: 1000 },
  { text: '千米', kind: 'length', unit: 'm', factor: 1000 },
  { text: '公顷', kind: 'area', unit: 'ha', factor: 1 },
  { text: '人次', kind: 'people', unit: 'person_time', factor: 1 },
  { text: '台套', kind: 'count', unit: 'item', factor: 1 },
  { text: '元', kind: 'money', unit: 'CNY', factor: 1 },
  { text: '亩', kind: 'area', unit: 'mu', factor: 1 },
  { text: '米', kind: 'length', unit: 'm', factor: 1 },
  { text: '户', kind: 'households', unit: 'household', factor: 1 },
  { text: '套', kind: 'dwellings', unit: 'dwelling', factor: 1 },
  { text: '人', kind: 'people', unit: 'person', factor: 1 },
  { text: '名', kind: 'people', unit: 'person', factor: 1 },
  { text: '%', kind: 'percent', unit: 'percent', factor: 1 },
  ...['个', '家', '项', '所', '处', '座', '条', '件', '次', '台', '起', '场', '批', '株', '栋', '间'].map(
    (text) => ({ text, kind: 'count' as const, unit: 'item' as const, factor: 1 }),
  ),
];

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Named rules for digits that are not a stated quantity, tried in order on the text around the
 * digits (`before` = up to 4 characters before, `after` = up to 6 after).
 */
export const DISMISS_RULES: readonly { id: string; reason: string; test: (digits: string, before: string, after: string) => boolean }[] = [
  { id: 'year', reason: 'a calendar year', test: (d, _b, a) => /^\d{4}$/.test(d) && /^(年|-\d{4})/.test(a) },
  { id: 'date', reason: 'a month or day of a date', test: (_d, _b, a) => /^[月日]/.test(a) },
  { id: 'duration', reason: 'how long something took (天/小时/年), not a quantity of a place or project', test: (d, _b, a) => /^(天|小时|年)/.test(a) && !/^\d{4}$/.test(d) },
  { id: 'event-name', reason: 'part of the name of an event or slogan (“4·10” fire, “8+3” industries, “1+2” companies)', test: (_d, b, a) => /^[·+]/.test(a) || /[·+]$/.test(b) },
  { id: 'technical-name', reason: 'part of a technical name (5G, PM2.5, PM10, a kV rating)', test: (_d, b, a) => /^(G|千伏)/.test(a) || /(PM|PM\d\.)$/.test(b) || /PM$/.test(b) },
  { id: 'hotline', reason: 'a telephone service number (12345政务服务平台)', test: (_d, _b, a) => /^(政务|热线)/.test(a) },
  { id: 'range-lower', reason: 'the lower end of a range (“2-3个”); the figure is its upper end, marked approximate', test: (_d, _b, a) => /^-\d/.test(a) },
  { id: 'house-number', reason: 'a building number (3和4号楼)', test: (_d, _b, a) => /^(和\d+)?号/.test(a) },
];

const QUALIFIER_BEFORE = /(近|约|超过|逾|\d-)$/;
const MONEY_PURPOSES: readonly [MoneyPurpose, RegExp][] = [
  ['income', /可支配收入|人均/],
  ['funds_obtained', /争取|获得|到位|引进|招商|利用|外资|内资|债券|上级|专项资金|融资|贷款/],
  ['spending', /补贴|发放|救助|奖励|支出|补助|拨付|减免|兑现|帮扶|慰问|偿还/],
  ['investment', /投资|投入|建设资金|资金/],
  ['output', /产值|生产总值|增加值|销售|营业|零售|交易额|营收|主营|规模/],
  ['revenue', /税|财政|预算收入|收入/],
];

/** The clause the number stands in, up to it: from the last , ; 。 : 、 ! (or the sentence start). */
export function clauseBefore(text: string, start: number, from = Math.max(0, start - 60)): string {
  const head = text.slice(from, start);
  const cut = Math.max(...[',', ';', '。', ':', '!', '，', '；', '：'].map((p) => head.lastIndexOf(p)));
  return head.slice(cut + 1);
}

const CLAUSE_END = /[;；。!！?？]/;

/** The clause between ; or sentence ends around a span: the context an item shares with a figure. */
export function clauseAround(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && !CLAUSE_END.test(text[start - 1])) start--;
  let end = span.end;
  while (end < text.length && !CLAUSE_END.test(text[end])) end++;
  return { start, end };
}

export function moneyPurpose(clause: string): MoneyPurpose {
  return MONEY_PURPOSES.find(([, re]) => re.test(clause))?.[0] ?? 'other';
}

export interface ParsedFigure {
  start: number;
  end: number;
  quote: string;
  value: number;
  unit: FigureUnit;
  kind: FigureKind;
  counter: string;
  approx: boolean;
  digits: { start: number; end: number; text: string };
}

/**
 * The figure that starts with the digits at `start`, or null. Shape: digits [余|多] [万|亿] [余|多]
 * unit [以上|余|多]. Decimal digits are multiplied as decimal strings to avoid 1.1×1e8 float noise.
 */
export function parseFigureAt(text: string, start: number): ParsedFigure | null {
  const m = /^(\d+(?:\.\d+)?)(余|多)?(万|亿)?(万)?(余|多)?/.exec(text.slice(start, start + 24));
  if (!m) return null;
  let end = start + m[0].length;
  const unit = UNITS.find((u) => text.startsWith(u.text, end));
  if (!unit) return null;
  end += unit.text.length;
  const trailing = /^(以上|余|多)/.exec(text.slice(end, end + 2));
  const approx = Boolean(m[2] || m[5] || trailing || QUALIFIER_BEFORE.test(text.slice(Math.max(0, start - 2), start)));
  const mult = (m[3] ? MULTIPLIERS[m[3]] : 1) * (m[4] ? MULTIPLIERS[m[4]] : 1) * unit.factor;
  return {
    start,
    end,
    quote: text.slice(start, end),
    value: scale(m[1], mult),
    unit: unit.unit,
    kind: unit.kind,
    counter: unit.kind === 'count' ? unit.text : '',
    approx,
    digits: { start, end: start + m[1].length, text: m[1] },
  };
}

/** `digits × mult` exactly for the decimals of this text (≤ 4 decimal places, mult a power of 10). */
export function scale(digits: string, mult: number): number {
  const [int, frac = ''] = digits.split('.');
  const places = frac.length;
  return (Number(int + frac) * mult) / 10 ** places;
}

export interface FiguresResult {
  figures: Figure[];
  numbers: NumberEntry[];
  /** Digit runs neither in a figure nor dismissed: the pipeline refuses these. */
  unaccounted: NumberEntry[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Whose a figure is, by one rule (docs/from-sentence-to-symbol.md §3a):
 * - `item`: a mention of the item overlaps it ("争取国家债券资金1.5亿元" inside 北山里's quote). It is
 *   theirs; other items named in the same clause are context.
 * - `sentence`: no mention overlaps it, but it stands in the same clause (between ; 。 ! ?) as the
 *   mentions of items that are all of one category ("解放小学、宝地小学、培智学校等9所学校设施改造工程
 *   顺利完工,累计投资1.03亿元"). The report states it for the work that sentence describes, which those
 *   items are part of: it is linked to them, but it is not any one item's own (1.9亿元 paid for 19
 *   小区, of which 五里营子 is the one named). Shown and exported as such, counted once per chart bar.
 * - `district`: nothing of the sort, or the clause names items of several categories, so which
 *   work the figure measures is ambiguous (1070个 demolished houses beside a road, a hospital, a
 *   shantytown and a plot): district-wide, with those items kept as context only.
 */
export function figureScope(
  overlapping: readonly string[],
  sameClause: readonly Pick<ItemDraft, 'id' | 'category'>[],
): Pick<Figure, 'scope' | 'items' | 'context_items'> {
  const ids = [...new Set(sameClause.map((d) => d.id))].sort();
  if (overlapping.length) return { scope: 'item', items: [...overlapping].sort(), context_items: ids };
  if (ids.length && new Set(sameClause.map((d) => d.category)).size === 1) return { scope: 'sentence', items: ids, context_items: [] };
  return { scope: 'district', items: [], context_items: ids };
}

export function extractFigures(report: Pick<Report, 'text' | 'sections' | 'sentences'>, drafts: readonly Pick<ItemDraft, 'id' | 'mentions' | 'category'>[]): FiguresResult {
  const { text } = report;
  const figures: Figure[] = [];
  const numbers: NumberEntry[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const entry = { start, end, text: m[0] };
    const f = parseFigureAt(text, start);
    const dismissal = DISMISS_RULES.find((r) => r.test(m[0], text.slice(Math.max(0, start - 4), start), text.slice(end, end + 6)));
    if (dismissal) {
      numbers.push({ ...entry, figure: null, dismissed: `${dismissal.id}: ${dismissal.reason}` });
      continue;
    }
    if (!f) {
      numbers.push({ ...entry, figure: null, dismissed: null });
      continue;
    }
    const id = `f${start}`;
    const overlapping = drafts.filter((d) => d.mentions.some((mm) => overlaps(mm, f))).map((d) => d.id);
    const clause = clauseAround(text, f);
    const sameClause = drafts.filter((d) => !overlapping.includes(d.id) && d.mentions.some((mm) => overlaps(mm, clause)));
    const sentence = sentenceAt(report.sentences, start);
    const section = report.sections.filter((s) => s.start <= start && start < s.end).map((s) => s.path).pop() ?? '';
    figures.push({
      id,
      start: f.start,
      end: f.end,
      quote: f.quote,
      value: f.value,
      unit: f.unit,
      kind: f.kind,
      counter: f.counter,
      approx: f.approx,
      purpose: f.kind === 'money' ? moneyPurpose(clauseBefore(text, start, sentence?.start)) : null,
      section,
      sentence: sentence ? sentence.index : null,
      ...figureScope(overlapping, sameClause),
    });
    numbers.push({ ...entry, figure: id, dismissed: null });
  }
  return { figures, numbers, unaccounted: numbers.filter((n) => !n.figure && !n.dismissed) };
}
