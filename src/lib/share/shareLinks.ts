/**
 * The links a user shares. A view link is the whole URL state (filters, selection, reader, viewport);
 * an item link is the item alone in the sender's language: the sender's search text, filters and
 * viewport are transient and would hide or move what the link is about.
 */
import { DEFAULT_URL_STATE, formatHash, formatSearch, type UrlState } from '../url';
import type { Lang } from '../i18n';

/** `base` is the Atlas's own address without query or hash (origin + pathname). */
export function viewLink(base: string, s: UrlState): string {
  return base + formatSearch({ ...s, embed: false }) + formatHash(s.view);
}

export function itemLink(base: string, id: string, lang: Lang): string {
  return base + formatSearch({ ...DEFAULT_URL_STATE, item: id, lang });
}

/** The full Atlas for an embedded view: the same state without `embed`. */
export function fullAtlasLink(base: string, s: UrlState): string {
  return viewLink(base, { ...s, embed: false });
}
