/**
 * The app's one state: data, filters, selection, hover, reader, language and viewport. Components
 * read it and call its methods; what follows from it (visible items, counts) is `$derived`. The
 * map and the URL are written from it by `$effect`s in App.svelte, at the edges, and nowhere else.
 */
import type { AtlasData } from './data';
import { FilterIndex, indices, inOrder, inverse } from './filterIndex';
import {
  DEFAULT_FILTERS,
  isDefault,
  searchText,
  toRecord,
  type FacetCounts,
  type FilterRecord,
  type FilterState,
} from './filters';
import type { Lang } from './i18n';
import { DEFAULT_BASEMAP, type BasemapId } from './map/basemaps';
import type { StreetFailure } from './map/streetBasemap';
import { Figures, type Figure, type Gazetteer, type GazetteerEntry, type ItemFeature, type Report } from './schema';
import { loadFile } from './data';
import { DEFAULT_RADIUS, type Pin, type UrlProblem, type UrlState, type View } from './url';
import { DEFAULT_SORT, sortRanks, type SortKey } from './sort';
import type { PinyinOf } from './search';

/** Items whose pinyin is computed per slice of work, so 100k items never freeze the page. */
const PINYIN_SLICE = 5000;

export class AtlasState {
  data: AtlasData | null = $state.raw(null);
  /** Arrives after the map is up (the largest file); null until then. */
  report: Report | null = $state.raw(null);
  gazetteer: ReadonlyMap<string, GazetteerEntry> = $state.raw(new Map());
  records: readonly FilterRecord[] = $state.raw([]);
  filters: FilterState = $state.raw(DEFAULT_FILTERS);
  sort: SortKey = $state(DEFAULT_SORT);
  /** The pinyin function, once its lazy chunk is in (search suggestions use it too). */
  pinyinOf: PinyinOf | null = $state.raw(null);
  selected: string | null = $state(null);
  hovered: string | null = $state(null);
  readerOpen = $state(false);
  /** The item being placed on the map (src/lib/components/PlacingPanel.svelte), if any. */
  placing: string | null = $state(null);
  /** `view=stats`: the statistics panel replaces the list. */
  stats = $state(false);
  /** `embed=1`: compact map-and-list for an iframe; fixed for the page's life. */
  embed = $state(false);
  /** Stated figures (figures.json), loaded on first need (export, statistics, print). */
  figures: Figures | null = $state.raw(null);
  #figuresLoad: Promise<Figures> | null = null;
  lang: Lang = $state('zh');
  view: View | null = $state.raw(null);
  basemap: BasemapId = $state(DEFAULT_BASEMAP);
  /** The street basemap that last failed and why; shown until dismissed or another is chosen. */
  basemapFailure: { basemap: BasemapId; failure: StreetFailure } | null = $state.raw(null);
  /** A place the user linked to, and the radius of its "near here" list (metres). */
  pin: Pin | null = $state.raw(null);
  radius: number = $state(DEFAULT_RADIUS);
  /** URL parts that were dropped, shown in a notice until dismissed. */
  problems: readonly UrlProblem[] = $state.raw([]);

  items: readonly ItemFeature[] = $derived(this.data?.items.features ?? []);
  index: ReadonlyMap<string, number> = $derived(new Map(this.items.map((f, i) => [f.id, i])));
  /** rank[i]: where items[i] stands in the chosen list order. */
  rank: Int32Array = $derived(sortRanks(this.items, this.sort));
  /** order[k]: the item at position k of that order (so the list is a walk, not a sort). */
  order: Int32Array = $derived(inverse(this.rank));
  /**
   * Bitsets per facet value, built once per dataset (filterIndex.ts): a filter change costs a few
   * ANDs and popcounts instead of the predicate over every record per count (~170 → ~10 ms at 100k).
   */
  filterIndex: FilterIndex = $state.raw(new FilterIndex([]));
  /** The matching items as a bitset (the map hides the others by it); reads `records` so new search text (pinyin) re-runs it. */
  matching: Uint32Array = $derived.by(() => (void this.records, this.filterIndex.matching(this.filters)));
  /** Indices (into `items`) of the items matching the filters, in the chosen list order. */
  visible: readonly number[] = $derived(inOrder(this.matching, this.order));
  visibleMapped: number = $derived(this.filterIndex.mappedCount(this.matching));
  counts: FacetCounts = $derived.by(() => (void this.records, this.filterIndex.counts(this.filters)));
  filtersActive: boolean = $derived(!isDefault(this.filters));
  /** Figures that belong to each item (a mention overlaps them). */
  figuresByItem: ReadonlyMap<string, readonly Figure[]> = $derived.by(() => {
    const out = new Map<string, Figure[]>();
    for (const f of this.figures?.figures ?? []) for (const id of f.items) out.set(id, [...(out.get(id) ?? []), f]);
    return out;
  });
  /** The visible items themselves, in list order. */
  visibleItems: readonly ItemFeature[] = $derived(this.visible.map((i) => this.items[i]));
  selectedItem: ItemFeature | null = $derived(this.selected !== null ? (this.items[this.index.get(this.selected) ?? -1] ?? null) : null);

