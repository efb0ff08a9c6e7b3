/**
 * Whether the phone's bottom sheet (the panel) is expanded. Shared by the handles at the top of the
 * filters and of the item detail, so the sheet keeps its size when one replaces the other.
 */
export const sheet = $state({ expanded: false });
