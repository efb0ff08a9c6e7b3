/**
 * Every user-facing string, in Chinese (default) and English. Components call `t(lang, key)`;
 * a missing key is a type error, so the two catalogs cannot drift apart.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const zh = {
  title: '凌河区政府工作报告地图',
  subtitle: '2022年报告中的承诺事项，逐项落在地图上',
  map_label: '凌河区地图',
  panel_label: '筛选与事项列表',
  panel_show: '显示面板',
  panel_hide: '收起面板',
  loading: '正在加载数据…',
  data_error_title: '数据无法加载',
  data_error_hint: '请检查数据文件后刷新页面。',
  map_error: '地图出错：',
  switch_lang: 'English',
  switch_lang_label: 'Switch to English',
  items_count: '个事项',
  intro:
    '本图依据2022年锦州市凌河区政府工作报告（2021年12月8日），把其中与具体地点相关的承诺事项标注在地图上。每个位置都注明依据与精度；无法定位的事项仍列在清单中。',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  title: 'Linghe Report Atlas',
  subtitle: 'What the 2022 work report promised, place by place',
  map_label: 'Map of Linghe District',
  panel_label: 'Filters and item list',
  panel_show: 'Show panel',
  panel_hide: 'Hide panel',
  loading: 'Loading data…',
  data_error_title: 'The data could not be loaded',
  data_error_hint: 'Check the data files, then reload the page.',
  map_error: 'Map error: ',
  switch_lang: '中文',
  switch_lang_label: '切换到中文',
  items_count: 'items',
  intro:
    'This map places the place-bound commitments of the 2022 Government Work Report of Linghe District, Jinzhou (read on 8 December 2021). Every location states its evidence and precision; items that cannot be located stay in the list.',
};

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function t(lang: Lang, key: MessageKey): string {
  return CATALOGS[lang][key];
}
