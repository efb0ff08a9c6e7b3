/**
 * The automatic finder of candidate place mentions, so that no place of the report goes unnoticed:
 * every candidate must be claimed by an item or dismissed with a reason (see ledger.ts).
 *
 * Three rules, merged:
 * - `suffix:X` — a name ending in a place suffix (路, 小区, 地块, 公园…). The name is the run of
 *   CJK letters, ASCII letters and digits before the suffix (at most NAME_MAX_CHARS, at least
 *   NAME_MIN_CHARS), cut after the last verb or function word in it ("完成徐州街" → 徐州街,
 *   "实施白日小区" → 白日小区). Recall matters more than precision here: a false candidate costs the
 *   curator one dismissal, a missed one costs a place.
 * - `gazetteer:landmark` / `gazetteer:admin` — exact names from the shared geodata (landmarks,
 *   subdistricts, communities; 村委会 also as 村: 百股村委会 → 百股村).
 * - `area` — proper area names the suffixes cannot see (铁北, 一区三园, 金廊, 银带, 双凌, 松凌, 滨海新区);
 *   `name` — the few names the suffix rule cuts wrongly (PROPER_NAMES).
 * Identical spans merge (rules joined with "+"); a candidate lying strictly inside another is dropped,
 * so "广州街跨小凌河特大桥" is one candidate, not also 广州街 and 小凌河.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../gazetteer.ts';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  rule: string;
}

/** Place suffixes; matched longest first at each position. */
export const PLACE_SUFFIXES: readonly string[] = [
  '产业园', '示范区', '幼儿园', '棚户区', '物流园', '开发区', '功能区', '新城', '新区', '片区', '区域',
  '大街', '小区', '地块', '学校', '小学', '中学', '大学', '大厦', '市场', '公园', '广场', '基地',
  '中心', '遗址', '夜市', '街道', '社区', '大桥', '驾校', '医院', '电厂', '纪念馆', '文创园',
  '路', '街', '里', '园', '村', '河', '桥', '山', '站', '馆', '湖', '寺', '塔', '港',
].sort((a, b) => b.length - a.length);

/** Proper area names of the report that carry no place suffix. */
export const AREA_NAMES: readonly string[] = ['铁北', '一区三园', '金廊', '银带', '双凌', '松凌', '滨海新区'];

/**
 * Names of the report that the suffix rule cuts wrongly because they contain a breaker (和):
 * listed so they are candidates whole (rule `name`).
 */
export const PROPER_NAMES: readonly string[] = ['民和里', '热电厂A和C地块'];

export const NAME_MIN_CHARS = 2;
export const NAME_MAX_CHARS = 10;

/**
 * Words that cannot be inside a place name here: verbs and function words of the report. The name
 * before a suffix starts after the last of them. Kept short and literal on purpose.
 */
export const NAME_BREAKERS: readonly string[] = [
  // function words, classifiers, time
  '的', '在', '和', '与', '及', '等', '为', '对', '把', '将', '向', '于', '从', '以', '了', '是', '由', '到', '至',
  '并', '或', '个', '所', '年', '小时', '条', '户', '座', '处', '期', '项', '全区', '全市', '平方米', '一批',
  // verbs that precede objects in this text
  '完成', '建成', '推进', '实施', '启动', '改造', '建设', '打造', '加快', '开工', '新建', '提升', '规范',
  '推动', '打通', '开展', '围绕', '依托', '支持', '引进', '建立', '整治', '治理', '修缮', '谋划', '规划',
  '争取', '落实', '启用', '开发', '投入', '竣工', '通车', '成为', '实现', '形成', '完善', '保护', '利用',
  '结合', '盘活', '招引', '发展', '促进', '加强', '深化', '坚持', '拆除', '清理', '铺设', '扩建', '对接',
  '聚焦', '突出', '做好', '抓好', '谋求', '吸引', '申请', '维修', '运营', '入驻', '落户', '包括', '位于',
  '以及', '取得', '相继', '全面', '积极', '重点', '着力', '加大', '依法', '有序', '适时', '计划', '筹建',
  '解决', '带动', '辐射', '连接', '贯通', '畅通', '构建', '创建', '培育', '壮大', '引导', '鼓励', '服务',
  '处置', '处理', '妥善', '学习', '理顺', '巩固', '设立', '举办', '策划', '化解', '大力', '扶持', '融入',
  '探索', '深入', '挖掘', '抢抓', '努力', '整改',
];

/**
 * Where a suffix is not a place ending: what may not come right before or after it. 凌河 alone is
 * the district itself (the whole map, named in every slogan) but 小凌河 is a river; 公里 is a
 * kilometre; 园区, 中心城市, 港口城市, 市场主体 are common nouns.
 */
export const SUFFIX_EXCEPTIONS: Readonly<Record<string, { before?: RegExp; after?: RegExp }>> = {
  河: { before: /(?<!小)凌$/ },
  里: { before: /公$/ },
  园: { after: /^区/ },
  中心: { after: /^城/ },
  港: { after: /^口/ },
  市场: { after: /^(主体|化|活力|引导|需求)/ },
};

const NAME_CHAR = /[\u3400-\u9fffA-Za-z0-9·]/;

