/**
 * Text made safe for a sink that takes HTML. MapLibre's attribution control takes
 * `customAttribution` as HTML; the credits come from manifest.json, which is data, and data text is
 * never HTML here: a hostile `<img src=https://…>` in a licence must print, not load.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
