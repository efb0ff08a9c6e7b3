/**
 * "I know where this is", end to end: a polygon drawn with the mouse (a vertex dragged, a step
 * undone), the evidence form, the downloaded file fed to `geo:contribute --accept` in a temporary
 * copy of the annotations and rebuilt: the item has that geometry, method `contributed` and the
 * citation, and nothing else changed. Then keyboard-only placing (axe clean in placing mode), and
 * placing with a finger at phone size.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyInputs, otherDifferences, REPO, runTs } from '../../geo/contribute/testkit';
import { expect, goInApp, test, seriousAxe } from './fixtures';

const ITEM = 'guizhou-xiaoqu'; // subdistrict only: named by the report, never placed
const SCREENSHOTS = process.env.CONTRIBUTE_SHOTS; // a folder: docs/correct-a-location.md's pictures

/** Screen point of [lon, lat] on the map. */
async function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as any).__atlasMap;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}


const status = (page: Page) => page.getByTestId('placing-status');

/**
 * The map has loaded its style and the item layers (placing needs no more). Not "idle": on a busy
 * 2-core host software WebGL may keep the map from ever being idle within a test's time.
 */
async function waitForMapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => !!(window as any).__atlasMap?.getLayer('items-point'), undefined, { timeout: 60_000 });
}

/** How many vertices the map has drawn (what a pointer can grab). */
const drawnVertices = (page: Page) =>
  page.evaluate(() => (window as any).__atlasMap.queryRenderedFeatures({ layers: ['placing-vertex'] }).length as number);

test('a polygon placed with the mouse becomes a reviewed, cited location through geo:contribute', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/?item=${ITEM}&lang=en#map=15.5/41.1210/121.1750`);
  await waitForMapReady(page);
  await page.getByTestId('place-item').click();
  await expect(page.getByTestId('placing')).toBeVisible();
  await expect(page.locator('#panel')).toHaveAttribute('inert', ''); // the map is the page while placing

  await page.waitForFunction(() => !!(window as any).__atlasMap.getLayer('placing-vertex'));
  // Four corners of a square in the free part of the map, right of the card.
  const card = (await page.getByTestId('placing').boundingBox())!;
  const map = (await page.getByTestId('map').boundingBox())!;
  const [x0, y0, side] = [Math.max(card.x + card.width, map.x) + 80, map.y + map.height / 2 - 60, 120];
  const corners = [{ x: x0, y: y0 }, { x: x0 + side, y: y0 }, { x: x0 + side, y: y0 + side }, { x: x0, y: y0 + side }];
  for (const [i, p] of corners.entries()) {
    await page.mouse.click(p.x, p.y);
    // One click at a time: two quick clicks would be a double click, which the map keeps for zooming.
    await expect(status(page)).toHaveAttribute('data-vertices', String(i + 1));
  }
  await expect.poll(() => drawnVertices(page), { timeout: 30_000 }).toBe(4);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'contribute-draw.png') });
  // Drag the third vertex outwards, then undo the drag as one step and redo it.
  const third = corners[2];
  const drag = async () => {
    await page.mouse.move(third.x, third.y);
    await page.mouse.down();
    await page.mouse.move(third.x + 30, third.y + 20, { steps: 4 });
    await page.mouse.up();
  };
  const shape = () => page.evaluate(() => JSON.stringify((window as any).__atlasMap.querySourceFeatures('placing').filter((f: any) => f.properties.role === 'vertex').map((f: any) => f.geometry.coordinates)));
  const before = await shape();
  await drag();
  await expect(status(page)).toHaveAttribute('data-vertices', '4');
  await expect.poll(shape).not.toBe(before);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(shape).toBe(before);
  await drag();
  await expect.poll(shape).not.toBe(before);

  await page.getByTestId('placing-next').click();
  await page.getByLabel('Kind of evidence').selectOption('on_site');
  await page.getByLabel('Citation (a URL or a description)').fill('Lived at 贵州小区 2009–2020; its gate is on the east side');
  await page.getByLabel('Your name (optional)').fill('Li Hua');
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'contribute-evidence.png') });
  await page.getByTestId('contribution-make').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contribution-download').click()]);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'contribute-done.png') });
  expect(download.suggestedFilename()).toMatch(new RegExp(`^contribution-${ITEM}-\\d{4}-\\d{2}-\\d{2}\\.json$`));

  const root = copyInputs('atlas-e2e-contribute-');
  try {
    const file = join(root, 'contribution.json');
    await download.saveAs(file);
    const sent = JSON.parse(readFileSync(file, 'utf8')).contributions[0];
    expect(sent.geometry.type).toBe('Polygon');
    expect(sent.geometry.coordinates[0]).toHaveLength(5); // four corners, closed

    const accept = runTs('geo/contribute/cli.ts', [file, '--accept', '--annotations', join(root, 'geo/annotations')]);
    expect(accept.stdout).toContain(`accepted 1 into`);
    expect(accept.status).toBe(0);
    const build = runTs('geo/cli.ts', [], { ATLAS_ROOT: root });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);

    const out = join(root, 'public/data');
    const placed = JSON.parse(readFileSync(join(out, 'items.geojson'), 'utf8')).features.find((f: { id: string }) => f.id === ITEM);
    const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
    expect(placed.geometry).toEqual({ type: 'Polygon', coordinates: [sent.geometry.coordinates[0].map(([x, y]: number[]) => [r6(x), r6(y)])] });
    expect(placed.properties.location).toMatchObject({
      precision: 'exact',
      method: 'contributed',
      evidence: [{ says: 'Lived at 贵州小区 2009–2020; its gate is on the east side' }],
      contribution: { kind: 'on_site', contributor: 'Li Hua' },
    });
    expect(otherDifferences(out, join(REPO, 'public/data'), ITEM)).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// The keyboard and the snapping checks share one page (a step each, named as the tests they were).
