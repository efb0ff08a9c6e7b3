/**
 * A static before/after picture of one reviewed contribution, as a small SVG a reviewer opens in
 * any browser or image viewer (no tiles, no network): Linghe's outline for orientation, the item's
 * geometry before (grey, dashed), the contributed one after (red) with its claimed radius, and a
 * caption. Pure: the CLI writes it next to the contribution file.
 */
import type { Feature, FeatureCollection, Geometry as GjGeometry } from 'geojson';
import { escapeHtml } from '../../src/lib/escapeHtml';
import { bboxOf, positions } from '../../src/lib/geometry';
import type { Geometry, Position } from '../../src/lib/schema';

export const SVG_SIZE = { width: 640, height: 440, caption: 64 };
/** Around a lone point (or a tiny shape) the picture shows at least this much ground. */
const MIN_SPAN_M = 800;
const M_PER_DEG_LAT = 111_320;

type Ring = readonly Position[];

/** The rings/lines of a geometry, as lists of positions ([] for a point). */
function paths(g: GjGeometry): Ring[] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates as Position[]];
    case 'Polygon':
      return g.coordinates as Position[][];
    case 'MultiLineString':
      return g.coordinates as Position[][];
    case 'MultiPolygon':
      return (g.coordinates as Position[][][]).flat();
    default:
      return [];
  }
}

export interface ReviewPicture {
  /** Linghe's outline (or any context outline), drawn faintly. */
  outline: GjGeometry | null;
  diff: FeatureCollection;
  caption: readonly string[];
}

/**
 * The view: the before and after geometries with a margin, at least MIN_SPAN_M across, in an
 * equirectangular projection scaled by cos(latitude) so that shapes keep their proportions.
 */
export function reviewSvg({ outline, diff, caption }: ReviewPicture): string {
  const { width: W, height: H, caption: CH } = SVG_SIZE;
  const feats = diff.features as Feature[];
  const box = bboxOf(feats.map((f) => f.geometry as Geometry)) ?? [121.1, 41.1, 121.2, 41.15];
  const [cx, cy] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  const kx = Math.cos((cy * Math.PI) / 180); // degrees of longitude are shorter than of latitude
  const mW = Math.max((box[2] - box[0]) * kx * M_PER_DEG_LAT, MIN_SPAN_M) * 1.3;
  const mH = Math.max((box[3] - box[1]) * M_PER_DEG_LAT, MIN_SPAN_M) * 1.3;
  const mPerPx = Math.max(mW / W, mH / (H - CH));
  const x = (p: Position) => (W / 2 + ((p[0] - cx) * kx * M_PER_DEG_LAT) / mPerPx).toFixed(1);
  const y = (p: Position) => ((H - CH) / 2 - ((p[1] - cy) * M_PER_DEG_LAT) / mPerPx).toFixed(1);
  const d = (g: GjGeometry) =>
    paths(g)
      .map((r) => `M${r.map((p) => `${x(p)} ${y(p)}`).join('L')}${g.type.endsWith('Polygon') ? 'Z' : ''}`)
      .join('');

  // Shapes are clipped to the map area (a nested <svg>); labels sit over it and in the caption.
  const out: string[] = [];
  const labels: string[] = [];
  if (outline) out.push(`<path class="outline" d="${d(outline)}" fill="none" stroke="#9a948a" stroke-width="1.5"/>`);
  for (const f of feats) {
    const g = f.geometry as Geometry;
    const after = f.properties?.role === 'after';
    const stroke = after ? '#b3261e' : '#55504a';
    const dash = after ? '' : ' stroke-dasharray="6 4"';
    const fill = after ? '#b3261e' : '#55504a';
    const role = after ? 'after' : 'before';
    if (g.type === 'Point') {
      out.push(`<circle class="${role}" cx="${x(g.coordinates)}" cy="${y(g.coordinates)}" r="5" fill="${fill}" stroke="#fff" stroke-width="1.5"/>`);
    } else {
      const area = g.type.endsWith('Polygon');
      out.push(`<path class="${role}" d="${d(g)}" fill="${area ? fill : 'none'}" fill-opacity="0.15" stroke="${stroke}" stroke-width="2.5"${dash}/>`);
    }
    const radius = Number(f.properties?.uncertainty_m);
    // The claimed radius around a point (a shape's radius is along its edge: not drawn).
    if (after && radius > 0 && g.type === 'Point') {
      const [px, py] = positions(g)[0];
      out.push(`<circle class="radius" cx="${x([px, py])}" cy="${y([px, py])}" r="${(radius / mPerPx).toFixed(1)}" fill="none" stroke="#b3261e" stroke-opacity="0.5" stroke-dasharray="2 3"/>`);
    }
  }
  // Scale bar: a round distance near a fifth of the width.
  const target = (W / 5) * mPerPx;
  const mag = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((k) => k * mag).find((m) => m <= target) ?? mag;
  const barPx = metres / mPerPx;
  const scaleY = H - CH - 12;
  labels.push(`<path class="scale" d="M12 ${scaleY}h${barPx.toFixed(1)}" stroke="#1d1b17" stroke-width="3"/>`);
  labels.push(`<text x="12" y="${scaleY - 6}" font-size="11">${metres >= 1000 ? `${metres / 1000} km` : `${metres} m`}</text>`);
  labels.push(`<text x="${W - 12}" y="18" font-size="11" text-anchor="end" fill="#55504a">- - before   — after (WGS-84)</text>`);
  // Three lines of the review summary; a long citation is cut, the terminal shows it whole.
  const cut = (line: string) => ([...line].length > 96 ? `${[...line].slice(0, 95).join('')}…` : line);
  caption.slice(0, 3).forEach((line, i) => labels.push(`<text class="caption" x="12" y="${H - CH + 18 + i * 16}" font-size="12">${escapeHtml(cut(line))}</text>`));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fbfaf7"/>`,
    `<svg x="0" y="0" width="${W}" height="${H - CH}" viewBox="0 0 ${W} ${H - CH}" overflow="hidden">`,
    ...out,
    '</svg>',
    ...labels,
    `<path d="M0 ${H - CH}H${W}" stroke="#d8d3c8"/>`,
    '</svg>',
    '',
  ].join('\n');
}
