/** How a stated figure reads in the UI: its quote, the normalised value and what it is for. */
import { t, type Lang } from '../i18n';
import type { Figure, FigureUnit, MoneyPurpose } from '../schema';

export const PURPOSE_LABELS: Record<MoneyPurpose, { zh: string; en: string }> = {
  investment: { zh: '投资', en: 'investment' },
  funds_obtained: { zh: '争取或引进资金', en: 'funds obtained' },
  output: { zh: '产值或营收', en: 'output' },
  revenue: { zh: '财政或税收收入', en: 'revenue' },
  income: { zh: '居民收入', en: 'household income' },
  spending: { zh: '补贴与支出', en: 'spending' },
  other: { zh: '其他', en: 'other' },
};

const UNIT_LABELS: Record<FigureUnit, { zh: string; en: string }> = {
  CNY: { zh: '元', en: 'CNY' },
  USD: { zh: '美元', en: 'USD' },
  m2: { zh: '平方米', en: 'm²' },
  mu: { zh: '亩', en: 'mu' },
  ha: { zh: '公顷', en: 'ha' },
  m: { zh: '米', en: 'm' },
  household: { zh: '户', en: 'households' },
  dwelling: { zh: '套', en: 'dwellings' },
  person: { zh: '人', en: 'people' },
  person_time: { zh: '人次', en: 'visits' },
  // a count's own counter (个, 次, 座 …) stands for it in zh: see figureLabel
  item: { zh: '', en: '' },
  percent: { zh: '%', en: '%' },
};

export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });
}

/**
 * "1.5亿元 = 150,000,000 CNY · funds obtained" (≥ for 余/多/以上). A figure linked by its sentence
 * says so, so that a group's total never reads as the item's own.
 */
export function figureLabel(f: Figure, lang: Lang): string {
  // A plain count keeps its Chinese counter (个, 座 …) in zh only: in English the number says it.
  const unit = UNIT_LABELS[f.unit][lang] || (lang === 'zh' ? f.counter || '个' : '');
  const value = `${f.approx ? '≥ ' : ''}${formatNumber(f.value, lang)} ${unit}`.trim();
  const purpose = f.purpose ? ` · ${PURPOSE_LABELS[f.purpose][lang]}` : '';
  const shared = f.scope === 'sentence' ? ` (${t(lang, 'figure_sentence')})` : '';
  // "19个 = 19 个" says nothing twice: when the value reads as the quote, the quote alone.
  const echo = value.replace(/\s/g, '') === f.quote.replace(/\s/g, '');
  return `${f.quote}${echo ? '' : ` = ${value}`}${purpose}${shared}`;
}
