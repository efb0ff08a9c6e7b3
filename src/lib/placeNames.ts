/**
 * English names for the basemap's reference places and districts, which the data gives in Chinese
 * only: an English name where the data has one (an item of the same name carries our translation),
 * else the Hanyu Pinyin of the proper name with its generic part translated (锦州北站 → Jinzhou North
 * Station, 古塔区 → Guta District). Pure; pinyin comes in as a function, as in search.ts.
 */
import type { PinyinOf } from './search';

/** Generic endings, longest first where one ends another (纪念馆 before 馆-less 园…). */
const GENERIC: readonly [string, string][] = [
  ['职业技术学院', 'Vocational and Technical College'],
  ['高等专科学校', 'College'],
  ['烈士纪念碑', "Martyrs' Monument"],
  ['烈士陵园', "Martyrs' Cemetery"],
  ['全景画馆', 'Panorama Hall'],
  ['主体陈列馆', 'Main Exhibition Hall'],
  ['文化广场', 'Culture Square'],
  ['遗址公园', 'Heritage Park'],
  ['水上公园', 'Water Park'],
  ['主题公园', 'Theme Park'],
  ['纪念馆', 'Memorial Hall'],
  ['纪念碑', 'Monument'],
  ['陈列馆', 'Exhibition Hall'],
  ['植物园', 'Botanical Garden'],
  ['动物园', 'Zoo'],
  ['烽火台', 'Beacon Tower'],
  ['配水池', 'Reservoir'],
  ['清真寺', 'Mosque'],
  ['基督教堂', 'Christian Church'],
  ['职业大学', 'Vocational University'],
  ['北校区', 'North Campus'],
  ['校区', 'Campus'],
  ['大学', 'University'],
  ['学院', 'College'],
  ['公园', 'Park'],
  ['北园', 'North Garden'],
  ['广场', 'Square'],
  ['遗址', 'Site'],
  ['禅寺', 'Temple'],
  ['土地庙', 'Earth God Temple'],
  ['小庙', 'Shrine'],
  ['庙', 'Temple'],
  ['寺', 'Temple'],
  ['塔', 'Pagoda'],
  ['北站', 'North Station'],
  ['站', 'Station'],
  ['区', 'District'],
  ['市', 'City'],
  ['县', 'County'],
  ['园', 'Garden'],
];

/**
 * A proper name in pinyin: short names as one word (石桥子 → Shiqiaozi), longer ones of an even
 * count in two-syllable words, as most Chinese words have two (辽沈战役 → Liaoshen Zhanyi); digits
 * stay a word of their own. No dictionary segments the words, so this is a reading aid, not a
 * standard romanisation.
 */
function properName(zh: string, pinyinOf: PinyinOf): string {
  const syllables = pinyinOf(zh).full.split(' ').filter(Boolean).map((x) => x.replace(/v/g, 'ü'));
  const words: string[] = [];
  let run: string[] = [];
  const flush = () => {
    // An odd count cannot be cut into pairs without cutting a word wrongly somewhere: then one word per syllable.
    const groups =
      run.length <= 3 ? [run] : run.length % 2 ? run.map((x) => [x]) : Array.from({ length: run.length / 2 }, (_, i) => run.slice(2 * i, 2 * i + 2));
    for (const g of groups) if (g.length) words.push(g.join(''));
    run = [];
  };
  for (const s of syllables) {
    if (/^[a-zü]+$/.test(s)) run.push(s);
    else {
      flush();
      words.push(s);
    }
  }
  flush();
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The English (or pinyin) name of a Chinese place name; `known` maps names to English ones the data has. */
export function englishName(zh: string, pinyinOf: PinyinOf, known?: ReadonlyMap<string, string>): string {
  return english(zh.trim(), pinyinOf, known, 1);
}

/**
 * `minStem`: how long what is left must be for an ending to count as generic. One character for the
 * whole name (义县 → Yi County), two inside it, so a proper name keeps its own last character
 * (古塔区 → Guta District, not "Gu Pagoda District").
 */
function english(name: string, pinyinOf: PinyinOf, known: ReadonlyMap<string, string> | undefined, minStem: number): string {
  const k = known?.get(name);
  if (k) return k;
  // 渤海大学(松山校区): the part in brackets too, kept in brackets
  const bracket = /^(.*?)[(（](.+)[)）]$/.exec(name);
  if (bracket) return `${english(bracket[1], pinyinOf, known, 1)} (${english(bracket[2], pinyinOf, known, 1)})`;
  for (const [suffix, en] of GENERIC) {
    if (name === suffix && minStem === 1) return en;
    if (name.endsWith(suffix) && name.length - suffix.length >= minStem) {
      return `${english(name.slice(0, -suffix.length), pinyinOf, known, 2)} ${en}`;
    }
  }
  return properName(name, pinyinOf);
}
