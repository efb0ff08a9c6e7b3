/**
 * The whole data-fault matrix at the level where the app decides what a failure costs: every data
 * file × every way it can fail, through `startLoading` with the real files and a doctored one.
 * (The browser e2e shows each kind of fault and each file once: tests/e2e/robustness-data.spec.ts.)
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterOrAt, deferred, startLoading, type PartError } from './load';
import type { ItemFeature } from './schema';
import type { AtlasState } from './state.svelte';

const FILES = ['items.geojson', 'manifest.json', 'basemap/boundaries.geojson', 'basemap/context.geojson', 'report.json', 'gazetteer.json'] as const;
type File = (typeof FILES)[number];
const real = (file: string) => readFileSync(`public/data/${file}`, 'utf8');
const BASE = 'http://atlas.test/';
const OFF_SCHEMA = '{"type": "FeatureCollection", "features": [{"type": "Feature", "id": 5}], "entries": 7, "attributions": "x"}';

/** What the server does for the faulted file. */
type Answer = { status: number; body: string } | 'hang';
const FAULTS: Record<string, (file: File) => Answer> = {
  '404': () => ({ status: 404, body: 'not here' }),
  '500': () => ({ status: 500, body: 'oops' }),
  truncated: (file) => ({ status: 200, body: real(file).slice(0, Math.floor(real(file).length / 2)) }),
  'schema-invalid': () => ({ status: 200, body: OFF_SCHEMA }),
  empty: () => ({ status: 200, body: '' }),
  hung: () => 'hang',
};

/** Which notice a failure of each non-essential file raises. */
const PART: Record<Exclude<File, 'items.geojson'>, PartError> = {
  'manifest.json': 'data_part_error',
  'basemap/boundaries.geojson': 'data_part_error',
  'basemap/context.geojson': 'data_part_error',
  'report.json': 'report_error',
  'gazetteer.json': 'gazetteer_error',
};

/** The parts of AtlasState that loading writes, as plain fields. */
function fakeState() {
  return {
    items: [] as readonly ItemFeature[],
    report: null as unknown,
    gazetteerSet: false,
    pinyin: false,
    load(data: { items: { features: ItemFeature[] } }) {
      this.items = data.items.features;
    },
    setGazetteer() {
      this.gazetteerSet = true;
    },
    async addPinyin() {
      this.pinyin = true;
    },
  };
}

type Outcome = { fatal: string[]; parts: [PartError, string][]; loaded: boolean; state: ReturnType<typeof fakeState> };

/** Runs the app's start-up against the real files, `file` answering `answer`; settles when every part has. */
async function start(file: File | null, answer: Answer | null): Promise<Outcome> {
  vi.stubGlobal('fetch', (url: string, init?: { signal?: AbortSignal }) => {
    const name = url.slice(`${BASE}data/`.length);
    if (name === file && answer === 'hang') {
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }
    const a = name === file && answer && answer !== 'hang' ? answer : { status: 200, body: real(name) };
    return Promise.resolve(new Response(a.body, { status: a.status }));
  });
  const s = fakeState();
  const out: Outcome = { fatal: [], parts: [], loaded: false, state: s };
  startLoading(s as unknown as AtlasState, {
    onLoaded: () => (out.loaded = true),
    onFatal: (m) => out.fatal.push(m),
    onPartError: (k, m) => out.parts.push([k, m]),
  }, async () => ({ pinyinOf: () => ({ full: '', initials: '' }) }));
  // Settled: a fatal error, or the list up and the report and gazetteer each either in or noticed.
  await vi.waitFor(
    () => {
      const done = out.fatal.length > 0 || (out.loaded && (s.report !== null || out.parts.some(([k]) => k === 'report_error')) && (s.gazetteerSet || out.parts.some(([k]) => k === 'gazetteer_error')));
      if (!done) throw new Error('still loading');
    },
    { timeout: 5000, interval: 5 },
  );
  return out;
}

