/**
 * Whether the phone's bottom sheet (the panel) is expanded. Shared by the handles at the top of the
 * filters and of the item detail, so the sheet keeps its size when one replaces the other.
 */
export const sheet = $state({ expanded: false });

/** When the panel is a bottom sheet over the map (the same media query as App.svelte's and app.css's). */
export const SHEET_LAYOUT = '(max-width: 720px), (max-height: 500px) and (orientation: landscape)';

export function isSheetLayout(): boolean {
  return window.matchMedia?.(SHEET_LAYOUT).matches ?? false;
}
