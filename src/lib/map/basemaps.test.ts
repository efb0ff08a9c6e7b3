import { describe, expect, it } from 'vitest';
import { basemapConfig, basemapOrigins, isBasemap, streetLayers, tiandituKey } from './basemaps';

describe('basemap config', () => {
  const defaults = basemapConfig({});

  it('knows the four choices and nothing else', () => {
    expect(['offline', 'osm', 'tianditu', 'amap'].every(isBasemap)).toBe(true);
    expect(isBasemap('google')).toBe(false);
  });

  it('lists exactly the origins each choice contacts', () => {
    expect(basemapOrigins(defaults)).toEqual({
      offline: [],
      osm: ['https://tile.openstreetmap.org'],
      tianditu: [0, 1, 2, 3].map((n) => `https://t${n}.tianditu.gov.cn`),
      amap: [1, 2, 3, 4].map((n) => `https://webrd0${n}.is.autonavi.com`),
    });
  });

  it('takes a deployer’s templates from the build environment', () => {
    const c = basemapConfig({ VITE_OSM_TILES: 'https://tiles.example.org/osm/{z}/{x}/{y}.png', VITE_AMAP_TILES: ' ' });
    expect(basemapOrigins(c).osm).toEqual(['https://tiles.example.org']);
    expect(streetLayers(c, 'osm', '')?.layers).toEqual([['https://tiles.example.org/osm/{z}/{x}/{y}.png']]);
    expect(basemapOrigins(c).amap).toEqual(basemapOrigins(defaults).amap); // blank → default
  });

  it('needs a key for 天地图 and puts it in the tile URLs only', () => {
    expect(streetLayers(defaults, 'tianditu', '')).toBeNull();
    const s = streetLayers(defaults, 'tianditu', 'k&1')!;
    expect(s.layers).toHaveLength(2); // vec_w under cva_w
    expect(s.layers[0][0]).toContain('/vec_w/');
    expect(s.layers[1][0]).toContain('/cva_w/');
    expect(s.layers.flat().every((u) => u.endsWith('tk=k%261'))).toBe(true);
    expect(s.datum).toBe('wgs84');
  });

  it('prefers the build key over the stored one', () => {
    expect(tiandituKey(defaults, ' mine ')).toBe('mine');
    expect(tiandituKey(basemapConfig({ VITE_TIANDITU_KEY: 'built' }), 'mine')).toBe('built');
    expect(tiandituKey(defaults, null)).toBe('');
  });

  it('draws amap in GCJ-02 and the others in WGS-84, each with its credit', () => {
    expect(streetLayers(defaults, 'amap', '')!.datum).toBe('gcj02');
    expect(streetLayers(defaults, 'osm', '')!.datum).toBe('wgs84');
    expect(streetLayers(defaults, 'osm', '')!.attribution).toContain('OpenStreetMap');
    expect(streetLayers(defaults, 'amap', '')!.attribution).toContain('高德');
  });
});
