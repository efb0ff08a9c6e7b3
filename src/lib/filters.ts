/**
 * What "matches the filters" means, written once for the list and once for the map, over the same
 * flat record — and tested to agree on every item (filters.test.ts).
 *
 * Each item becomes a `FilterRecord`: flat strings only, because MapLibre stringifies nested
 * GeoJSON properties on their way to the worker, and an expression over a string is what keeps a
 * filter change a `setFilter` (fast at 100k features) instead of a rebuilt source.
 *
 * Years, precisely:
 * - an item is shown for year Y when one of its mentions covers Y (Y ∈ mention.years);
 * - the status shown for Y is that of the LATEST mention at or before Y: among mentions whose first
 *   year ≤ Y, the one with the greatest first year; on a tie, the one later in the report (the 2022
 *   plan speaks after the five-year goals, and more concretely);
 * - with no year chosen ("all years") an item shows the status of its latest mention overall.
 */
import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { NEIGHBOURHOODS } from './taxonomy';
import { YEAR_MAX, YEAR_MIN, type Category, type ItemFeature, type Mention, type Precision, type Status } from './schema';

export const YEARS: readonly number[] = Array.from({ length: YEAR_MAX - YEAR_MIN + 1 }, (_, i) => YEAR_MIN + i);

export interface FilterState {
  /** null = all years */
  year: number | null;
  categories: readonly Category[];
  statuses: readonly Status[];
  hoods: readonly string[];
  /** Location precisions (the map's area tray sets this: "全区 73" = precision district). */
  precisions: readonly Precision[];
  /** Free text as typed; normalised by `normaliseQuery`. */
  q: string;
}

export const DEFAULT_FILTERS: FilterState = { year: null, categories: [], statuses: [], hoods: [], precisions: [], q: '' };

/** Status of the item at a year, or '' when no mention covers that year. */
type YearStatus = Status | '';

/** A record as the map's features carry it: everything the expression reads, without the search text. */
export type MapRecord = Omit<FilterRecord, 'search'>;

export function mapRecord({ search: _search, ...rest }: FilterRecord): MapRecord {
  return rest;
}

export interface FilterRecord {
  id: string;
  category: Category;
  precision: string;
  /** Status of the latest mention overall (the "all years" view). */
  st: Status;
  /** `|id|id|`, so that `|id|` is a substring test that cannot match a longer id. */
  hoods: string;
  /** Lower-case names (zh, en, pinyin full and initials, id), `|`-separated. */
  search: string;
  /** st2018 … st2026 */
  [yearKey: `st${number}`]: YearStatus;
}

/** The property holding the status shown for `year` (null = all years). */
export function statusKey(year: number | null): 'st' | `st${number}` {
  return year === null ? 'st' : `st${year}`;
}

function firstYear(m: Mention): number {
  return Math.min(...m.years);
}

/** The mention that decides the status at `year` (see the header), or undefined if none is at or before it. */
export function latestMentionAt(mentions: readonly Mention[], year: number | null): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    const y = firstYear(m);
    if (year !== null && y > year) continue;
    if (!best || y > firstYear(best) || (y === firstYear(best) && m.start > best.start)) best = m;
  }
  return best;
}

/** Status shown for `year`, or '' when the item is not shown for that year. */
export function statusAt(mentions: readonly Mention[], year: number | null): YearStatus {
  if (year !== null && !mentions.some((m) => m.years.includes(year))) return '';
  return latestMentionAt(mentions, year)?.status ?? '';
}

/** Lower-case, spaces collapsed: what both the predicate and the map expression search for. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The text a query is searched in. `pinyin` gives full pinyin and initials of a Chinese name. */
export function searchText(item: ItemFeature, pinyin?: (zh: string) => { full: string; initials: string }): string {
  const p = item.properties;
  const parts = [p.name, p.name_en, item.id];
  // Its neighbourhoods' names too, so that 铁北 finds every item of the 铁北 chip, not only 铁北新城.
  const hoods = p.neighbourhoods.map((id) => NEIGHBOURHOODS.find((n) => n.id === id)?.label).filter((l) => !!l);
  for (const l of hoods) parts.push(l.zh, l.en);
  if (pinyin) {
    for (const zh of [p.name, ...hoods.map((l) => l.zh)]) {
      const { full, initials } = pinyin(zh);
      // Spaced and unspaced so that "song po lu" and "songpolu" both match.
      parts.push(full, full.replace(/ /g, ''), initials);
    }
  }
  return parts.join('|').toLowerCase();
}