  /** Indices of the items matching `f`, in report order. */
  visibleFor(f: FilterState): number[] {
    void this.records; // new search text re-runs a caller's $derived
    return indices(this.filterIndex.matching(f));
  }

  load(data: AtlasData): void {
    this.data = data;
    const records = data.items.features.map((f) => toRecord(f));
    this.filterIndex = new FilterIndex(records, (i) => data.items.features[i].geometry !== null);
    this.records = records;
  }

  /** figures.json, once; a failure rejects (the caller shows it) and the next call retries. */
  ensureFigures(): Promise<Figures> {
    if (this.figures) return Promise.resolve(this.figures);
    this.#figuresLoad ??= loadFile('figures.json', Figures).then(
      (f) => (this.figures = f),
      (e) => {
        this.#figuresLoad = null;
        throw e;
      },
    );
    return this.#figuresLoad;
  }

  setGazetteer(g: Gazetteer | null): void {
    this.gazetteer = new Map((g?.entries ?? []).map((e) => [e.id, e]));
  }

  /** Adds pinyin to the search text, in slices; resolves when every record has it. */
  async addPinyin(pinyinOf: PinyinOf): Promise<void> {
    const items = this.items;
    const search: string[] = [];
    for (let i = 0; i < items.length; i += PINYIN_SLICE) {
      for (const f of items.slice(i, i + PINYIN_SLICE)) search.push(searchText(f, pinyinOf));
      if (i + PINYIN_SLICE < items.length) await new Promise((r) => setTimeout(r, 0));
    }
    if (items !== this.items) return; // data changed meanwhile
    const records = this.records.map((r, i) => ({ ...r, search: search[i] }));
    this.filterIndex.setSearch(records);
    this.records = records;
    this.pinyinOf = pinyinOf;
  }

  setFilters(patch: Partial<FilterState>): void {
    this.filters = { ...this.filters, ...patch };
  }

  clearFilters(): void {
    this.filters = DEFAULT_FILTERS;
  }

  /** The URL-visible part of the state. */
  urlState(): UrlState {
    return { filters: this.filters, sort: this.sort, item: this.selected, reader: this.readerOpen, lang: this.lang, basemap: this.basemap, view: this.view, pin: this.pin, radius: this.radius, stats: this.stats, embed: this.embed };
  }

  /** Applies a parsed URL; an item id that names no item is dropped and reported. */
  applyUrl(s: UrlState, problems: readonly UrlProblem[]): void {
    const extra: UrlProblem[] = [];
    let item = s.item;
    if (item !== null && this.data && !this.index.has(item)) {
      extra.push({ param: 'item', value: item, reason: 'no_such_item' });
      item = null;
    }
    this.filters = s.filters;
    this.sort = s.sort;
    this.selected = item;
    this.readerOpen = s.reader;
    this.lang = s.lang;
    this.setBasemap(s.basemap);
    this.pin = s.pin;
    this.radius = s.radius;
    this.stats = s.stats ?? false;
    this.embed = s.embed ?? false;
    if (s.view) this.view = s.view;
    this.problems = [...problems, ...extra];
  }

  setBasemap(id: BasemapId): void {
    if (id !== this.basemap) this.basemapFailure = null;
    this.basemap = id;
  }

  /**
   * The map went back to the offline basemap: the state (and so the URL) follows, and says why.
   * The URL is corrected in place, not stepped: Back must not lead to the basemap that just failed.
   */
  basemapFailed(id: BasemapId, failure: StreetFailure): void {
    this.basemap = DEFAULT_BASEMAP;
    this.basemapFailure = { basemap: id, failure };
    this.#urlCorrection = true;
  }

  /** Not reactive: read once by the URL writer for the write that follows a correction. */
  #urlCorrection = false;

  /** Whether the next URL write corrects the current entry rather than adding one (and forgets it). */
  takeUrlCorrection(): boolean {
    const c = this.#urlCorrection;
    this.#urlCorrection = false;
    return c;
  }

  item(id: string): ItemFeature | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.items[i];
  }
}
