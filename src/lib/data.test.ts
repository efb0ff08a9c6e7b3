import { describe, expect, it } from 'vitest';
import { DataError, loadFile } from './data';
import { ContextCollection } from './schema';

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