/** A readable sentence, not a stack or an object dump. */
const NOT_READABLE = /\bat \S+ \(|Error:|Cannot read prop|is not a function|\[object/;

beforeEach(() => {
  vi.stubGlobal('document', { baseURI: BASE });
  vi.stubGlobal('__atlasFetchTimeoutMs', 50);
});
afterEach(() => vi.unstubAllGlobals());

describe('start-up with every data file intact', () => {
  it('loads everything and raises no notice', async () => {
    const out = await start(null, null);
    expect(out).toMatchObject({ fatal: [], parts: [], loaded: true });
    expect(out.state.items.length).toBeGreaterThan(50);
    expect(out.state.report).not.toBeNull();
  });
});

describe('the data-fault matrix: 6 files × 6 faults', () => {
  for (const [fault, answer] of Object.entries(FAULTS)) {
    for (const file of FILES) {
      it(`${file} ${fault}`, async () => {
        const out = await start(file, answer(file));
        if (file === 'items.geojson') {
          // essential: the page says which file and why, and shows nothing half-loaded
          expect(out.loaded).toBe(false);
          expect(out.fatal).toHaveLength(1);
          expect(out.fatal[0]).toMatch(/^items\.geojson: /);
          expect(out.fatal[0]).not.toMatch(NOT_READABLE);
          return;
        }
        // any other file costs a part: one notice naming it, the list is up
        expect(out.fatal).toEqual([]);
        expect(out.loaded).toBe(true);
        expect(out.state.items.length).toBeGreaterThan(50);
        const named = out.parts.filter(([, m]) => m.includes(file));
        expect(named.map(([k]) => k)).toEqual([PART[file]]);
        expect(named[0][1]).not.toMatch(NOT_READABLE);
        if (fault === 'hung') expect(named[0][1]).toContain('timed out');
        // and only that part: the others loaded
        expect(out.parts.filter(([, m]) => !m.includes(file))).toEqual([]);
      });
    }
  }

  it('duplicate item ids are fatal, naming the id', async () => {
    const items = JSON.parse(real('items.geojson'));
    items.features[7].id = items.features[3].id;
    const out = await start('items.geojson', { status: 200, body: JSON.stringify(items) });
    expect(out.loaded).toBe(false);
    expect(out.fatal[0]).toMatch(/^items\.geojson: /);
    expect(out.fatal[0]).toContain(items.features[3].id);
  });
});

describe('pinyin after the map', () => {
  it('asks for the pinyin chunk only once the map has drawn, and says which hint a fatal error takes', async () => {
    vi.stubGlobal('fetch', (url: string) => Promise.resolve(new Response(real(url.slice(`${BASE}data/`.length)))));
    const drawn = deferred();
    let asked = false;
    const s = fakeState();
    let loaded = false;
    startLoading(s as unknown as AtlasState, { onLoaded: () => (loaded = true), onFatal: () => {}, onPartError: () => {}, mapDrawn: drawn.promise }, async () => {
      asked = true;
      return { pinyinOf: () => ({ full: '', initials: '' }) };
    });
    await vi.waitFor(() => expect(loaded).toBe(true));
    await new Promise((r) => setTimeout(r, 30));
    expect(asked).toBe(false);
    drawn.resolve();
    await vi.waitFor(() => expect(s.pinyin).toBe(true));
  });

  it('afterOrAt: the promise, or the deadline, whichever is first; nothing to wait for without one', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      afterOrAt(new Promise(() => {}), 1000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
      const p = deferred();
      let early = false;
      afterOrAt(p.promise, 1000).then(() => (early = true));
      p.resolve();
      await vi.advanceTimersByTimeAsync(0);
      expect(early).toBe(true);
      expect(vi.getTimerCount()).toBe(0); // the deadline's timer went with it
      let none = false;
      afterOrAt(undefined, 1000).then(() => (none = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(none).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a file over the size limit is fatal with the too-large hint, not the broken-data one', async () => {
    vi.stubGlobal('__atlasMaxDataBytes', 1000);
    vi.stubGlobal('fetch', (url: string) => Promise.resolve(new Response(real(url.slice(`${BASE}data/`.length)))));
    const fatal: [string, string][] = [];
    startLoading(fakeState() as unknown as AtlasState, { onLoaded: () => {}, onFatal: (m, hint) => fatal.push([m, hint]), onPartError: () => {} }, async () => ({ pinyinOf: () => ({ full: '', initials: '' }) }));
    await vi.waitFor(() => expect(fatal).toHaveLength(1));
    expect(fatal[0][0]).toMatch(/^items\.geojson: is (\d+ KB, )?more than the 1 KB this page can load$/);
    expect(fatal[0][1]).toBe('data_too_large_hint');
  });
});