test('placing by keyboard alone, then snapping onto the district outline', async ({ page }) => {
  test.setTimeout(180_000);
  await test.step('placing by keyboard alone, axe clean in placing mode', async () => {
    await page.goto(`/?item=${ITEM}#map=15/41.1210/121.1750`);
    await waitForMapReady(page);
    const start = page.getByTestId('place-item');
    await start.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('placing')).toBeVisible();
    await expect(page.locator('#placing-title')).toBeFocused();

    // Tab to the keyboard pad: past the three shape radios (one tab stop) to the pad.
    const pad = page.getByTestId('placing-pad');
    for (let i = 0; i < 5 && !(await pad.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(pad).toBeFocused();
    for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) {
      await page.keyboard.press(`Shift+${key}`);
      if (key !== 'ArrowLeft' && key !== 'ArrowRight') await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveAttribute('data-vertices', '4');
    await page.keyboard.press('Backspace');
    await expect(status(page)).toHaveAttribute('data-vertices', '3');
    const cursor = () => page.evaluate(() => (window as any).__atlasMap.querySourceFeatures('placing').filter((f: any) => f.properties.role === 'cursor').length);
    await expect.poll(cursor).toBeGreaterThan(0); // the crosshair shows while the pad has the focus

    // Move an existing vertex: V picks the first, arrows move it, Escape puts it back, Enter keeps.
    const first = () => page.evaluate(() => (window as any).__atlasMap.querySourceFeatures('placing').find((f: any) => f.properties.role === 'vertex' && f.properties.index === 0).geometry.coordinates as [number, number]);
    const [lon0, lat0] = await first();
    await page.keyboard.press('v');
    await expect(page.getByTestId('placing-editing')).toHaveAttribute('data-index', '0');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(async () => (await first())[1]).toBeLessThan(lat0 - 1e-5);
    await page.keyboard.press('Escape'); // puts it back, stays in placing mode
    await expect(page.getByTestId('placing')).toBeVisible();
    await expect(page.getByTestId('placing-editing')).toHaveCount(0);
    await expect.poll(async () => (await first())[1]).toBeCloseTo(lat0, 5);
    await page.keyboard.press('v');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Enter'); // keeps the move: no vertex added
    await expect(page.getByTestId('placing-editing')).toHaveCount(0);
    await expect(status(page)).toHaveAttribute('data-vertices', '3');
    await expect.poll(async () => (await first())[1]).toBeLessThan(lat0 - 1e-5);
    expect((await first())[0]).toBeCloseTo(lon0, 5);
    expect(await seriousAxe(page)).toEqual([]);

    const next = page.getByTestId('placing-next');
    for (let i = 0; i < 6 && !(await next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#ev-kind')).toBeFocused();
    // Submitting without a citation names the field and puts the focus on it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // a textarea: Enter is a newline, the form is not sent
    await page.getByTestId('contribution-make').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#ev-citation')).toBeFocused();
    await expect(page.locator('#err-citation')).toBeVisible();
    expect(await seriousAxe(page)).toEqual([]);
    await page.keyboard.type('锦州市凌河区政府网站公告，2021年');
    await page.getByTestId('contribution-make').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#out-title')).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
      await page.getByTestId('contribution-download').focus();
      await page.keyboard.press('Enter');
    })()]);
    const sent = JSON.parse(readFileSync((await download.path())!, 'utf8')).contributions[0];
    expect(sent).toMatchObject({ item: ITEM, crs: 'WGS-84', evidence: { citation: '锦州市凌河区政府网站公告，2021年', precision: 'exact' } });
    expect(sent.geometry.coordinates[0]).toHaveLength(4);
    expect(sent.geometry.coordinates[0][0][1]).toBeLessThan(lat0 - 1e-5); // the moved vertex, as moved
    expect(await seriousAxe(page)).toEqual([]);

    // Escape leaves placing mode and the panel comes back.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('placing')).toHaveCount(0);
    await expect(page.getByTestId('item-detail')).toBeVisible();
  });

  await test.step('a click near the district outline snaps onto its vertex, exactly; with snapping off it does not', async () => {
    // A vertex of Linghe's outline, from the served file (the test does not pick its own numbers).
    const linghe = JSON.parse(readFileSync(join(REPO, 'public/data/basemap/boundaries.geojson'), 'utf8')).features.find((f: any) => f.properties.is_linghe);
    const ring = linghe.geometry.coordinates[0][0] as [number, number][];
    const target = ring[Math.floor(ring.length / 3)];
    // Opened in-app on the page the keyboard step used (placing mode left): one map load for both.
    await goInApp(page, `/?item=${ITEM}&lang=en#map=16/${target[1]}/${target[0]}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('placing')).toHaveCount(0);
    await page.getByTestId('place-item').click();
    await page.getByRole('radio', { name: 'Point' }).check();
    await page.waitForFunction(() => !!(window as any).__atlasMap.getLayer('placing-vertex'));
    const placed = () => page.evaluate(() => (window as any).__atlasMap.querySourceFeatures('placing').find((f: any) => f.properties.role === 'vertex')?.geometry.coordinates as [number, number] | undefined);

    const snap = page.getByTestId('placing-snap');
    await expect(snap).toBeChecked();
    await snap.uncheck();
    // Opening the item may still be moving the camera: take the target's screen point once it rests.
    await page.waitForFunction(() => !(window as any).__atlasMap.isMoving(), undefined, { timeout: 60_000 });
    let p = await screenPoint(page, target);
    await page.mouse.click(p.x + 6, p.y + 4); // 7 px away
    await expect(status(page)).toHaveAttribute('data-vertices', '1');
    // The status counts the vertex at once; the map's source has it once its worker has re-tiled.
    await expect.poll(placed).toBeDefined();
    const free = (await placed())!;
    expect(Math.abs(free[0] - target[0]) + Math.abs(free[1] - target[1])).toBeGreaterThan(1e-5);

    // Undo it (a click on a drawn vertex grabs it rather than placing), then again with snapping.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(status(page)).toHaveAttribute('data-vertices', '0');
    await snap.check();
    await page.waitForFunction(() => !(window as any).__atlasMap.isMoving(), undefined, { timeout: 60_000 });
    p = await screenPoint(page, target);
    await page.mouse.click(p.x + 6, p.y + 4);
    await expect(status(page)).toHaveAttribute('data-vertices', '1');
    await expect.poll(async () => Math.abs(((await placed()) ?? [Infinity])[0] - target[0])).toBeLessThan(3e-6);
    await page.getByTestId('placing-next').click();
    await page.getByLabel('Citation (a URL or a description)').fill('The district line runs along the fence here (site visit)');
    await page.getByTestId('contribution-make').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contribution-download').click()]);
    const sent = JSON.parse(readFileSync((await download.path())!, 'utf8')).contributions[0];
    expect(sent.geometry).toEqual({ type: 'Point', coordinates: target }); // the outline's own coordinates
  });
});

test('an accepted contribution shows as such: who and when in the detail, a quiet ring on the map', async ({ page }) => {
  test.setTimeout(120_000);
  // The item as `npm run geo` writes it after `geo:contribute --accept` (see the round trip above).
  await page.route('**/data/items.geojson', async (route) => {
    const body = JSON.parse(await (await route.fetch()).text());
    const f = body.features.find((x: any) => x.id === ITEM);
    f.geometry = { type: 'Point', coordinates: [121.175, 41.121] };
    f.properties.location = {
      precision: 'near', uncertainty_m: 50, method: 'contributed',
      evidence: [{ source: `contribution:${ITEM}`, says: 'Lived there 2009–2020', src_coordinates: [121.175, 41.121], src_crs: 'WGS-84' }],
      note: 'Placed by Li Hua from on-site knowledge (2026-11-30); reviewed and accepted 2026-12-01',
      note_zh: '由Li Hua根据实地了解（2026-11-30）标注；2026-12-01审核通过',
      contribution: { kind: 'on_site', citation: 'Lived there 2009–2020', date: '2026-11-30', contributor: 'Li Hua', accepted: '2026-12-01' },
    };
    await route.fulfill({ json: body });
  });
  await page.goto(`/?item=${ITEM}&lang=en#map=15/41.1210/121.1750`);
  await waitForMapReady(page);
  await expect(page.getByTestId('contributed-by')).toHaveText('Contributed by Li Hua (on-site knowledge, 2026-11-30); accepted 2026-12-01.');
  await expect(page.getByTestId('item-detail')).toContainText('Contributed, reviewed');
  await expect.poll(() => page.evaluate((id) => (window as any).__atlasMap.queryRenderedFeatures({ layers: ['items-contributed-point'] }).some((f: any) => f.properties.id === id), ITEM), { timeout: 60_000 }).toBe(true);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'contribute-accepted.png') });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a point placed and moved by taps, axe clean', async ({ page }) => {
    test.setTimeout(120_000);
    const dir = SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'atlas-shots-'));
    try {
      await page.goto(`/?item=${ITEM}&lang=en#map=15/41.1180/121.1750`);
      await waitForMapReady(page);
      await page.getByTestId('place-item').tap();
      await expect(page.getByTestId('placing')).toBeVisible();
      await page.getByRole('radio', { name: 'Point' }).tap();
      // Tap where the map itself is under the finger, not the overlays over it (area tray, sheet).
      const free = await page.evaluate(() => {
        const c = (window as any).__atlasMap.getCanvas() as HTMLCanvasElement;
        const r = c.getBoundingClientRect();
        const x = r.left + r.width / 2;
        for (let y = r.top + 20; y < r.bottom - 60; y += 10) {
          if (document.elementFromPoint(x, y) === c && document.elementFromPoint(x + 40, y + 30) === c) return { x, y };
        }
        return null;
      });
      expect(free, 'a part of the map not covered by overlays').not.toBeNull();
      await page.touchscreen.tap(free!.x, free!.y);
      await expect(status(page)).toHaveAttribute('data-vertices', '1');
      await page.touchscreen.tap(free!.x + 40, free!.y + 30); // a point moves, it does not multiply
      await expect(status(page)).toHaveAttribute('data-vertices', '1');
      expect(await seriousAxe(page)).toEqual([]);
      await page.screenshot({ path: join(dir, 'contribute-phone.png') });
      await page.getByTestId('placing-next').tap();
      await expect(page.locator('#ev-precision')).toHaveValue('near'); // a pin is near the place
      await page.getByLabel('Citation (a URL or a description)').fill('Photo of the compound sign, taken from the gate');
      await page.getByLabel('Kind of evidence').selectOption('photo');
      await page.getByTestId('contribution-make').tap();
      await expect(page.getByTestId('contribution-download')).toBeVisible();
      expect(await seriousAxe(page)).toEqual([]);
    } finally {
      if (!SCREENSHOTS) rmSync(dir, { recursive: true, force: true });
    }
  });
});
