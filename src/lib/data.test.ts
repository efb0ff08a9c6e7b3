import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError, FAST_VALIDATE_BYTES, fetchFile, loadFile, loadReport } from './data';
import { isValid } from './isValid';
import { ContextCollection, ItemCollection } from './schema';

const BASE = 'http://127.0.0.1:4173/atlas/';

function fakeFetch(status: number, body: string): typeof fetch {
  return (async (url: string | URL | Request) => {
    expect(String(url)).toBe(`${BASE}data/basemap/context.geojson`);
    return new Response(body, { status, statusText: status === 404 ? 'Not Found' : '' });
  }) as typeof fetch;
}

const load = (status: number, body: string) =>
  loadFile('basemap/context.geojson', ContextCollection, { fetcher: fakeFetch(status, body), base: BASE });

describe('loadFile', () => {
  it('parses a valid file with the schema', async () => {
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [121.135383, 41.123213] }, properties: { id: 'osm:jinzhou', name: '锦州站', kind: 'station' } },
      ],
    });
    const data = await load(200, body);
    expect(data.features[0].properties.name).toBe('锦州站');
  });

  it('names the file and the HTTP status when it is missing', async () => {
    await expect(load(404, 'nope')).rejects.toThrow(new DataError('basemap/context.geojson', 'HTTP 404 Not Found'));
  });

  it('names the file when it is not JSON', async () => {
    await expect(load(200, '{"type": "Feat')).rejects.toThrow('basemap/context.geojson: is not valid JSON');
  });

  it('names the path of the first schema problems', async () => {
    const body = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [500, 41] }, properties: { id: 'x', name: 'y', kind: 'z' } }] });
    await expect(load(200, body)).rejects.toThrow(/does not match the schema: features\.0\.geometry\.coordinates\.0/);
  });
});

describe('readable issues without a zod locale', () => {
  it('says what was expected, after the path', async () => {
    const body = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [500, 41] }, properties: { id: 'x', name: 1, kind: 'z' } }] });
    const err = await load(200, body).then(
      () => expect.unreachable('an off-schema file must be rejected'),
      (e: DataError) => e,
    );
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toContain('features.0.geometry.coordinates.0: expected number <= 180');
    expect(err.message).toContain('features.0.properties.name: expected string, received number');
  });
});

/** A context file of `n` stations (about 110 bytes each), so a few ten thousand pass FAST_VALIDATE_BYTES. */
function bigContext(n: number) {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [121 + i / 1e6, 41.1] },
      properties: { id: `s${i}`, name: `站${i}`, kind: 'station' },
    })),
  };
}

describe('big files are checked in place', () => {
  const loadBig = (json: unknown) => {
    const body = JSON.stringify(json);
    expect(body.length).toBeGreaterThanOrEqual(FAST_VALIDATE_BYTES);
    return loadFile('basemap/context.geojson', ContextCollection, { fetcher: fakeFetch(200, body), base: BASE, checkInPlace: true });
  };

  it('returns a valid big file as parsed', async () => {
    const json = bigContext(12_000);
    expect(await loadBig(json)).toEqual(ContextCollection.parse(json));
  });

  it('still names the path of a problem deep inside a big file', async () => {
    const json = bigContext(12_000);
    json.features[9000].geometry.coordinates[1] = 95;
    await expect(loadBig(json)).rejects.toThrow(/features\.9000\.geometry\.coordinates\.1: expected number <= 90/);
  });

  it('agrees with the parse on the real item file and on broken copies of it', () => {
    const items = JSON.parse(readFileSync(new URL('../../public/data/items.geojson', import.meta.url), 'utf8'));
    expect(isValid(ItemCollection, items)).toBe(true);
    const breakages: ((f: any) => void)[] = [
      (f) => (f.properties.mentions[0].years = []),
      (f) => (f.properties.category = 'airport'),
      (f) => delete f.properties.claims,
      (f) => (f.id = 'Not Kebab'),
      (f) => (f.properties.location.uncertainty_m = -1),
      (f) => (f.id = items.features[0].id), // a duplicate id: the keyed list and URLs need unique ones
    ];
    for (const breakIt of breakages) {
      const copy = structuredClone(items);
      breakIt(copy.features[copy.features.length - 1]);
      expect(ItemCollection.safeParse(copy).success).toBe(false);
      expect(isValid(ItemCollection, copy)).toBe(false);
    }
  });
});

describe('duplicate item ids', () => {
  it('are refused by the shared schema, naming the id and where the second copy is', () => {
    const items = JSON.parse(readFileSync(new URL('../../public/data/items.geojson', import.meta.url), 'utf8'));
    items.features[5].id = items.features[2].id;
    const r = ItemCollection.safeParse(items);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['features', 5, 'id'], message: `duplicate item id "${items.features[2].id}"` })]);
  });
});

describe('a file fetched early and parsed later', () => {
  it('reports a failed fetch only when parsed, naming the file', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const response = fetchFile('report.json', { fetcher: (async () => new Response('', { status: 404, statusText: 'Not Found' })) as typeof fetch, base: BASE });
    await new Promise((r) => setTimeout(r, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    await expect(loadReport(response)).rejects.toThrow('report.json: HTTP 404 Not Found');
  });
});

describe('the size limit', () => {
  const tiny = JSON.stringify({ type: 'FeatureCollection', features: [] });
  const fetcherOf = (response: () => Response) => (async () => response()) as unknown as typeof fetch;
  const loadWith = (response: () => Response, maxBytes: number) =>
    loadFile('basemap/context.geojson', ContextCollection, { fetcher: fetcherOf(response), base: BASE, maxBytes });

  it('refuses a file whose Content-Length is over the limit, as too large and not as invalid JSON', async () => {
    const err = await loadWith(() => new Response(tiny, { headers: { 'content-length': '900000000' } }), 1_000_000).catch((e: DataError) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).kind).toBe('too_large');
    expect((err as DataError).message).toBe('basemap/context.geojson: is 900 MB, more than the 1.0 MB this page can load');
  });

  it('counts streamed bytes when there is no Content-Length, and stops reading at the limit', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1000).fill(32)); // endless spaces
      },
    });
    const err = await loadWith(() => new Response(body), 10_500).catch((e: DataError) => e);
    expect((err as DataError).kind).toBe('too_large');
    expect((err as DataError).reason).toBe('is more than the 11 KB this page can load');
    expect(pulled).toBeLessThan(20); // it did not read on forever
  });

  it('reads a file under the limit, multi-byte characters split across chunks included', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [121.1, 41.1] }, properties: { id: 'a', name: '锦州站', kind: 'station' } }] });
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7));
        c.close();
      },
    });
    const data = await loadWith(() => new Response(body), bytes.length);
    expect(data.features[0].properties.name).toBe('锦州站');
  });

  it('still calls broken JSON under the limit invalid', async () => {
    const err = await loadWith(() => new Response('{"type": "Feat'), 1000).catch((e: DataError) => e);
    expect((err as DataError).kind).toBe('invalid');
  });
});
