import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GazetteerEntry, Location, type ItemDraft } from '../../src/lib/schema';
import type { GeocodeEntry, GeocodeResult, Provider } from './cache';
import { geocodeGazetteerEntries, levelPrecision, locateFromGeocodes } from './locate';

/**
 * Stand-in for Linghe: the district's WGS-84 extent from the shared geodata README
 * (121.124–121.250 E, 41.093–41.157 N) as a rectangle. Enough to tell inside from far outside.
 */
function linghe(): Feature<Polygon> {
  const [w, s, e, n] = [121.124, 41.093, 121.25, 41.157];
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
  };
}

function draft(id = 'liaoshen-memorial'): ItemDraft {
  return {
    id, name: '辽沈战役纪念馆', name_en: 'Liaoshen Campaign Memorial', category: 'culture_tourism',
    neighbourhoods: [], claims: [],
    mentions: [{ start: 0, end: 1, quote: 'x', section: '一', sentence: 0, years: [2021], status: 'completed', status_words: '', status_rule: 't' }],
  };
}

function entry(provider: Provider, level: string, over: Partial<GeocodeResult> = {}, extra: Partial<GeocodeEntry> = {}): GeocodeEntry {
  const amap = provider === 'amap';
  return {
    item_id: 'liaoshen-memorial', provider, query: '锦州市凌河区 辽沈战役纪念馆', date: '2024-05-01', status: 'ok',
    result: {
      lon: amap ? 121.148175 : 121.1425528, lat: amap ? 41.129367 : 41.1273126, crs: amap ? 'GCJ-02' : 'WGS-84',
      lon_wgs84: 121.142553, lat_wgs84: 41.127313, display_name: '辽沈战役纪念馆', level, confidence: null, ...over,
    },
    ...extra,
  };
}

describe('levelPrecision', () => {
  it.each([
    ['amap', '兴趣点', 150], ['amap', '门牌号', 150], ['amap', '道路', 500], ['amap', '村庄', 1000],
    ['nominatim', 'tourism', 150], ['nominatim', 'road', 500], ['nominatim', 'village', 1000],
  ] as const)('%s level %s → near %i m', (provider, level, m) => {
    expect(levelPrecision(provider, entry(provider, level).result!)).toEqual({ precision: 'near', uncertainty_m: m });
  });

  it.each([['amap', '区县'], ['amap', '市'], ['amap', '开发区'], ['nominatim', 'suburb'], ['nominatim', 'city']] as const)(
    '%s level %s is no better than the district',
    (provider, level) => {
      expect(levelPrecision(provider, entry(provider, level, { place_rank: 16 }).result!)).toBeNull();
    },
  );

  it('reads Nominatim place_rank when the addresstype is unfamiliar', () => {
    expect(levelPrecision('nominatim', entry('nominatim', 'yes', { place_rank: 30 }).result!)?.uncertainty_m).toBe(150);
    expect(levelPrecision('nominatim', entry('nominatim', 'yes', { place_rank: 26 }).result!)?.uncertainty_m).toBe(500);
  });
});

describe('locateFromGeocodes', () => {
  it('locates near a POI answer with cited evidence in the source CRS', () => {
    const loc = locateFromGeocodes(draft(), [entry('amap', '兴趣点')], linghe());
    expect(Location.parse(loc)).toEqual(loc);
    expect(loc).toMatchObject({
      precision: 'near', uncertainty_m: 150, method: 'geocoder:amap',
      geometry: { type: 'Point', coordinates: [121.142553, 41.127313] },
    });
    expect(loc!.evidence).toEqual([{
      source: 'geocode:amap:liaoshen-memorial',
      says: '辽沈战役纪念馆 (level: 兴趣点; query: 锦州市凌河区 辽沈战役纪念馆; date: 2024-05-01)',
      src_coordinates: [121.148175, 41.129367],
      src_crs: 'GCJ-02',
    }]);
  });

  it('treats a road match as a point near the road, not a line', () => {
    const loc = locateFromGeocodes(draft(), [entry('amap', '道路')], linghe());
    expect(loc).toMatchObject({ precision: 'near', uncertainty_m: 500, geometry: { type: 'Point' } });
  });

  it('returns null for a district-level answer', () => {
    expect(locateFromGeocodes(draft(), [entry('amap', '区县')], linghe())).toBeNull();
  });

  it('rejects an answer outside Linghe', () => {
    const outside = entry('amap', '兴趣点', { lon_wgs84: 121.07, lat_wgs84: 40.83 }); // the coast, not Linghe
    expect(locateFromGeocodes(draft(), [outside], linghe())).toBeNull();
  });

  it('returns null for no_result and for other items', () => {
    const none: GeocodeEntry = { item_id: 'liaoshen-memorial', provider: 'amap', query: 'q', date: '2024-05-01', status: 'no_result' };
    expect(locateFromGeocodes(draft(), [none], linghe())).toBeNull();
    expect(locateFromGeocodes(draft('other-item'), [entry('amap', '兴趣点')], linghe())).toBeNull();
  });

  it('picks the tighter answer across providers', () => {
    const loc = locateFromGeocodes(draft(), [entry('amap', '道路'), entry('nominatim', 'tourism', { place_rank: 30 })], linghe());
    expect(loc).toMatchObject({ method: 'geocoder:nominatim', uncertainty_m: 150 });
    expect(loc!.evidence[0].src_crs).toBe('WGS-84');
  });

  it('uses the latest answer of a provider, so a reworded query replaces the old one', () => {
    const old = entry('amap', '兴趣点', {}, { query: 'old query', date: '2024-01-01' });
    const latest: GeocodeEntry = { item_id: 'liaoshen-memorial', provider: 'amap', query: 'new query', date: '2024-06-01', status: 'no_result' };
    expect(locateFromGeocodes(draft(), [old, latest], linghe())).toBeNull();
  });
});

describe('geocodeGazetteerEntries', () => {
  it('gives every evidence source of locateFromGeocodes a valid gazetteer entry', () => {
    const entries = [entry('amap', '兴趣点'), entry('nominatim', 'tourism'), { ...entry('amap', '兴趣点'), item_id: 'b-item' }];
    const gazetteer = geocodeGazetteerEntries(entries);
    for (const g of gazetteer) GazetteerEntry.parse(g);
    expect(gazetteer.map((g) => g.id)).toEqual([
      'geocode:amap:b-item', 'geocode:amap:liaoshen-memorial', 'geocode:nominatim:liaoshen-memorial',
    ]);
    const loc = locateFromGeocodes(draft(), entries, linghe())!;
    const cited = gazetteer.find((g) => g.id === loc.evidence[0].source)!;
    expect(cited.coordinates).toEqual(loc.geometry!.type === 'Point' ? loc.geometry!.coordinates : null);
    expect(cited.src_coordinates).toEqual(loc.evidence[0].src_coordinates);
  });

  it('leaves out no_result answers', () => {
    const none: GeocodeEntry = { item_id: 'x', provider: 'nominatim', query: 'q', date: '2024-05-01', status: 'no_result' };
    expect(geocodeGazetteerEntries([none])).toEqual([]);
  });
});
