/**
 * Street basemaps against the local tile rig (tileRig.ts): the item symbol for 辽沈战役纪念馆 is read
 * from the canvas and must sit on the tile's mark — placed at the memorial's WGS-84 position for
 * osm/tianditu and at its GCJ-02 position for amap — within 3 px. Then every failure kind falls
 * back to the offline basemap with a notice, keeping view, filters and the open item.
 */
import gcoord from 'gcoord';
import type { Page } from '@playwright/test';
import { CATEGORY_COLOURS } from '../../src/lib/taxonomy';
import { expect, goInApp, test } from './fixtures';
import { MARK, serveTiles, type Provider } from './tileRig';

const ID = 'liaoshen-zhanyi-jinianguan';
const WGS: [number, number] = [121.142553, 41.127313]; // public/data/items.geojson
const GCJ = gcoord.transform([...WGS] as [number, number], gcoord.WGS84, gcoord.GCJ02);
const ZOOM = 16;
const HASH = `#map=${ZOOM}/${WGS[1]}/${WGS[0]}`;
const SYMBOL_RGB = [0xad, 0x68, 0x00]; // culture_tourism
const KEY = 'linghe-atlas:tianditu-key';

// Tile routing, pixel reads and a deliberate 10 s hang: more than the default minute on a busy 2-core host.
test.describe.configure({ timeout: 150_000 });

/** Map idle, with room for a busy host (software WebGL shared by many processes). */
async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__atlasMap;
    return !!map && map.isStyleLoaded() && map.loaded() && !map.isMoving();
  }, undefined, { timeout: 90_000 });
}

interface Found {
  mark: [number, number] | null;
  symbol: [number, number] | null;
}

/**
 * Centres of the tile mark (bbox of its magenta arms, which reach past the symbol) and of the item
 * symbol (bbox of its category-coloured ring, looked for near the mark), read from one rendered frame.
 */
