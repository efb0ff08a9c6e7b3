import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemCollection, ItemFeature, Precision } from '../../src/lib/schema';
import { readCache } from './cache';
import { hang, json, sequence, startLocalServer, type Handler, type LocalServer } from './localServer';
import { createRateLimiter, type Clock } from './rateLimiter';
import { RunError, runGeocode, type RunOptions } from './run';

const KEY = 'amapRUNkey9876543210';
const REPORT = readFileSync(new URL('../report/linghe-2022-work-report.txt', import.meta.url), 'utf8');
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));

/** An item whose one mention is the first occurrence of its name in the report (a verbatim quote). */
function item(id: string, name: string, precision: Precision): ItemFeature {
  const start = REPORT.indexOf(name);
  if (start < 0) throw new Error(`test item ${id}: "${name}" is not in the report`);
  return {
    type: 'Feature',
    id,
    geometry: null,
    properties: {
      id, name, name_en: id, category: 'renewal', neighbourhoods: [], claims: [],
      mentions: [{
        start, end: start + name.length, quote: name, section: '一', sentence: 0, years: [2021],
        status: 'completed', status_words: '', status_rule: 'test',
      }],
      location: { precision, uncertainty_m: null, method: 'test', evidence: [] },
    },
  };
}

const temps: string[] = [];
afterAll(() => Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function setup(features = [
  item('guizhou-xiaoqu', '贵州小区', 'subdistrict'),
  item('bairi-xiaoqu', '白日小区', 'district'),
  item('wusan-park', '五三数字产业园', 'near'),
]) {
  const dir = await mkdtemp(join(tmpdir(), 'geocode-run-'));
  temps.push(dir);
  const itemsPath = join(dir, 'items.geojson');
  const cachePath = join(dir, 'geocode-cache.json');
  const collection: ItemCollection = { type: 'FeatureCollection', features };
  await writeFile(itemsPath, JSON.stringify(collection));
  return { dir, itemsPath, cachePath };
}

function fakeClock(): Clock {
  let t = 0;
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

function options(server: LocalServer, paths: { itemsPath: string; cachePath: string }, extra: Partial<RunOptions> = {}): RunOptions {
  const clock = fakeClock();
  return {
    provider: 'amap', key: KEY, baseUrl: server.baseUrl, clock, limiter: createRateLimiter(1000, clock),
    timeoutMs: 1_000, today: () => '2024-05-01', ...paths, ...extra,
  };
}

async function runError(p: Promise<unknown>): Promise<RunError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RunError) return e;
    throw e;
  }
  throw new Error('expected the run to stop');
}

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('runGeocode', () => {
  it('asks about subdistrict/district items only and records each answer with its query and date', async () => {
    const paths = await setup();
    server.respond(sequence(json(fixture('amap-ok.json')), json(fixture('amap-empty.json'))));
    const summary = await runGeocode(options(server, paths));
    expect(summary).toMatchObject({ selected: 2, skipped: 0, asked: 2, ok: 1, no_result: 1 });
    const entries = await readCache(paths.cachePath);
    expect(entries.map((e) => [e.item_id, e.provider, e.query, e.date, e.status])).toEqual([
      ['bairi-xiaoqu', 'amap', '锦州市凌河区 白日小区', '2024-05-01', 'ok'],
      ['guizhou-xiaoqu', 'amap', '锦州市凌河区 贵州小区', '2024-05-01', 'no_result'],
    ]);
    expect(await readFile(paths.cachePath, 'utf8')).not.toContain(KEY);
  });

  it('skips items already cached for the provider and query', async () => {
    const paths = await setup();
    server.respond(json(fixture('amap-empty.json')));
    await runGeocode(options(server, paths));
    const before = server.requests.length;
    const again = await runGeocode(options(server, paths));
    expect(again).toMatchObject({ skipped: 2, asked: 0 });
    expect(server.requests.length).toBe(before);
  });

  it('asks at most --limit questions', async () => {
    const paths = await setup();
    server.respond(json(fixture('amap-empty.json')));
    const summary = await runGeocode(options(server, paths, { limit: 1 }));
    expect(summary.asked).toBe(1);
    expect(await readCache(paths.cachePath)).toHaveLength(1);
  });

  it('in a dry run lists the questions and neither asks nor writes', async () => {
    const paths = await setup();
    const before = server.requests.length;
    const summary = await runGeocode(options(server, paths, { dryRun: true, key: undefined }));
    expect(summary.questions.map((q) => q.query)).toEqual(['锦州市凌河区 白日小区', '锦州市凌河区 贵州小区']);
    expect(server.requests.length).toBe(before);
    await expect(readFile(paths.cachePath)).rejects.toThrow(/ENOENT/);
  });

  it('keeps what it learned when a later request fails', async () => {
    const paths = await setup();
    server.respond(sequence(json(fixture('amap-ok.json')), json('down', 500)));
    const e = await runError(runGeocode(options(server, paths)));
    expect(e.message).toMatch(/guizhou-xiaoqu.*http/);
    expect((await readCache(paths.cachePath)).map((x) => x.item_id)).toEqual(['bairi-xiaoqu']);
  });

  const failures: [string, Handler, RegExp][] = [
    ['HTTP 500', json('down', 500), /bairi-xiaoqu.*http: .*HTTP 500/],
    ['HTTP 429 twice', json('slow down', 429, { 'Retry-After': '1' }), /bairi-xiaoqu.*rate_limited: .*429/],
    ['a timeout', hang, /bairi-xiaoqu.*timeout: .*no answer within 1000 ms/],
    ['malformed JSON', json('{"status":"1",'), /bairi-xiaoqu.*malformed: .*not JSON/],
    ['a provider error', json(fixture('amap-error.json')), /bairi-xiaoqu.*provider: .*INVALID_USER_KEY/],
  ];
  for (const [name, handler, message] of failures) {
    it(`stops on ${name} with a one-line message and leaves the cache byte-identical`, async () => {
      const paths = await setup();
      const seed = `{\n  "version": 1,\n  "entries": []\n}\n`;
      await writeFile(paths.cachePath, seed);
      server.respond(handler);
      const e = await runError(runGeocode(options(server, paths)));
      expect(e.exitCode).toBe(1);
      expect(e.message).toMatch(message);
      expect(e.message).not.toContain('\n');
      expect(e.message).not.toContain(KEY);
      expect(await readFile(paths.cachePath, 'utf8')).toBe(seed);
    });
  }

  it('stops before asking anything when the cache is corrupt, and leaves it alone', async () => {
    const paths = await setup();
    await writeFile(paths.cachePath, 'not json');
    const before = server.requests.length;
    const e = await runError(runGeocode(options(server, paths)));
    expect(e.message).toContain(paths.cachePath);
    expect(server.requests.length).toBe(before);
    expect(await readFile(paths.cachePath, 'utf8')).toBe('not json');
  });

  it('exits 2 with a clear message when AMap has no key', async () => {
    const paths = await setup();
    const e = await runError(runGeocode(options(server, paths, { key: undefined })));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/AMAP_KEY/);
  });

  it('says what to do when the items file is missing', async () => {
    const paths = await setup();
    const e = await runError(runGeocode(options(server, { ...paths, itemsPath: join(paths.dir, 'none.geojson') })));
    expect(e.message).toMatch(/none\.geojson does not exist.*npm run geo/);
  });

  it('asks Nominatim through the same run', async () => {
    const paths = await setup([item('liaoshen-memorial', '辽沈战役纪念馆', 'district')]);
    server.respond(json(fixture('nominatim-ok.json')));
    const before = server.requests.length;
    await runGeocode(options(server, paths, { provider: 'nominatim', key: undefined }));
    expect(server.requests[before].url).toMatch(/^\/search\?format=jsonv2/);
    const [entry] = await readCache(paths.cachePath);
    expect(entry).toMatchObject({ provider: 'nominatim', status: 'ok', result: { crs: 'WGS-84', level: 'tourism' } });
  });
});

describe('cli', () => {
  const cli = fileURLToPath(new URL('cli.ts', import.meta.url));
  const env = { ...process.env, AMAP_KEY: '' };

  it('exits 2 and names AMAP_KEY when AMap has no key', async () => {
    const paths = await setup();
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, '--provider', 'amap', '--items', paths.itemsPath, '--cache', paths.cachePath], { env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/AMAP_KEY/);
  });

  it('exits 2 on an unknown provider', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, '--provider', 'google'], { env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nominatim or amap, got "google"/);
  });

  it('exits 1 with a one-line reason on a failed request, against a local server', async () => {
    const paths = await setup();
    server.respond(json('down', 503));
    // Asynchronous on purpose: a synchronous spawn would block the in-process server from answering.
    const r = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, '--provider', 'amap', '--base-url', server.baseUrl, '--items', paths.itemsPath, '--cache', paths.cachePath],
      { env: { ...env, AMAP_KEY: KEY }, encoding: 'utf8' },
    ).then(
      () => ({ status: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bairi-xiaoqu.*HTTP 503/);
    expect(r.stderr + r.stdout).not.toContain(KEY);
  });
});