/** Community codes the item's location evidence cites (`community:<code>`). */
export function communitiesOf(item: ItemFeature): string[] {
  const out: string[] = [];
  for (const e of item.properties.location.evidence) {
    const m = /^community:(\d{12})$/.exec(e.source);
    if (m && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

export function toRecord(item: ItemFeature, search = searchText(item)): FilterRecord {
  const p = item.properties;
  const record = {
    id: item.id,
    category: p.category,
    precision: p.location.precision,
    st: statusAt(p.mentions, null) as Status,
    // Communities named by the evidence are a second level under the subdistricts.
    hoods: `|${[...p.neighbourhoods, ...communitiesOf(item)].join('|')}|`,
    search,
  } as FilterRecord;
  for (const y of YEARS) record[`st${y}`] = statusAt(p.mentions, y);
  return record;
}

// ---------------------------------------------------------------- the list predicate

export type Facet = 'year' | 'category' | 'status' | 'hood' | 'precision' | 'q';

function passYear(r: FilterRecord, f: FilterState): boolean {
  return r[statusKey(f.year)] !== '';
}
function passStatus(r: FilterRecord, f: FilterState): boolean {
  return f.statuses.length === 0 || f.statuses.includes(r[statusKey(f.year)] as Status);
}
function passCategory(r: FilterRecord, f: FilterState): boolean {
  return f.categories.length === 0 || f.categories.includes(r.category);
}
function passHood(r: FilterRecord, f: FilterState): boolean {
  return f.hoods.length === 0 || f.hoods.some((h) => r.hoods.includes(`|${h}|`));
}
function passPrecision(r: FilterRecord, f: FilterState): boolean {
  return f.precisions.length === 0 || (f.precisions as readonly string[]).includes(r.precision);
}
function passQuery(r: FilterRecord, f: FilterState): boolean {
  const q = normaliseQuery(f.q);
  return q === '' || r.search.includes(q) || r.search.includes(q.replace(/ /g, ''));
}

const PASSES: Record<Facet, (r: FilterRecord, f: FilterState) => boolean> = {
  year: passYear,
  category: passCategory,
  status: passStatus,
  hood: passHood,
  precision: passPrecision,
  q: passQuery,
};

/** Whether an item matches every filter; `except` leaves one facet out (for option counts). */
export function matches(r: FilterRecord, f: FilterState, except?: Facet): boolean {
  for (const facet in PASSES) {
    if (facet !== except && !PASSES[facet as Facet](r, f)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- the map filter expression

/**
 * The same predicate as a MapLibre filter expression over the record's properties.
 * Text search is the exception: the map's features do not carry the search text (pinyin for 100k
 * names arrives after the map is drawn, and re-sending every feature to MapLibre's worker for it
 * cost seconds), so the query filters the map by the ids the same predicate selects from `records`.
 */
export function filterExpression(f: FilterState, records: readonly FilterRecord[]): FilterSpecification {
  const key = statusKey(f.year);
  const all: ExpressionSpecification[] = [['!=', ['get', key], '']];
  if (f.statuses.length) all.push(['in', ['get', key], ['literal', [...f.statuses]]]);
  if (f.categories.length) all.push(['in', ['get', 'category'], ['literal', [...f.categories]]]);
  if (f.hoods.length) all.push(['any', ...f.hoods.map((h): ExpressionSpecification => ['in', `|${h}|`, ['get', 'hoods']])]);
  if (f.precisions.length) all.push(['in', ['get', 'precision'], ['literal', [...f.precisions]]]);
  if (normaliseQuery(f.q)) {
    const ids = records.filter((r) => passQuery(r, f)).map((r) => r.id);
    // `match` looks its labels up in a table, so a long id list stays cheap per feature.
    all.push(ids.length ? (['match', ['get', 'id'], ids, true, false] as ExpressionSpecification) : ['==', 1, 0]);
  }
  return ['all', ...all];
}

// ---------------------------------------------------------------- option counts

export interface FacetCounts {
  /** Items per year (key = year), and for "all years" under key 0. */
  year: Map<number, number>;
  category: Map<string, number>;
  status: Map<string, number>;
  hood: Map<string, number>;
}

function bump(map: Map<string | number, number>, key: string | number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** For each option of each facet, how many items would match if it were chosen, given the other filters. */
export function facetCounts(records: readonly FilterRecord[], f: FilterState): FacetCounts {
  const counts: FacetCounts = { year: new Map(), category: new Map(), status: new Map(), hood: new Map() };
  for (const r of records) {
    if (matches(r, f, 'category')) bump(counts.category, r.category);
    if (matches(r, f, 'status')) {
      const s = r[statusKey(f.year)];
      if (s) bump(counts.status, s);
    }
    if (matches(r, f, 'hood')) {
      for (const h of r.hoods.split('|')) if (h) bump(counts.hood, h);
    }
    // A year option changes which status is checked, so each year is tested on its own.
    if (passCategory(r, f) && passHood(r, f) && passPrecision(r, f) && passQuery(r, f)) {
      for (const y of [null, ...YEARS]) {
        const s = r[statusKey(y)];
        if (s !== '' && (f.statuses.length === 0 || f.statuses.includes(s))) bump(counts.year, y ?? 0);
      }
    }
  }
  return counts;
}

export function isDefault(f: FilterState): boolean {
  return f.year === null && !f.categories.length && !f.statuses.length && !f.hoods.length && !f.precisions.length && normaliseQuery(f.q) === '';
}