async function markAndSymbol(page: Page): Promise<Found> {
  expect(SYMBOL_RGB).toEqual(CATEGORY_COLOURS.culture_tourism.match(/\w\w/g)!.map((h) => parseInt(h, 16)));
  return page.evaluate(
    ({ mark, symbol }) =>
      new Promise<Found>((resolve) => {
        const map = (window as any).__atlasMap;
        // Labels could cover an arm of the mark; the alignment of shapes is what is checked.
        for (const id of ['items-label', 'items-label-line', 'context-label', 'district-label']) map.setLayoutProperty(id, 'visibility', 'none');
        map.once('render', () => {
          const gl = map.getCanvas() as HTMLCanvasElement;
          const c = document.createElement('canvas');
          c.width = gl.width;
          c.height = gl.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(gl, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          const near = (o: number, rgb: number[], tol: number) =>
            Math.abs(d[o] - rgb[0]) + Math.abs(d[o + 1] - rgb[1]) + Math.abs(d[o + 2] - rgb[2]) <= tol;
          const box = (test: (x: number, y: number) => boolean, x0 = 0, y0 = 0, x1 = c.width, y1 = c.height): [number, number] | null => {
            let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
            for (let y = Math.max(0, y0); y < Math.min(c.height, y1); y++)
              for (let x = Math.max(0, x0); x < Math.min(c.width, x1); x++)
                if (test(x, y)) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
            return minX === Infinity ? null : [(minX + maxX + 1) / 2, (minY + maxY + 1) / 2];
          };
          const m = box((x, y) => near((y * c.width + x) * 4, mark, 60));
          const s = m && box((x, y) => near((y * c.width + x) * 4, symbol, 60), m[0] - 20, m[1] - 20, m[0] + 20, m[1] + 20);
          resolve({ mark: m, symbol: s });
        });
        map.triggerRepaint();
      }),
    { mark: [...MARK.rgb], symbol: SYMBOL_RGB },
  );
}

async function choose(page: Page, id: string) {
  await page.getByTestId('basemap').getByRole('combobox').selectOption(id);
}

const mapState = (page: Page) =>
  page.evaluate(() => {
    const map = (window as any).__atlasMap;
    const c = map.getCenter();
    return { street: !!map.getSource('street-0'), lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });

for (const [provider, at] of [
  ['osm', WGS],
  ['tianditu', WGS],
  ['amap', GCJ],
] as [Provider, number[]][]) {
  test(`${provider}: the memorial's symbol is drawn on the tile mark`, async ({ page }) => {
    const asked = await serveTiles(page, provider, { mark: at });
    if (provider === 'tianditu') await page.addInitScript((k) => localStorage.setItem(k, 'test-key'), KEY);
    await page.goto(`/?q=${encodeURIComponent('辽沈战役纪念馆')}&basemap=${provider}${HASH}`);
    await waitForMapIdle(page);
    await expect.poll(async () => (await mapState(page)).street, { timeout: 60_000 }).toBe(true);
    await waitForMapIdle(page);
    expect(asked.length).toBeGreaterThan(0);
    if (provider === 'tianditu') expect(asked.every((u) => u.includes('tk=test-key'))).toBe(true);
    const { mark, symbol } = await markAndSymbol(page);
    expect(mark, 'tile mark on screen').not.toBeNull();
    expect(symbol, 'item symbol near the mark').not.toBeNull();
    expect(Math.hypot(mark![0] - symbol![0], mark![1] - symbol![1])).toBeLessThanOrEqual(3);
    // The URL keeps WGS-84 (the hash is not shifted) and names the basemap; the key is never in it.
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#map=16\/41\.1273\d*\/121\.1425\d*$/);
    expect(page.url()).toContain(`basemap=${provider}`);
    expect(page.url()).not.toContain('test-key');
    // The credit for this provider, on one line until expanded.
    const attrib = page.locator('.maplibregl-ctrl-attrib');
    await expect(attrib).toContainText(provider === 'osm' ? 'OpenStreetMap contributors' : provider === 'amap' ? '高德' : '天地图');
    expect((await attrib.boundingBox())!.height).toBeLessThanOrEqual(30);
    // ...and first in that line, so the ellipsis never hides it.
    expect(await attrib.locator('.maplibregl-ctrl-attrib-inner').innerHTML()).toMatch(provider === 'osm' ? /^© <a[^>]*>OpenStreetMap/ : provider === 'amap' ? /^© 高德/ : /^© 天地图/);

    if (provider === 'amap') {
      // Hit-test on the shifted symbol opens the item.
      const box = (await page.getByTestId('map').boundingBox())!;
      await page.mouse.click(box.x + symbol![0], box.y + symbol![1]);
      await expect(page.getByTestId('item-detail')).toBeVisible();
      expect(page.url()).toContain(`item=${ID}`);
      // Back to offline: data and camera unshifted, the same ground in the centre. Opening the item
      // framed it around the map's overlays, so the ground is where the GCJ-02 centre was, not the memorial.
      await waitForMapIdle(page);
      const shifted = await mapState(page);
      const ground = gcoord.transform([shifted.lng, shifted.lat] as [number, number], gcoord.GCJ02, gcoord.WGS84);
      await choose(page, 'offline');
      await waitForMapIdle(page);
      const s = await mapState(page);
      expect(s.street).toBe(false);
      expect(s.lng).toBeCloseTo(ground[0], 5);
      expect(s.lat).toBeCloseTo(ground[1], 5);
      const hit = await page.evaluate(([lng, lat]) => {
        const map = (window as any).__atlasMap;
        return map.queryRenderedFeatures(map.project([lng, lat]), { layers: ['items-point'] }).map((f: any) => f.properties.id);
      }, WGS);
      expect(hit).toContain(ID);
      expect(page.url()).not.toContain('basemap=');
    }
    if (provider === 'osm' && process.env.SCREENSHOTS_OSM) {
      for (const id of ['items-label', 'items-label-line', 'context-label', 'district-label']) {
        await page.evaluate((l) => (window as any).__atlasMap.setLayoutProperty(l, 'visibility', 'visible'), id);
      }
      await page.screenshot({ path: 'docs/screenshots/osm.png' });
    }
  });
}

test('choosing a basemap works with the keyboard, and 天地图 asks for a key it keeps out of the URL', async ({ page }) => {
  const asked = await serveTiles(page, 'tianditu', { mark: WGS });
  await page.goto('/');
  await waitForMapIdle(page);
  const select = page.getByTestId('basemap').getByRole('combobox', { name: '底图' });
  await expect(select.locator('option[value="tianditu"]')).toHaveText('天地图（需要密钥）');
  await select.selectOption('tianditu');
  // No key yet: the choice stays offline and a form asks for one; nothing was requested.
  await expect(select).toHaveValue('offline');
  expect(asked).toEqual([]);
  const key = page.getByLabel('天地图密钥（tk）');
  await key.fill('typed-key');
  await key.press('Enter');
  await expect(select).toHaveValue('tianditu');
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  expect(asked[0]).toContain('tk=typed-key');
  expect(page.url()).toContain('basemap=tianditu');
  expect(page.url()).not.toContain('typed-key');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe('typed-key');
  // Keyboard: focus the select and step back to the offline basemap.
  await select.focus();
  await page.keyboard.press('Home');
  await expect(select).toHaveValue('offline');
  await expect.poll(async () => (await mapState(page)).street).toBe(false);
});

test.describe('failing tiles fall back to offline, with a notice, keeping the state', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: the server responded with a status of (403|500)/] });
  const START = `/?year=2022&item=${ID}`;

  // The four failure kinds in one page, one after another (a step each, named as the tests they
  // were): each step serves osm its own way (the newest route wins), chooses it, sees the fallback,
  // and dismisses the notice; then amap with the browser offline. One load of the map instead of
  // four; the hang's tile requests are never answered.
  test('osm answering 403, 500, or hanging; the browser being offline', async ({ page, context, guard }) => {
    test.setTimeout(240_000);
    await page.goto(`${START}${HASH}`);
    await waitForMapIdle(page);
    await expect(page.getByTestId('item-detail')).toBeVisible();
    for (const [name, behaviour, why] of [
      ['403', { status: 403 }, 'HTTP 403'],
      ['500', { status: 500 }, 'HTTP 500'],
      ['hanging', 'hang', '10 秒内没有收到瓦片'],
    ] as const) {
      await test.step(`osm answering ${name}`, async () => {
        const asked = await serveTiles(page, 'osm', behaviour);
        const before = await mapState(page);
        expect(before.street).toBe(false);
        const steps = await page.evaluate(() => history.length);
        await choose(page, 'osm');
        const notice = page.getByTestId('notice').filter({ hasText: 'OpenStreetMap' });
        await expect(notice).toContainText(why, { timeout: 20_000 });
        // One history step (the choice); the fallback corrects it in place, so Back leads to
        // before the choice, not to the basemap that failed.
        expect(await page.evaluate(() => history.length)).toBe(steps + 1);
        await expect(page.getByTestId('basemap').getByRole('combobox')).toHaveValue('offline');
        const after = await mapState(page);
        expect(after).toEqual({ ...before, street: false });
        await expect(page.getByTestId('item-detail')).toBeVisible();
        expect(page.url()).toContain('year=2022');
        expect(page.url()).toContain(`item=${ID}`);
        expect(page.url()).not.toContain('basemap=');
        expect(asked.length).toBeGreaterThan(0);
        // Bounded: no retries after the fallback.
        const n = asked.length;
        await page.mouse.move(700, 400);
        await page.mouse.wheel(0, -300);
        await waitForMapIdle(page);
        expect(asked.length).toBe(n);
        expect(guard.pageErrors).toEqual([]);
        await notice.getByRole('button', { name: '关闭提示' }).click();
        await expect(notice).toHaveCount(0);
      });
    }

    await test.step('the browser being offline', async () => {
      const asked = await serveTiles(page, 'amap', { mark: GCJ });
      // Back on the memorial (the steps above zoomed with the wheel), in English, in-app.
      await goInApp(page, `/?lang=en&item=${ID}${HASH}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await waitForMapIdle(page);
      // The pinyin chunk loads after the map's first idle: let it arrive before the network goes,
      // or its failed fetch (a notice of its own) would be part of this test.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/assets/pinyin-')), undefined, { timeout: 60_000 });
      await context.setOffline(true);
      await choose(page, 'amap');
      await expect(page.getByTestId('notice').filter({ hasText: 'AMap' })).toContainText('the browser is offline');
      expect(asked).toEqual([]);
      // The camera went nowhere: still the WGS-84 memorial, unshifted.
      const s = await mapState(page);
      expect(s.lng).toBeCloseTo(WGS[0], 5);
      await context.setOffline(false);
    });
  });
});
