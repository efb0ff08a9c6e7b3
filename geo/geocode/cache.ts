/**
 * The committed geocoder cache (`geo/annotations/geocode-cache.json`): every answer a provider gave,
 * ok or no_result, with the query and the day it was asked. It is evidence, so it is only ever
 * merged into, written atomically (temp file + rename in the same folder) under a lock file (so
 * concurrent runs lose nothing), and a corrupt file is reported, never overwritten.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { withFileLock } from './withFileLock';

export const Provider = z.enum(['nominatim', 'amap']);
export type Provider = z.infer<typeof Provider>;

/** The CRS each provider publishes in. */
export const PROVIDER_CRS = { nominatim: 'WGS-84', amap: 'GCJ-02' } as const satisfies Record<Provider, string>;

export const GeocodeResult = z.object({
  lon: z.number().min(-180).max(180), // as returned, in `crs`
  lat: z.number().min(-90).max(90),
  crs: z.enum(['WGS-84', 'GCJ-02']),
  lon_wgs84: z.number().min(-180).max(180), // converted once with gcoord, 6 decimals
  lat_wgs84: z.number().min(-90).max(90),
  display_name: z.string(),
  /** AMap `level` (道路, 兴趣点, 区县, …); Nominatim `addresstype` (falling back to `type`). */
  level: z.string(),
  /** Nominatim `importance`; AMap states none. */
  confidence: z.number().nullable(),
  /** Nominatim `place_rank` (30 = POI/building, 26–27 = street, 16–25 = places/areas). */
  place_rank: z.number().int().optional(),
  /** Nominatim `boundingbox` as returned: [min_lat, max_lat, min_lon, max_lon]. */
  raw_bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});
export type GeocodeResult = z.infer<typeof GeocodeResult>;

export const GeocodeEntry = z
  .object({
    item_id: z.string().min(1),
    provider: Provider,
    query: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO day (YYYY-MM-DD)'),
    status: z.enum(['ok', 'no_result']),
    result: GeocodeResult.optional(),
  })
  .refine((e) => (e.status === 'ok') === (e.result !== undefined), {
    message: 'an ok entry has a result and a no_result entry has none',
  });
export type GeocodeEntry = z.infer<typeof GeocodeEntry>;

export const GeocodeCache = z.object({ version: z.literal(1), entries: z.array(GeocodeEntry) });
export type GeocodeCache = z.infer<typeof GeocodeCache>;

/** An entry's identity: a newer answer to the same question replaces the older one. */
export const entryKey = (e: Pick<GeocodeEntry, 'item_id' | 'provider' | 'query'>): string =>
  `${e.item_id}\u0000${e.provider}\u0000${e.query}`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order so the committed file diffs cleanly: item, provider, query, date. */
export function sortEntries(entries: readonly GeocodeEntry[]): GeocodeEntry[] {
  return [...entries].sort(
    (a, b) => cmp(a.item_id, b.item_id) || cmp(a.provider, b.provider) || cmp(a.query, b.query) || cmp(a.date, b.date),
  );
}

/** `incoming` replaces existing entries with the same item + provider + query. */
export function mergeEntries(existing: readonly GeocodeEntry[], incoming: readonly GeocodeEntry[]): GeocodeEntry[] {
  const byKey = new Map<string, GeocodeEntry>();
  for (const e of existing) byKey.set(entryKey(e), e);
  for (const e of incoming) byKey.set(entryKey(e), e);
  return sortEntries([...byKey.values()]);
}

export function formatCache(entries: readonly GeocodeEntry[]): string {
  const cache: GeocodeCache = { version: 1, entries: sortEntries(entries) };
  return `${JSON.stringify(cache, null, 2)}\n`;
}

/** Entries of the cache at `path`; a missing file is an empty cache, a corrupt one an error. */
export async function readCache(path: string): Promise<GeocodeEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`geocode cache ${path}: cannot read (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`geocode cache ${path} is corrupt (not JSON: ${(e as Error).message}); fix or remove it by hand`);
  }
  const parsed = GeocodeCache.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `geocode cache ${path} is corrupt (${issue?.path.join('.') || '(root)'}: ${issue?.message}); fix or remove it by hand`,
    );
  }
  return parsed.data.entries;
}

/**
 * Merge `incoming` into the cache at `path` and write it atomically: the new content goes to a temp
 * file beside the target (same filesystem, so `rename` is atomic) and replaces it only when complete.
 * Throws without touching the file if the existing cache is corrupt or an entry is invalid.
 */
export async function writeCacheAtomic(path: string, incoming: readonly GeocodeEntry[]): Promise<GeocodeEntry[]> {
  for (const e of incoming) {
    const r = GeocodeEntry.safeParse(e);
    if (!r.success) throw new Error(`geocode cache: refusing invalid entry for ${e.item_id}/${e.provider}: ${r.error.issues[0]?.message}`);
  }
  // Read, merge and replace under a lock: two runs at once must not drop each other's answers.
  return withFileLock(path, async () => {
    const merged = mergeEntries(await readCache(path), incoming);
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, formatCache(merged), 'utf8');
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw new Error(`geocode cache ${path}: write failed (${(e as Error).message})`);
    }
    return merged;
  });
}
