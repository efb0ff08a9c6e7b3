/**
 * Labels (zh/en) of the vocabularies in schema.ts, and the neighbourhoods an item can belong to.
 * Shared by the pipeline (validation: every neighbourhood id must be listed here) and the app
 * (filters, legend, detail).
 */
import type { Category, Precision, Status } from './schema';

export interface Label {
  zh: string;
  en: string;
}

export const CATEGORY_LABELS: Record<Category, Label> = {
  industrial_park: { zh: '产业园区', en: 'Industrial parks & zones' },
  enterprise: { zh: '企业项目', en: 'Enterprise sites' },
  real_estate: { zh: '地产与地块', en: 'Real estate & land plots' },
  renewal: { zh: '老旧小区与棚改', en: 'Neighbourhood renewal' },
  road_bridge: { zh: '道路桥梁', en: 'Roads & bridges' },
  area_plan: { zh: '片区规划', en: 'Area plans' },
  education: { zh: '教育', en: 'Education' },
  park_ecology: { zh: '公园与生态', en: 'Parks & ecology' },
  culture_tourism: { zh: '文化旅游', en: 'Culture & tourism' },
  commerce: { zh: '商贸市场', en: 'Commerce & markets' },
  public_facility: { zh: '公共设施', en: 'Public facilities' },
  rural: { zh: '乡村', en: 'Villages' },
};

export const STATUS_LABELS: Record<Status, Label> = {
  completed: { zh: '已完成', en: 'Completed' },
  under_way: { zh: '推进中', en: 'Under way' },
  planned: { zh: '计划', en: 'Planned' },
};

export const PRECISION_LABELS: Record<Precision, Label> = {
  exact: { zh: '精确', en: 'Exact' },
  near: { zh: '附近', en: 'Near' },
  street: { zh: '沿街', en: 'Along a street' },
  area: { zh: '片区', en: 'Area' },
  subdistrict: { zh: '街道级', en: 'Subdistrict only' },
  district: { zh: '全区/未知', en: 'District-wide / unknown' },
  outside: { zh: '区外', en: 'Outside Linghe' },
};

export interface Neighbourhood {
  id: string;
  kind: 'subdistrict' | 'area';
  label: Label;
}

/** The six subdistricts (national division codes, 2023) and the farm company, then named areas. */
export const NEIGHBOURHOODS: readonly Neighbourhood[] = [
  { id: '210703002', kind: 'subdistrict', label: { zh: '石桥子街道', en: 'Shiqiaozi Subdistrict' } },
  { id: '210703003', kind: 'subdistrict', label: { zh: '龙江街道', en: 'Longjiang Subdistrict' } },
  { id: '210703004', kind: 'subdistrict', label: { zh: '榴花街道', en: 'Liuhua Subdistrict' } },
  { id: '210703008', kind: 'subdistrict', label: { zh: '康宁街道', en: 'Kangning Subdistrict' } },
  { id: '210703009', kind: 'subdistrict', label: { zh: '锦铁街道', en: 'Jintie Subdistrict' } },
  { id: '210703011', kind: 'subdistrict', label: { zh: '紫荆街道', en: 'Zijing Subdistrict' } },
  { id: '210703403', kind: 'subdistrict', label: { zh: '锦州北山农工商总公司', en: 'Beishan Agri-Industrial Co.' } },
  { id: 'tiebei', kind: 'area', label: { zh: '铁北', en: 'Tiebei (north of the railway)' } },
  { id: 'yiqu-sanyuan', kind: 'area', label: { zh: '一区三园', en: 'One Zone, Three Parks' } },
  { id: 'jinlang-yindai', kind: 'area', label: { zh: '金廊银带', en: 'Golden Corridor & Silver Belt' } },
  { id: 'binhe', kind: 'area', label: { zh: '滨河（小凌河/百股河）', en: 'Riverside (Xiaoling & Baigu rivers)' } },
];

