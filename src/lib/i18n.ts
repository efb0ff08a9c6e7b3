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
  sheet_expand: '展开面板',
  sheet_collapse: '缩小面板',
  loading: '正在加载数据…',
  data_error_title: '数据无法加载',
  data_error_hint: '请检查数据文件后刷新页面。',
  map_error: '地图出错：',
  report_error: '报告全文无法加载，阅读器与原文上下文暂不可用：',
  gazetteer_error: '引用来源目录无法加载，证据只显示编号：',
  switch_lang: 'English',
  switch_lang_label: 'Switch to English',
  intro:
    '本图依据2022年锦州市凌河区政府工作报告（2021年12月8日），把其中与具体地点相关的承诺事项标注在地图上。每个位置都注明依据与精度；无法定位的事项仍列在清单中。',
  filters_label: '筛选',
  year: '年份',
  all_years: '全部年份',
  period_review: '回顾 2018–2021',
  period_plan: '2022年计划',
  period_goals: '五年目标 2022–2026',
  category: '类别',
  status: '进展',
  hood: '街道与片区',
  search: '搜索',
  search_placeholder: '名称、拼音或英文名',
  clear_filters: '清除全部筛选',
  list_label: '事项列表',
  list_count: '共 {n} 个事项，其中 {m} 个在图上',
  list_empty: '没有符合筛选条件的事项。',
  list_hint: '上下方向键浏览，回车查看详情',
  list_why: '为什么大多数事项不在图上？',
  list_why_text:
    '只有引用的依据（地名库、公开坐标等）能确定位置的事项才画在图上。其余事项或只知道所在街道，或泛指全区，或位于区外：我们不推测坐标，只在清单中标注「未上图」和已知的范围。点开事项可查看依据。',
  not_mapped: '未上图：{p}',
  back_to_list: '返回列表',
  detail_label: '事项详情',
  name_en: '英文名',
  translation: '译名',
  status_timeline: '各次提及的进展',
  neighbourhoods: '街道与片区',
  none: '无',
  location: '位置',
  precision: '定位精度',
  method: '定位方法',
  uncertainty: '误差范围',
  uncertainty_m: '约 {n} 米',
  evidence: '依据',
  evidence_none: '没有可引用的位置依据。',
  unmapped_subdistrict: '未上图：引用的依据只能确定它位于{hood}，没有更精确的位置。',
  unmapped_district: '未上图：没有引用的依据能把它定位到比全区更具体的地方。',
  unmapped_outside: '未上图：它位于凌河区以外。',
  hood_items: '查看{hood}的全部事项',
  source: '来源',
  licence: '许可',
  src_coordinates: '原始坐标',
  quotes: '报告原文',
  section: '章节',
  read_in_report: '在报告中阅读',
  copy_link: '复制链接',
  link_copied: '链接已复制',
  link_copy_failed: '无法复制，请手动复制地址栏',
  reader_label: '报告全文',
  reader_open: '阅读报告',
  reader_close: '关闭报告',
  reader_mention: '查看事项：{name}',
  legend: '图例',
  legend_categories: '类别颜色',
  legend_status: '进展样式',
  legend_precision: '定位精度',
  legend_unmapped: '只能定位到街道、泛指全区或位于区外的事项不上图，只列在清单中。',
  legend_context: '参考地点（非报告事项）',
  context_station: '车站',
  context_landmark: '地标',
  context_college: '高校',
  precision_exact: '实线/实心',
  precision_near: '点 + 误差圈',
  precision_street: '虚线',
  precision_area: '斜线填充',
  notice_url: '链接中有部分内容无法识别，已忽略：',
  dismiss: '关闭提示',
  notice_times: '（{n} 次）',
  notice_more: '……另有 {n} 项未列出',
  reason_bad_year: '年份须为2018至2026',
  reason_unknown_value: '未知的取值',
  reason_bad_id: '不是有效的事项编号',
  reason_bad_flag: '只能为 1 或 0',
  reason_bad_lang: '只支持 zh 或 en',
  reason_bad_map: '地图视角格式应为 缩放/纬度/经度',
  reason_unknown_param: '未知参数',
  reason_no_such_item: '没有这个事项',
  count_title: '{n} 个事项',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  title: 'Linghe Report Atlas',
  subtitle: 'What the 2022 work report promised, place by place',
  map_label: 'Map of Linghe District',
  panel_label: 'Filters and item list',
  panel_show: 'Show panel',
  panel_hide: 'Hide panel',
  sheet_expand: 'Expand panel',
  sheet_collapse: 'Shrink panel',
  loading: 'Loading data…',
  data_error_title: 'The data could not be loaded',
  data_error_hint: 'Check the data files, then reload the page.',
  map_error: 'Map error: ',
  report_error: 'The report text could not be loaded; the reader and the quotes’ context are unavailable: ',
  gazetteer_error: 'The gazetteer could not be loaded; evidence is shown by its ids only: ',
  switch_lang: '中文',
  switch_lang_label: '切换到中文',
  intro:
    'This map places the place-bound commitments of the 2022 Government Work Report of Linghe District, Jinzhou (read on 8 December 2021). Every location states its evidence and precision; items that cannot be located stay in the list.',
  filters_label: 'Filters',
  year: 'Year',
  all_years: 'All years',
  period_review: 'Review 2018–2021',
  period_plan: '2022 plan',
  period_goals: 'Five-year goals 2022–2026',
  category: 'Category',
  status: 'Status',
  hood: 'Subdistricts & areas',
  search: 'Search',
  search_placeholder: 'Name, pinyin or English',
  clear_filters: 'Clear all filters',
  list_label: 'Items',
  list_count: '{n} {n|item|items}, {m} of them mapped',
  list_empty: 'No item matches these filters.',
  list_hint: 'Arrow keys to browse, Enter for details',
  list_why: 'Why are most items not mapped?',
  list_why_text:
    'An item is drawn only where cited evidence (a gazetteer, published coordinates) locates it. The others are known only to a subdistrict, are district-wide or lie outside Linghe: we do not guess coordinates, so they are listed as “not mapped” with what is known. Open an item to see its evidence.',
  not_mapped: 'not mapped: {p}',
  back_to_list: 'Back to the list',
  detail_label: 'Item details',
  name_en: 'English name',
  translation: 'our translation',
  status_timeline: 'Status by mention',
  neighbourhoods: 'Subdistricts & areas',
  none: 'none',
  location: 'Location',
  precision: 'Precision',
  method: 'Method',
  uncertainty: 'Uncertainty',
  uncertainty_m: 'about {n} m',
  evidence: 'Evidence',
  evidence_none: 'No location evidence to cite.',
  unmapped_subdistrict: 'Not mapped: the cited evidence places it only in {hood}, no more precisely.',
  unmapped_district: 'Not mapped: no cited evidence locates it more precisely than the district as a whole.',
  unmapped_outside: 'Not mapped: it lies outside Linghe District.',
  hood_items: 'All items in {hood}',
  source: 'Source',
  licence: 'Licence',
  src_coordinates: 'As published',
  quotes: 'In the report',
  section: 'Section',
  read_in_report: 'Read in the report',
  copy_link: 'Copy link',
  link_copied: 'Link copied',
  link_copy_failed: 'Could not copy; copy the address bar instead',
  reader_label: 'The report',
  reader_open: 'Read the report',
  reader_close: 'Close the report',
  reader_mention: 'Show item: {name}',
  legend: 'Legend',
  legend_categories: 'Category colours',
  legend_status: 'Status styles',
  legend_precision: 'Location precision',
  legend_unmapped: 'Items located only to a subdistrict, district-wide or outside Linghe are listed but not mapped.',
  legend_context: 'Reference places (not report items)',
  context_station: 'Station',
  context_landmark: 'Landmark',
  context_college: 'College',
  precision_exact: 'solid',
  precision_near: 'point + uncertainty circle',
  precision_street: 'dashed line',
  precision_area: 'hatched area',
  notice_url: 'Parts of this link were not understood and were ignored:',
  dismiss: 'Dismiss',
  notice_times: '({n} times)',
  notice_more: '…and {n} more',
  reason_bad_year: 'the year must be 2018–2026',
  reason_unknown_value: 'unknown value',
  reason_bad_id: 'not a valid item id',
  reason_bad_flag: 'must be 1 or 0',
  reason_bad_lang: 'only zh or en',
  reason_bad_map: 'the map view must be zoom/lat/lng',
  reason_unknown_param: 'unknown parameter',
  reason_no_such_item: 'no such item',
  count_title: '{n} {n|item|items}',
};

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function t(lang: Lang, key: MessageKey): string {
  return CATALOGS[lang][key];
}

