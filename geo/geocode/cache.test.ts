import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCache, GeocodeEntry, readCache, writeCacheAtomic } from './cache';

const temps: string[] = [];
afterAll(() => Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'geocode-cache-'));
  temps.push(dir);
  return dir;
};

function okEntry(item_id: string, query = `锦州市凌河区 ${item_id}`, date = '2024-05-01'): GeocodeEntry {
  return {
    item_id,
    provider: 'amap',
    query,
    date,
    status: 'ok',
    result: {
      lon: 121.148175, lat: 41.129367, crs: 'GCJ-02', lon_wgs84: 121.142553, lat_wgs84: 41.127313,
      display_name: '辽宁省锦州市凌河区辽沈战役纪念馆', level: '兴趣点', confidence: null,
    },
  };
}

describe('readCache', () => {
  it('treats a missing file as an empty cache', async () => {
    expect(await readCache(join(await tempDir(), 'none.json'))).toEqual([]);
  });

  it('names the file when it is not JSON', async () => {
    const path = join(await tempDir(), 'c.json');
    await writeFile(path, '{"version":1,"entr');
    await expect(readCache(path)).rejects.toThrow(new RegExp(`${path}.*corrupt`));
  });

  it('names the file and the field when the schema does not match', async () => {
    const path = join(await tempDir(), 'c.json');
    await writeFile(path, JSON.stringify({ version: 1, entries: [{ ...okEntry('a'), date: 'yesterday' }] }));
    await expect(readCache(path)).rejects.toThrow(/c\.json is corrupt \(entries\.0\.date/);
  });

  it('rejects an ok entry without a result', async () => {
    const { result: _dropped, ...noResult } = okEntry('a');
    expect(GeocodeEntry.safeParse(noResult).success).toBe(false);
  });

  it('reads the committed cache of the project', async () => {
    const committed = fileURLToPath(new URL('../annotations/geocode-cache.json', import.meta.url));
    const entries = await readCache(committed);
    expect(formatCache(entries)).toBe(await readFile(committed, 'utf8'));
  });
});

describe('writeCacheAtomic', () => {
  it('creates the file, sorted by item, and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'cache.json');
    await writeCacheAtomic(path, [okEntry('b'), okEntry('a')]);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.entries.map((e: GeocodeEntry) => e.item_id)).toEqual(['a', 'b']);
    expect(await readdir(dir)).toEqual(['cache.json']);
  });

  it('merges: keeps other entries and replaces the same item + provider + query', async () => {
    const path = join(await tempDir(), 'cache.json');
    await writeCacheAtomic(path, [okEntry('a'), okEntry('b')]);
    const newer: GeocodeEntry = { item_id: 'a', provider: 'amap', query: '锦州市凌河区 a', date: '2024-06-02', status: 'no_result' };
    await writeCacheAtomic(path, [newer, okEntry('a', 'another query')]);
    const entries = await readCache(path);
    expect(entries).toHaveLength(3);
    expect(entries.find((e) => e.item_id === 'a' && e.query === '锦州市凌河区 a')).toEqual(newer);
    expect(entries.find((e) => e.item_id === 'b')?.status).toBe('ok');
  });

  it('writes the same bytes whatever the order of the entries', async () => {
    const p1 = join(await tempDir(), 'c.json');
    const p2 = join(await tempDir(), 'c.json');
    await writeCacheAtomic(p1, [okEntry('a'), okEntry('c'), okEntry('b')]);
    await writeCacheAtomic(p2, [okEntry('c'), okEntry('b'), okEntry('a')]);
    expect(await readFile(p1, 'utf8')).toBe(await readFile(p2, 'utf8'));
  });

  it('never overwrites a corrupt cache', async () => {
    const dir = await tempDir();
    const path = join(dir, 'cache.json');
    const corrupt = '{"version": 1, "entries": [ oops';
    await writeFile(path, corrupt);
    await expect(writeCacheAtomic(path, [okEntry('a')])).rejects.toThrow(/cache\.json is corrupt/);
    expect(await readFile(path, 'utf8')).toBe(corrupt);
    expect(await readdir(dir)).toEqual(['cache.json']);
  });

  it('refuses an invalid entry, naming its item, and leaves the file as it was', async () => {
    const path = join(await tempDir(), 'cache.json');
    await writeCacheAtomic(path, [okEntry('a')]);
    const before = await readFile(path, 'utf8');
    const bad = { ...okEntry('zz'), date: '2024-5-1' };
    await expect(writeCacheAtomic(path, [bad])).rejects.toThrow(/zz\/amap/);
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});