export const NEIGHBOURHOOD_IDS: ReadonlySet<string> = new Set(NEIGHBOURHOODS.map((n) => n.id));

/**
 * A community (社区/村) code: its subdistrict's nine digits and three of its own, as in the national
 * division codes the admin units (geo/sources/admin-units.csv) come from.
 */
export function isCommunityCode(v: string): boolean {
  return /^\d{12}$/.test(v) && NEIGHBOURHOODS.some((n) => n.kind === 'subdistrict' && v.startsWith(n.id));
}

/** A value the neighbourhood filter accepts: a listed neighbourhood, or a community as a second level. */
export function isNeighbourhoodId(v: string): v is string {
  return NEIGHBOURHOOD_IDS.has(v) || isCommunityCode(v);
}

/** The subdistrict a community code belongs to (its first nine digits). */
export function subdistrictOf(community: string): string {
  return community.slice(0, 9);
}

/**
 * Category colours on the map and in the legend: twelve hues distinct enough on the paper-coloured
 * basemap, all dark enough (≥ 3:1 against #fbfaf6) to read as thin lines and rings.
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  industrial_park: '#6a3d9a',
  enterprise: '#8a5a00',
  real_estate: '#b15928',
  renewal: '#d3382f',
  road_bridge: '#1f5fbf',
  area_plan: '#c2185b',
  education: '#00838f',
  park_ecology: '#2e7d32',
  culture_tourism: '#ad6800',
  commerce: '#5d4037',
  public_facility: '#455a64',
  rural: '#7c8a00',
};

/** How a location was found (the method ids of geo/locate and geo/geocode), for people. */
export const METHOD_LABELS: Record<string, Label> = {
  'cited-place': { zh: '引用地点本身', en: 'The cited place itself' },
  'crossing-offset': { zh: '由路口方位推算', en: 'From a stated offset to a crossing' },
  'street-points': { zh: '沿街引用点连线', en: 'Line through cited points on the street' },
  'north-of-line': { zh: '线以北片区', en: 'Area north of a line' },
  'community-name': { zh: '社区名称匹配', en: 'Community name match' },
  subdistrict: { zh: '所属街道', en: 'Subdistrict named by evidence' },
  district: { zh: '仅知在凌河区', en: 'Known only to be in Linghe' },
  outside: { zh: '区外', en: 'Outside Linghe' },
  contributed: { zh: '居民贡献，已审核', en: 'Contributed, reviewed' },
  'geocoder:nominatim': { zh: '在线地理编码（Nominatim）', en: 'Online geocoder (Nominatim)' },
  'geocoder:amap': { zh: '在线地理编码（高德）', en: 'Online geocoder (AMap)' },
};

/** A method's label, or the id itself for a method this table does not know yet. */
export function methodLabel(method: string): Label {
  return METHOD_LABELS[method] ?? { zh: method, en: method };
}

/**
 * A source coordinate system as the gazetteer records it, for people: the plain codes as they are,
 * the qualified ones (an assumed or unstated CRS) explained in the UI's language.
 */
export function crsLabel(srcCrs: string, lang: 'zh' | 'en'): string {
  if (srcCrs.startsWith('BD-09 (assumed'))
    return lang === 'zh' ? 'BD-09（推定：只有按此坐标系，凌河区的高校才落在区内）' : srcCrs;
  if (srcCrs.startsWith('unknown (WGS-84 or GCJ-02)'))
    return lang === 'zh' ? '未说明（WGS-84 或 GCJ-02），误差约 ±500 米' : 'unstated (WGS-84 or GCJ-02), about ±500 m';
  if (srcCrs.startsWith('GCJ-02 (infobox says source:Gaode)'))
    return lang === 'zh' ? 'GCJ-02（信息框注明来源为高德）' : srcCrs;
  if (srcCrs === 'none') return lang === 'zh' ? '无坐标' : 'no coordinates';
  return srcCrs;
}
