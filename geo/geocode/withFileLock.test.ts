import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readCache, writeCacheAtomic, type GeocodeEntry } from './cache';
import { withFileLock } from './withFileLock';

const temps: string[] = [];
afterAll(() => Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'geocode-lock-'));
  temps.push(dir);
  return dir;
}

const entry = (item_id: string): GeocodeEntry => ({ item_id, provider: 'nominatim', query: `锦州市凌河区 ${item_id}`, date: '2024-05-01', status: 'no_result' });

/** Resolves once `cond` holds, checking every 10 ms (the condition is another process's file). */
async function until(cond: () => Promise<boolean>): Promise<void> {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 10));
}

/** The pid of a process that has exited: a lock holder killed before it could clean up. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('writeCacheAtomic under concurrency', () => {
  it('loses no entry when 20 writes in one process overlap', async () => {
    const path = join(await tempDir(), 'cache.json');
    const ids = Array.from({ length: 20 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
    await Promise.all(ids.map((id) => writeCacheAtomic(path, [entry(id)])));
    expect((await readCache(path)).map((e) => e.item_id)).toEqual(ids);
  });

  it('loses no entry when two runs (processes) write at the same time', async () => {
    const dir = await tempDir();
    const path = join(dir, 'cache.json');
    const cache = fileURLToPath(new URL('cache.ts', import.meta.url));
    const script = join(dir, 'writer.mts');
    // Each run saves its answers one at a time, as runGeocode does. Both start writing together
    // (a barrier: each says it is ready, then waits for "go"), since tsx start-up times differ.
    await writeFile(script, `import { existsSync, writeFileSync } from 'node:fs';
import { writeCacheAtomic } from ${JSON.stringify(cache)};
const [path, tag, dir] = process.argv.slice(2);
writeFileSync(dir + '/ready-' + tag, '');
while (!existsSync(dir + '/go')) await new Promise((r) => setTimeout(r, 2));
for (let i = 0; i < 30; i++) await writeCacheAtomic(path, [{ item_id: tag + '-' + String(i).padStart(2, '0'), provider: 'amap', query: 'q', date: '2024-05-01', status: 'no_result' }]);
`);
    const run = (tag: string) => promisify(execFile)(process.execPath, ['--import', 'tsx', script, path, tag, dir]);
    const runs = Promise.all([run('a'), run('b')]);
    await until(async () => (await readdir(dir)).filter((n) => n.startsWith('ready-')).length === 2);
    await writeFile(join(dir, 'go'), '');
    await runs;
    const ids = (await readCache(path)).map((e) => e.item_id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids.map((id) => id[0]))).toEqual(new Set(['a', 'b']));
    expect(await readdir(dir)).toEqual(['cache.json', 'go', 'ready-a', 'ready-b', 'writer.mts']); // no lock or temp file left
  }, 60_000);
});

describe('withFileLock', () => {
  it('takes over a stale lock whose process no longer runs', async () => {
    const path = join(await tempDir(), 'cache.json');
    await writeFile(`${path}.lock`, `${deadPid()}\n`);
    expect(await withFileLock(path, async () => 'ran', { timeoutMs: 2_000 })).toBe('ran');
    expect(await readdir(join(path, '..'))).toEqual([]);
  });

  it('two runs that find the same stale lock: exactly one takes it over, the other waits for it', async () => {
    const path = join(await tempDir(), 'cache.json');
    const stale = `${deadPid()}\n`;
    await writeFile(`${path}.lock`, stale);
    // The race a bare rm loses: both read the dead pid; the first takes over; only then does the
    // second act on what it read, and would remove the first one's fresh lock.
    let seen = 0;
    let bothSeen!: () => void;
    const barrier = new Promise<void>((r) => (bothSeen = r));
    const beforeTakeover = async () => {
      const n = ++seen;
      if (n === 2) bothSeen();
      await barrier;
      if (n === 2) await until(async () => (await readFile(`${path}.lock`, 'utf8').catch(() => stale)) !== stale);
    };
    const inside: string[] = [];
    let overlap = false;
    const work = (tag: string) => async () => {
      if (inside.length) overlap = true;
      inside.push(tag);
      await new Promise((r) => setTimeout(r, 50));
      inside.pop();
      return tag;
    };
    const [a, b] = await Promise.all([
      withFileLock(path, work('a'), { timeoutMs: 5_000, beforeTakeover }),
      withFileLock(path, work('b'), { timeoutMs: 5_000, beforeTakeover }),
    ]);
    expect([a, b]).toEqual(['a', 'b']);
    expect(seen).toBeGreaterThanOrEqual(2); // both met the stale lock (one may meet it again)
    expect(overlap).toBe(false);
    expect(await readdir(join(path, '..'))).toEqual([]); // no lock, no breaker left
  });

  it('a breaker left by a run killed while taking over is itself stale after 10 s', async () => {
    const path = join(await tempDir(), 'cache.json');
    await writeFile(`${path}.lock`, `${deadPid()}\n`);
    await writeFile(`${path}.lock.break`, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock.break`, old, old);
    expect(await withFileLock(path, async () => 'ran', { timeoutMs: 2_000 })).toBe('ran');
    expect(await readdir(join(path, '..'))).toEqual([]);
  });

  it('waits for a live holder, then names it and says what to do', async () => {
    const path = join(await tempDir(), 'cache.json');
    await writeFile(`${path}.lock`, `${process.pid}\n`); // this process: alive
    await expect(withFileLock(path, async () => 'ran', { timeoutMs: 100 })).rejects.toThrow(
      new RegExp(`cache\\.json is locked by another run \\(pid ${process.pid}, .*cache\\.json\\.lock\\); wait for it to finish, or delete the lock file`),
    );
  });

  it('releases the lock when the work throws', async () => {
    const path = join(await tempDir(), 'cache.json');
    await expect(withFileLock(path, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await withFileLock(path, async () => 'again', { timeoutMs: 100 })).toBe('again');
  });
});