/** Candidates from the suffix rule. */
export function findSuffixCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    const suffix = PLACE_SUFFIXES.find((s) => text.startsWith(s, i));
    if (!suffix) continue;
    const exception = SUFFIX_EXCEPTIONS[suffix];
    if (exception?.before?.test(text.slice(Math.max(0, i - 4), i))) continue;
    if (exception?.after?.test(text.slice(i + suffix.length, i + suffix.length + 4))) continue;
    let from = i;
    // Look further back than a name can be long, so the breakers can cut at a word boundary.
    while (from > 0 && i - from < 2 * NAME_MAX_CHARS && NAME_CHAR.test(text[from - 1])) from--;
    let run = text.slice(from, i);
    // Cut after the breaker that ends last ("处置热电厂" cuts after 处置, not after 处).
    const cut = Math.max(0, ...NAME_BREAKERS.map((w) => { const at = run.lastIndexOf(w); return at === -1 ? 0 : at + w.length; }));
    from += cut;
    run = run.slice(cut);
    if (run.length > NAME_MAX_CHARS) {
      from += run.length - NAME_MAX_CHARS;
      run = run.slice(run.length - NAME_MAX_CHARS);
    }
    if (run.length >= NAME_MIN_CHARS) {
      const end = i + suffix.length;
      found.push({ start: from, end, text: text.slice(from, end), rule: `suffix:${suffix}` });
    }
    // A suffix is one word: 公园 is not also read as 园.
    i += suffix.length - 1;
  }
  return found;
}

/** Candidates for exact occurrences of `names`, each with `rule`. */
export function findNameCandidates(text: string, names: Iterable<string>, rule: string): Candidate[] {
  const found: Candidate[] = [];
  for (const name of new Set(names)) {
    if (name.length < NAME_MIN_CHARS) continue;
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      found.push({ start: i, end: i + name.length, text: name, rule });
    }
  }
  return found;
}

const isKnown = (c: Candidate) => !c.rule.startsWith('suffix:');

/**
 * Known names (gazetteer, areas) bound the guesses of the suffix rule: a suffix candidate that
 * ends like a known name but starts earlier is trimmed to it ("长城国家文化公园明长城紫荆山烽火台遗址"
 * → 明长城紫荆山烽火台遗址), and one that ends inside a known name is dropped.
 */
function boundByKnownNames(all: readonly Candidate[]): Candidate[] {
  const known = all.filter(isKnown);
  return all.flatMap((c) => {
    if (isKnown(c)) return [c];
    const sameEnd = known.find((k) => k.end === c.end && k.start > c.start);
    if (sameEnd) return [{ ...c, start: sameEnd.start, text: sameEnd.text }];
    if (known.some((k) => k.start > c.start && k.start < c.end && c.end < k.end)) return [];
    return [c];
  });
}

/** Merge identical spans, drop candidates strictly inside another, sort by offset. */
export function mergeCandidates(all: readonly Candidate[]): Candidate[] {
  const bySpan = new Map<string, Candidate>();
  for (const c of boundByKnownNames(all)) {
    const key = `${c.start}:${c.end}`;
    const seen = bySpan.get(key);
    if (!seen) bySpan.set(key, { ...c });
    else if (!seen.rule.split('+').includes(c.rule)) seen.rule = `${seen.rule}+${c.rule}`;
  }
  const spans = [...bySpan.values()];
  return spans
    .filter((c) => !spans.some((o) => o !== c && o.start <= c.start && c.end <= o.end))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface GazetteerNames {
  landmarks: string[];
  admin: string[];
}

/** One column of a CSV file, parsed by the gazetteer's RFC 4180 parser. */
function csvColumn(path: string, column: string): string[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  if (rows.length && !(column in rows[0])) throw new Error(`${path}: no column "${column}"`);
  return rows.map((r) => r[column] ?? '');
}

/**
 * Names from the shared geodata. Landmark names lose their parenthesised and "-" qualifiers
 * ("凌河公园-观景台" → 凌河公园); names that are not Chinese place names (a romanised hotel) are
 * dropped by requiring a CJK first character.
 */
export function loadGazetteerNames(geodataDir: string): GazetteerNames {
  const clean = (n: string) => n.replace(/[(（].*$/, '').replace(/-.*$/, '').trim();
  const cjk = (n: string) => /^[\u3400-\u9fff]/.test(n) && n.length >= NAME_MIN_CHARS;
  const landmarks = csvColumn(join(geodataDir, 'landmarks.csv'), 'name').map(clean).filter(cjk);
  const admin = csvColumn(join(geodataDir, 'admin-units.csv'), 'name')
    .flatMap((n) => (n.endsWith('村委会') ? [n, n.replace(/委会$/, '')] : [n]))
    .filter(cjk);
  return { landmarks: [...new Set(landmarks)], admin: [...new Set(admin)] };
}

/** All candidates of the text. */
export function findCandidates(text: string, names: GazetteerNames = { landmarks: [], admin: [] }): Candidate[] {
  return mergeCandidates([
    ...findSuffixCandidates(text),
    ...findNameCandidates(text, names.landmarks, 'gazetteer:landmark'),
    ...findNameCandidates(text, names.admin, 'gazetteer:admin'),
    ...findNameCandidates(text, AREA_NAMES, 'area'),
    ...findNameCandidates(text, PROPER_NAMES, 'name'),
  ]);
}
