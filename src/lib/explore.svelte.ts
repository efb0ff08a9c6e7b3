/**
 * The map-first view of the app's state: what the map shows beside the items (the area counts,
 * the outline of a selected area-level item, how a chosen neighbourhood is framed, the pin and
 * what is near it). Everything here is `$derived` from AtlasState through the pure functions of
 * areaCounts.ts, frames.ts and nearness.ts; components read it, and the map is written from it.
 */
import { tick } from 'svelte';
import { areaCounts, type AreaCount } from './areaCounts';
import { bboxOf, type Bbox } from './geometry';
import { hoodFrame, itemArea, itemFrame, restoredFrame, type Frame, type HoodFrame, type ItemArea } from './frames';
import { label, type Lang } from './i18n';
import { distanceTo, nearItems, type Near } from './nearness';
import type { LayerGroup, MapController, PlaceMark } from './map/controller';
import type { Geometry } from './schema';
import type { AtlasState } from './state.svelte';
import { isCommunityCode, NEIGHBOURHOODS } from './taxonomy';

/**
 * Frames what was just chosen once the page shows it: the on-map overlays a frame keeps clear of
 * (the area tray above all) change with the filter, so a frame made at once would use the old ones.
 */
export function frameWhenShown(controller: MapController | undefined, frame: Frame | null): void {
  if (frame) tick().then(() => controller?.frame(frame.bbox, frame.maxZoom));
}

const SUBDISTRICTS: readonly string[] = NEIGHBOURHOODS.filter((n) => n.kind === 'subdistrict').map((n) => n.id);

export interface Community {
  code: string;
  name: string;
}

export class ExploreState {
  readonly #s: AtlasState;

  /** Unmapped items per area, following every filter. */
  areas: readonly AreaCount[];
  /**
   * What the tray shows: the same counts, but once a badge is chosen (it sets the precision and
   * the hood), with those two left out, so the chosen badge still shows its siblings.
   */
  areasUnfiltered: readonly AreaCount[];

  district: Bbox | null;
  linghe: Geometry | null;

  /** Where the selected item is known to be, when it is not drawn. */
  selectedArea: ItemArea | null;

  /** How the one chosen neighbourhood is framed (null when none or several are chosen). */
  hood: (HoodFrame & { id: string; mapped: number }) | null;

  /** Communities of the chosen subdistrict, from the gazetteer's admin units. */
  communities: readonly Community[];

  /** Items near the pin (visible ones, nearest first). */
  near: readonly Near[];
  pinInLinghe: boolean;

  /** The outline the map highlights: the selected area-level item's area. */
  focusOutline: Geometry[] | null;

  /** Layer groups shown (the on-map legend's toggles); not in the URL, like the legend itself. */
  layers: Record<LayerGroup, boolean> = $state({ uncertainty: true, context: true, areas: true });

  /** The place last chosen in the search, marked on the map until the search changes; not in the URL. */
  place: PlaceMark | null = $state.raw(null);

  /** The item whose symbol was tapped on a phone, shown as a peek card above the sheet (not selected). */
  peek: string | null = $state(null);

  constructor(s: AtlasState) {
    this.#s = s;
    this.areas = $derived(areaCounts(s.items, s.visible));
    this.areasUnfiltered = $derived.by(() => {
      const f = s.filters;
      if (!f.precisions.length) return this.areas;
      const loose = { ...f, hoods: [], precisions: [] };
      return areaCounts(s.items, s.visibleFor(loose));
    });
    this.linghe = $derived((s.data?.boundaries.features.find((f) => f.properties.is_linghe)?.geometry as Geometry | undefined) ?? null);
    // A broken manifest costs its bbox, not the district frame: Linghe's own outline gives it too.
    this.district = $derived(s.data?.manifest?.linghe_bbox ?? (this.linghe ? bboxOf([this.linghe]) : null));
    this.selectedArea = $derived(s.selectedItem ? itemArea(s.selectedItem, s.items, this.linghe, SUBDISTRICTS) : null);
    this.hood = $derived.by(() => {
      const hoods = s.filters.hoods;
      if (hoods.length !== 1 || !this.district) return null;
      const frame = hoodFrame(s.items, hoods[0], this.district);
      const inHood = (i: number) => s.records[i].hoods.includes(`|${hoods[0]}|`);
      const mapped = s.items.reduce((n, f, i) => n + (f.geometry && inHood(i) ? 1 : 0), 0);
      return { ...frame, id: hoods[0], mapped };
    });
    this.communities = $derived.by(() => {
      const hoods = s.filters.hoods;
      const sub = hoods.length === 1 ? (isCommunityCode(hoods[0]) ? hoods[0].slice(0, 9) : hoods[0]) : null;
      if (!sub || !SUBDISTRICTS.includes(sub)) return [];
      const out: Community[] = [];
      for (const e of s.gazetteer.values()) {
        const code = e.id.slice('community:'.length);
        if (e.kind === 'community' && code.startsWith(sub)) out.push({ code, name: e.name });
      }
      return out.sort((a, b) => a.code.localeCompare(b.code));
    });
    this.near = $derived(s.pin ? nearItems(s.items, s.visible, [s.pin.lng, s.pin.lat], s.radius) : []);
    this.pinInLinghe = $derived(!!s.pin && !!this.linghe && distanceTo([s.pin.lng, s.pin.lat], this.linghe) === 0);
    this.focusOutline = $derived(this.selectedArea?.outline ?? null);
  }

  /** A neighbourhood or community by name in the UI's language. */
  hoodName(id: string, lang: Lang): string {
    const n = NEIGHBOURHOODS.find((h) => h.id === id);
    if (n) return label(lang, n.label);
    return this.#s.gazetteer.get(`community:${id}`)?.name ?? id;
  }

  /** How choosing neighbourhood `id` frames the map. */
  hoodFrameOf(id: string): HoodFrame | null {
    return this.district && hoodFrame(this.#s.items, id, this.district);
  }

  /** How opening an item frames the map: its geometry and uncertainty, else its area's outline. */
  itemFrame(id: string): Frame | null {
    const f = this.#s.item(id);
    if (!f) return null;
    const own = itemFrame(f);
    if (own) return own;
    const outline = itemArea(f, this.#s.items, this.linghe, SUBDISTRICTS)?.outline;
    return outline ? { bbox: bboxOf(outline)!, maxZoom: 13 } : null;
  }

  /** What an opened link frames (without a `#map=` view): its item, else its pin, else its one neighbourhood. */
  restoredFrame(): Frame | null {
    const s = this.#s;
    return restoredFrame(
      { item: s.selected, pin: s.pin, radius: s.radius, hoods: s.filters.hoods },
      { item: (id) => this.itemFrame(id), hood: (id) => this.hoodFrameOf(id) },
    );
  }
}
