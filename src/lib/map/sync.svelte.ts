/**
 * State → map: the one direction data flows into the controller. Call `syncMap` while a component
 * initialises (it sets up `$effect`s); each effect re-runs only for the state it reads.
 */
import { untrack } from 'svelte';
import { filterExpression, statusKey } from '../filters';
import { mapUiStrings } from '../i18n';
import { englishName } from '../placeNames';
import type { AtlasState } from '../state.svelte';
import { storedTiandituKey } from '../tiandituKey';
import { tiandituKey } from './basemaps';
import { BASEMAP_CONFIG } from './basemapConfig';
import type { MapController } from './controller';

export function syncMap(s: AtlasState, controller: () => MapController | undefined): void {
  // The map's features carry no search text, so pinyin arriving later (a new `records`) must not
  // re-send every feature to MapLibre's worker: only the items (a new data file) do.
  $effect(() => controller()?.setItems(s.items, untrack(() => s.records)));
  // Labels are filtered by expression (they must free their collision room); shapes and points
  // hide by the FilterIndex bitset, without re-tiling (controller.setVisibility).
  $effect(() => controller()?.setFilter(filterExpression(s.filters, s.records)));
  $effect(() => controller()?.setVisibility(s.matching));
  $effect(() => controller()?.setStatusKey(statusKey(s.filters.year)));
  $effect(() => controller()?.setLanguage(s.lang, mapUiStrings(s.lang)));
  // English basemap names need pinyin (a lazy chunk); an item of the same name lends its translation.
  $effect(() => {
    const pinyinOf = s.pinyinOf;
    if (!pinyinOf) return;
    const known = new Map(untrack(() => s.items).map((f) => [f.properties.name, f.properties.name_en]));
    controller()?.setPlaceNames((zh) => englishName(zh, pinyinOf, known));
  });
  $effect(() => controller()?.setHover(s.hovered));
  $effect(() => controller()?.setSelected(s.selected));
  $effect(() => controller()?.setBasemap(s.basemap, tiandituKey(BASEMAP_CONFIG, storedTiandituKey())));
}