/** A message with `{name}` placeholders filled in. */
/**
 * A message with its `{param}`s filled in; `{n|one|other}` picks a word by whether `n` is 1
 * (English plurals: "1 item", "2 items"; Chinese needs none).
 */
export function tf(lang: Lang, key: MessageKey, params: Record<string, string | number>): string {
  return t(lang, key)
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, k: string, one: string, other: string) =>
      k in params ? (Number(params[k]) === 1 ? one : other) : m,
    )
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A zh/en label pair in the current language. */
export function label(lang: Lang, l: { zh: string; en: string }): string {
  return l[lang];
}

/** MapLibre's own UI strings (control tooltips and labels), by its string ids. */
export function mapUiStrings(lang: Lang): Record<string, string> {
  return lang === 'zh'
    ? {
        'NavigationControl.ZoomIn': '放大',
        'NavigationControl.ZoomOut': '缩小',
        'NavigationControl.ResetBearing': '重置方向',
        'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
        'AttributionControl.MapFeedback': '地图反馈',
        'ScaleControl.Meters': '米',
        'ScaleControl.Kilometers': '公里',
      }
    : {
        'NavigationControl.ZoomIn': 'Zoom in',
        'NavigationControl.ZoomOut': 'Zoom out',
        'NavigationControl.ResetBearing': 'Reset bearing to north',
        'AttributionControl.ToggleAttribution': 'Show or hide the data sources',
        'AttributionControl.MapFeedback': 'Map feedback',
        'ScaleControl.Meters': 'm',
        'ScaleControl.Kilometers': 'km',
      };
}
