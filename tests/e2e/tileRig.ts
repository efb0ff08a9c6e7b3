/**
 * A local tile server for the street basemaps, inside Playwright: each provider's hosts are routed
 * to PNGs generated on the fly (nothing reaches the internet). Every tile is a light grid with one
 * magenta cross centred on a known place — for osm/tianditu a landmark's WGS-84 position, for amap
 * its GCJ-02 one — so a test can read the canvas and see whether our symbol sits on the mark.
 */
import type { Page, Route } from '@playwright/test';
import { deflateSync } from 'node:zlib';

export const MARK = { r: [11, 30] as const, half: 1.5, rgb: [255, 0, 255] as const };
const BG = [236, 233, 226];
const GRID = [205, 200, 190];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An RGBA image (width × height × 4 bytes) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Web Mercator world pixel of a position at zoom z for 256-px tiles. */
export function worldPixel([lng, lat]: readonly number[], z: number): [number, number] {
  const size = 256 * 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

/** The plain tile (light paper, a 64-px grid) and a transparent one, encoded once. */
let plain: Buffer | undefined;
let clear: Buffer | undefined;

/** Tile z/x/y with the cross at `mark` (where it falls in this tile); transparent when `blank`. */
export function tilePng(z: number, x: number, y: number, mark: readonly number[], blank = false): Buffer {
  if (blank) return (clear ??= encodePng(256, 256, new Uint8Array(256 * 256 * 4)));
  const [mx, my] = worldPixel(mark, z);
  const reach = MARK.r[1] + 2;
  const touches = mx + reach >= x * 256 && mx - reach <= (x + 1) * 256 && my + reach >= y * 256 && my - reach <= (y + 1) * 256;
  if (!touches && plain) return plain; // most tiles: no mark, same bytes
  const px = new Uint8Array(256 * 256 * 4);
  const inArm = (a: number, b: number) => a <= MARK.half && b >= MARK.r[0] && b <= MARK.r[1];
  for (let j = 0; j < 256; j++) {
    for (let i = 0; i < 256; i++) {
      const o = (j * 256 + i) * 4;
      const dx = Math.abs(x * 256 + i + 0.5 - mx);
      const dy = Math.abs(y * 256 + j + 0.5 - my);
      const rgb = touches && (inArm(dy, dx) || inArm(dx, dy)) ? MARK.rgb : i % 64 === 0 || j % 64 === 0 ? GRID : BG;
      px[o] = rgb[0];
      px[o + 1] = rgb[1];
      px[o + 2] = rgb[2];
      px[o + 3] = 255;
    }
  }
  const png = encodePng(256, 256, px);
  if (!touches) plain = png;
  return png;
}

export type Provider = 'osm' | 'tianditu' | 'amap';
/** What each provider's tile server answers: tiles with the mark, an HTTP error, or nothing ever. */
export type Behaviour = { mark: readonly number[] } | { status: number } | 'hang';

/** The provider's hosts, as the app's default templates name them. */
const HOSTS: Record<Provider, RegExp> = {
  osm: /^https:\/\/tile\.openstreetmap\.org\//,
  tianditu: /^https:\/\/t\d\.tianditu\.gov\.cn\//,
  amap: /^https:\/\/webrd0\d\.is\.autonavi\.com\//,
};

function tileOf(provider: Provider, url: URL): { z: number; x: number; y: number; blank: boolean } {
  const q = (k: string) => Number(url.searchParams.get(k));
  if (provider === 'osm') {
    const [z, x, y] = url.pathname.replace(/\.png$/, '').split('/').slice(1).map(Number);
    return { z, x, y, blank: false };
  }
  if (provider === 'tianditu') return { z: q('TILEMATRIX'), x: q('TILECOL'), y: q('TILEROW'), blank: url.pathname.startsWith('/cva_w') };
  return { z: q('z'), x: q('x'), y: q('y'), blank: false };
}

/**
 * Serves `provider`'s hosts from this rig. Registered after the fixture's off-host guard, so it wins
 * (Playwright tries the most recently registered route first). Returns the URLs it was asked for.
 */
export async function serveTiles(page: Page, provider: Provider, behaviour: Behaviour): Promise<string[]> {
  const asked: string[] = [];
  await page.route(HOSTS[provider], async (route: Route) => {
    const url = route.request().url();
    asked.push(url);
    if (behaviour === 'hang') return; // never answered: the app's own clock must notice
    if ('status' in behaviour) return route.fulfill({ status: behaviour.status, body: 'no', headers: { 'access-control-allow-origin': '*' } });
    const t = tileOf(provider, new URL(url));
    return route.fulfill({
      status: 200,
      contentType: 'image/png',
      headers: { 'access-control-allow-origin': '*' },
      body: tilePng(t.z, t.x, t.y, behaviour.mark, t.blank),
    });
  });
  return asked;
}
