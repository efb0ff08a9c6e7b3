/**
 * One search over everything a reader may type: items, neighbourhoods (and the communities inside
 * subdistricts), places (gazetteer points and the basemap's labels) and the report's text. Pure:
 * the index is built from the loaded data, a query returns suggestions grouped by kind.
 * Names are matched in Chinese, full pinyin (spaced or not), pinyin initials and English.
 */
import { normaliseQuery } from './filters';
import { englishName } from './placeNames';
import type { Label } from './taxonomy';

export type PinyinOf = (zh: string) => { full: string; initials: string };

export const GROUPS = ['item', 'hood', 'place'] as const;
export type Group = (typeof GROUPS)[number];

export interface SearchEntry {
  group: Group;
  /** Unique within the index: `item:…`, `hood:…`, `community:…`, `place:…`. */
  key: string;
  zh: string;
  en: string | null;
  /** Lower-case match text, `|`-separated; the first part is the primary name. */
  keys: string;
  /** Extra match text that ranks lower (an item's neighbourhoods). */
  weak: string;
  /** What choosing it does: select an item, filter a neighbourhood, or show a point. */
  item?: string;
  hood?: string;
  /** WGS-84 [lng, lat] */
  at?: [number, number];
  /** A community belongs to this neighbourhood (its subdistrict). */
  within?: string;
}

function nameKeys(names: readonly (string | null | undefined)[], pinyinOf?: PinyinOf): string {
  const parts: string[] = [];
  for (const n of names) if (n) parts.push(n);
  if (pinyinOf && names[0]) {
    const { full, initials } = pinyinOf(names[0]);
    parts.push(full, full.replace(/ /g, ''), initials);
  }
  return parts.join('|').toLowerCase();
}

export interface IndexSources {
  items: readonly { id: string; properties: { name: string; name_en: string; neighbourhoods: readonly string[] } }[];
  hoods: readonly { id: string; label: Label }[];
  /** Gazetteer entries: points with coordinates become places, `community` entries communities. */
  gazetteer: Iterable<{ id: string; name: string; kind: string; coordinates: [number, number] | null }>;
  /** The basemap's labelled points (landmarks, colleges, stations). */
  context: readonly { properties: { id: string; name: string }; geometry: { coordinates: [number, number] } }[];
}

/** A community's gazetteer id carries its 12-digit division code; the first nine are its subdistrict's. */
export function communityParent(id: string): string | null {
  const m = /^community:(\d{9})\d{3}$/.exec(id);
  return m ? m[1] : null;
}

export function buildIndex(src: IndexSources, pinyinOf?: PinyinOf): SearchEntry[] {
  const out: SearchEntry[] = [];
  const hoodName = new Map(src.hoods.map((h) => [h.id, h.label]));
  for (const f of src.items) {
    const p = f.properties;
    const weak = p.neighbourhoods.map((h) => hoodName.get(h)).filter((l): l is Label => !!l);
    out.push({
      group: 'item',
      key: `item:${f.id}`,
      zh: p.name,
      en: p.name_en,
      keys: nameKeys([p.name, p.name_en, f.id], pinyinOf),
      weak: weak.map((l) => nameKeys([l.zh, l.en], pinyinOf)).join('|'),
      item: f.id,
    });
  }
  for (const h of src.hoods) {
    out.push({ group: 'hood', key: `hood:${h.id}`, zh: h.label.zh, en: h.label.en, keys: nameKeys([h.label.zh, h.label.en], pinyinOf), weak: '', hood: h.id });
  }
  // Places: the basemap's labels first (what the reader sees on the map), then gazetteer points
  // of other names; one entry per name.
  const seen = new Set<string>();
  // A place's English name is the one the basemap shows in English (placeNames.ts), once pinyin is in.
  const known = new Map(src.items.map((f) => [f.properties.name, f.properties.name_en]));
  const place = (name: string, at: [number, number]) => {
    if (seen.has(name)) return;
    seen.add(name);
    const en = pinyinOf ? englishName(name, pinyinOf, known) : null;
    out.push({ group: 'place', key: `place:${name}`, zh: name, en, keys: nameKeys([name, en], pinyinOf), weak: '', at });
  };
  for (const c of src.context) place(c.properties.name, c.geometry.coordinates);
  for (const g of src.gazetteer) {
    if (g.kind === 'community') {
      const parent = communityParent(g.id);
      if (!parent || !hoodName.has(parent)) continue;
      out.push({ group: 'hood', key: g.id, zh: g.name, en: null, keys: nameKeys([g.name], pinyinOf), weak: '', hood: parent, within: parent });
    } else if (g.coordinates && g.kind !== 'boundary') {
      place(g.name, g.coordinates);
    }
  }
  return out;
}

/** Lower is better; null = no match. Name prefix < name substring < weak (neighbourhood) match. */
export function score(e: SearchEntry, q: string): number | null {
  const bare = q.replace(/ /g, '');
  const parts = e.keys.split('|');
  let best: number | null = null;
  for (const part of parts) {
    const s = part.startsWith(q) || part.startsWith(bare) ? 0 : part.includes(q) || part.includes(bare) ? 1 : null;
    if (s !== null && (best === null || s < best)) best = s;
  }
  if (best === null && e.weak && (e.weak.includes(q) || e.weak.includes(bare))) best = 2;
  return best;
}

export interface Suggestions {
  groups: { group: Group; entries: SearchEntry[]; total: number }[];
  /** Matches over all groups. */
  total: number;
}

/** Suggestions per group, best first (score, then shorter name), at most `perGroup` each. */
export function suggest(index: readonly SearchEntry[], query: string, perGroup = 6): Suggestions {
  const q = normaliseQuery(query);
  if (!q) return { groups: [], total: 0 };
  const hits = new Map<Group, { e: SearchEntry; s: number }[]>();
  for (const e of index) {
    const s = score(e, q);
    if (s === null) continue;
    const list = hits.get(e.group) ?? [];
    list.push({ e, s });
    hits.set(e.group, list);
  }
  const groups = GROUPS.filter((g) => hits.has(g)).map((group) => {
    const list = hits.get(group)!;
    list.sort((a, b) => a.s - b.s || a.e.zh.length - b.e.zh.length);
    return { group, entries: list.slice(0, perGroup).map((h) => h.e), total: list.length };
  });
  return { groups, total: groups.reduce((n, g) => n + g.total, 0) };
}

/** Offsets of the query in the report text (case-insensitive), at most `max`. */
export function reportHits(text: string, query: string, max = 500): number[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hay = text.toLowerCase();
  const out: number[] = [];
  for (let at = hay.indexOf(q); at >= 0 && out.length < max; at = hay.indexOf(q, at + q.length)) out.push(at);
  return out;
}

/**
 * The neighbouring district a query names ("古塔区", "古塔", "taihe"…), from the basemap's
 * boundaries, or null. A district's name without its 区/县/市 suffix counts when it has two or
 * more characters, so 古塔 names 古塔区.
 */
export function outsideDistrict(
  query: string,
  districts: readonly { name: string; is_linghe: boolean }[],
  pinyinOf?: PinyinOf,
): string | null {
  const q = normaliseQuery(query);
  if (!q) return null;
  for (const d of districts) {
    if (d.is_linghe) continue;
    const stem = d.name.replace(/[区县市]$/, '');
    if (stem.length < 2) continue;
    if (q.includes(stem.toLowerCase())) return d.name;
    if (pinyinOf) {
      const full = pinyinOf(stem).full.replace(/ /g, '');
      if (q.replace(/ /g, '').startsWith(full)) return d.name;
    }
  }
  return null;
}
