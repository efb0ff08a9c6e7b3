/** Evidence records cite gazetteer entries as they are published: id, words, original coordinates. */
import type { Evidence, GazetteerEntry } from '../../src/lib/schema';

/** What an entry says: its name and, where the source gave one, its address. */
export function entrySays(e: GazetteerEntry): string {
  return e.address ? `${e.name}: ${e.address}` : e.name;
}

export function evidenceOf(e: GazetteerEntry, says = entrySays(e)): Evidence {
  return { source: e.id, says, src_coordinates: e.src_coordinates, src_crs: e.src_crs };
}

/** Looks up an id, throwing with the id and who asked when it is not in the gazetteer. */
export function entry(index: ReadonlyMap<string, GazetteerEntry>, id: string, who: string): GazetteerEntry {
  const e = index.get(id);
  if (!e) throw new Error(`${who}: gazetteer has no entry "${id}"`);
  return e;
}

/** Radius (m) of a point entry's own position error, from what its source and CRS let us know. */
export function pointUncertainty(e: GazetteerEntry): number {
  if (/^unknown/i.test(e.src_crs)) return 500; // CRS unstated: WGS-84 and GCJ-02 differ by ~500 m here
  if (/assumed/i.test(e.src_crs)) return 400; // BD-09 assumed; a campus-sized site, point not the gate
  if (e.kind === 'railway_station') return 150; // an OSM station node: the building, platforms extend
  return 50; // a map-service POI: its pin, within a site of tens of metres
}

/**
 * A location note in both languages. Methods write the two from the same facts in the same code
 * path, so a number or name in one is in the other (the app shows `note_zh` when its UI is zh).
 */
export interface Notes {
  note: string;
  note_zh: string;
}

/** Joins note sentences, ending each with a full stop, so "a" + "b." reads "a. b." */
export function joinNotes(...parts: (string | undefined)[]): string {
  return parts.filter((x): x is string => !!x && x.trim() !== '').map((x) => (/[.。!?)]$/.test(x.trim()) ? x.trim() : `${x.trim()}.`)).join(' ');
}

/**
 * Chinese counterpart of `joinNotes`: each sentence ends in 。！or？, joined without spaces. Unlike
 * English, a closing bracket does not end a Chinese sentence: "…（OSM）" still takes its 。
 */
export function joinNotesZh(...parts: (string | undefined)[]): string {
  return parts.filter((x): x is string => !!x && x.trim() !== '').map((x) => (/[。！？]$/.test(x.trim()) ? x.trim() : `${x.trim()}。`)).join('');
}

/** An annotation's own note followed by what the method adds, in both languages. */
export function withNotes(spec: Notes, en?: string, zh?: string): Notes {
  return { note: joinNotes(spec.note, en), note_zh: joinNotesZh(spec.note_zh, zh) };
}
