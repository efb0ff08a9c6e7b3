/**
 * Map-first exploring, the map half of issue 11: every item reachable from the map (area counts
 * for items known only to an area), neighbourhoods that frame the map or say why they cannot,
 * frames per precision (the ±2 km bridge keeps its whole circle in view, above a phone's sheet),
 * and pins in the URL with a "near here" list. Checks are batched per page load.
 */
import type { Page } from '@playwright/test';
import { expect, test, seriousAxe } from './fixtures';

/** As fixtures' waitForMapIdle, with room for a shared 2-core machine under load (first loads took 40–50 s). */
async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__atlasMap;
    return !!map && map.isStyleLoaded() && map.loaded() && !map.isMoving();
  }, undefined, { timeout: 120_000 });
}

const BRIDGE = 'guangzhoujie-kua-xiaolinghe-teda-qiao';

/** Distinct items the map draws now. */
async function renderedIds(page: Page): Promise<string[]> {
  await waitForMapIdle(page);
  // shapes less those hidden by feature-state, points as the GPU layer draws them (controller.renderedItems)
  return page.evaluate(() => (window as any).__atlasRendered().map((f: any) => f.id as string));
}

/** Sum of the area tray's counts (0 when it is not shown). */
async function traySum(page: Page): Promise<number> {
  const counts = await page.getByTestId('area-badge').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  return counts.reduce((a, b) => a + b, 0);
}

async function listCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('item-list').getAttribute('data-count'));
}


/** Whether the ±2 km circle around the bridge lies inside the map's visible part (screen px), above `bottom`. */
async function bridgeCircleInView(page: Page, bottom: number): Promise<{ inside: boolean; zoom: number; box: number[] }> {
  return page.evaluate(
    ({ id, bottom }) => {
      const map = (window as any).__atlasMap;
      const f = map.querySourceFeatures('items').find((x: any) => x.properties.id === id);
      const [lng, lat] = f.geometry.coordinates;
      const dLat = (2000 / 6371008.8) * (180 / Math.PI);
      const dLng = dLat / Math.cos((lat * Math.PI) / 180);
      const r = map.getCanvas().getBoundingClientRect();
      const nw = map.project([lng - dLng, lat + dLat]);
      const se = map.project([lng + dLng, lat - dLat]);
      const box = [r.left + nw.x, r.top + nw.y, r.left + se.x, r.top + se.y];
      const inside = box[0] >= r.left && box[1] >= r.top && box[2] <= r.right && box[3] <= Math.min(r.bottom, bottom);
      return { inside, zoom: map.getZoom(), box };
    },
    { id: BRIDGE, bottom },
  );
}

test('desktop: every category and neighbourhood shows on the map or says why; area badges, outlines, frames and pins', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/');
  await waitForMapIdle(page);
  await expect(page.getByTestId('map-loading')).toHaveCount(0);
  const total = await listCount(page);

  // Layer toggles hide and show their layers, nothing else.
  const visibility = (id: string) => page.evaluate((l) => (window as any).__atlasMap.getLayoutProperty(l, 'visibility') ?? 'visible', id);
  for (const [group, layer] of [['uncertainty', 'items-uncertainty-fill'], ['context', 'context-point'], ['areas', 'items-area-fill']]) {
    const toggle = page.locator(`[data-testid="layer-toggles"] input[data-group="${group}"]`);
    await toggle.uncheck();
    await expect.poll(() => visibility(layer), group).toBe('none');
    expect(await visibility('items-point')).toBe('visible');
    await toggle.check();
    await expect.poll(() => visibility(layer), group).toBe('visible');
  }

  // Every category: what the map draws plus what the tray counts is exactly the list, and never nothing.
  const categories = page.getByTestId('filter-category').getByRole('checkbox');
  const nCat = await categories.count();
  expect(nCat).toBe(12);
  for (let i = 0; i < nCat; i++) {
    const box = categories.nth(i);
    await box.check();
    const n = await listCount(page);
    if (n > 0) {
      await expect.poll(async () => (await renderedIds(page)).length + (await traySum(page)), await box.getAttribute('value') ?? String(i)).toBe(n);
    }
    await box.uncheck();
  }
  await expect.poll(() => listCount(page)).toBe(total);
  expect((await renderedIds(page)).length + (await traySum(page))).toBe(total);

  // Every neighbourhood chip frames the map on something drawn, or a note says why not.
  const hoods = page.getByTestId('filter-neighbourhood').getByRole('checkbox');
  const nHood = await hoods.count();
  expect(nHood).toBe(11);
  for (let i = 0; i < nHood; i++) {
    const chip = hoods.nth(i);
    const name = (await chip.evaluate((e) => e.closest('label')?.textContent ?? '')).trim();
    await chip.check();
    await waitForMapIdle(page);
    const note = page.getByTestId('map-note');
    const drawn = (await renderedIds(page)).length;
    const noted = await note.isVisible();
    expect(drawn > 0 || noted, name).toBe(true);
    if (noted) await expect(note, name).toContainText(/没有已知边界/);
    await chip.uncheck();
  }

  // The 紫荆街道 badge: list filtered to its four, the map shows the district and says no outline is known.
  await page.evaluate(() => (window as any).__atlasMap.jumpTo({ center: [121.2, 41.14], zoom: 16 }));
  const zijing = page.locator('[data-testid="area-badge"][data-area="210703011"]');
  const zCount = Number(await zijing.getAttribute('data-count'));
  expect(zCount).toBeGreaterThan(0);
  await zijing.click();
  await expect(page).toHaveURL(/hood=210703011&precision=subdistrict/);
  await expect.poll(() => listCount(page)).toBe(zCount);
  await expect(zijing).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('map-note')).toContainText(`它共有 ${zCount} 个事项`);
  await waitForMapIdle(page);
  expect(await page.evaluate(() => (window as any).__atlasMap.getZoom())).toBeLessThan(13);
  // the community level, from the admin units
  await expect(page.getByTestId('filter-community').locator('option')).not.toHaveCount(1);
  expect(await seriousAxe(page)).toEqual([]);

  // An item known only to 紫荆街道 says plainly that no outline exists; a district-level one outlines Linghe.
  await page.getByTestId('item-row').first().click();
  await expect(page.getByTestId('map-note')).toContainText('没有它的已知边界');
  expect(await page.evaluate(() => (window as any).__atlasMap.querySourceFeatures('focus-area').length)).toBe(0);
  await page.getByRole('button', { name: '返回列表' }).click();
  await page.getByRole('button', { name: '取消范围筛选' }).click();
  const district = page.locator('[data-testid="area-badge"][data-area="district"]');
  await district.click();
  await expect(page).toHaveURL(/precision=district/);
  await expect.poll(() => listCount(page)).toBe(Number(await district.getAttribute('data-count')));
  await page.getByTestId('item-row').first().click();
  await expect(page.getByTestId('map-note')).toContainText('地图勾出全区边界');
  await expect.poll(() => page.evaluate(() => (window as any).__atlasMap.querySourceFeatures('focus-area').length)).toBeGreaterThan(0);

  // Framing by precision: the ±2 km bridge keeps its whole circle in view, at no closer than the near cap.
  await page.goto(`/?item=${BRIDGE}`);
  await waitForMapIdle(page);
  const frame = await bridgeCircleInView(page, 10_000);
  expect(frame.inside, JSON.stringify(frame)).toBe(true);
  expect(frame.zoom).toBeLessThanOrEqual(15);

  // A pin by right-click: in the URL, shown with a near list, nearest first; the bridge is near its own point.
  const p = await page.evaluate((id) => {
    const map = (window as any).__atlasMap;
    const f = map.querySourceFeatures('items').find((x: any) => x.properties.id === id);
    const q = map.project(f.geometry.coordinates);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + q.x, y: r.top + q.y };
  }, BRIDGE);
  await page.mouse.click(p.x, p.y, { button: 'right' });
  await expect(page).toHaveURL(/pin=41\.\d+,121\.\d+/);
  const near = page.getByTestId('near-here');
  await expect(near).toBeVisible();
  await expect(near.getByTestId('near-item').first()).toHaveAttribute('data-item-id', BRIDGE);
  const distances = await near.getByTestId('near-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-distance'))));
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  await near.getByTestId('pin-radius').selectOption('2000');
  await expect(page).toHaveURL(/radius=2000/);
  await expect(near.getByTestId('near-area').first()).toContainText('凌河区某处');
  expect(await seriousAxe(page)).toEqual([]);

  // The link restores pin and list; an invalid pin is dropped with the notice.
  const n = await near.getByTestId('near-item').count();
  const link = page.url();
  await page.goto(link);
  await waitForMapIdle(page);
  await expect(page.getByTestId('near-here').getByTestId('near-item')).toHaveCount(n);
  expect(await page.evaluate(() => (window as any).__atlasMap.querySourceFeatures('pin').length)).toBeGreaterThan(0);

  // P with the map focused drops the pin at the map's centre.
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('p');
  const centre = await page.evaluate(() => (window as any).__atlasMap.getCenter());
  await expect.poll(() => new URL(page.url()).searchParams.get('pin')).toBe(`${centre.lat.toFixed(5)},${centre.lng.toFixed(5)}`);

  await page.goto('/?pin=95,121');
  await expect(page.getByTestId('notice')).toContainText('pin=95,121');
  await expect(page.getByTestId('near-here')).toHaveCount(0);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the bridge circle stays above the sheet, a long-press drops a pin, English reads, axe is clean', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`/?item=${BRIDGE}&lang=en`);
    await waitForMapIdle(page);
    const sheetTop = (await page.locator('#panel').boundingBox())!.y;
    const frame = await bridgeCircleInView(page, sheetTop);
    expect(frame.inside, JSON.stringify({ ...frame, sheetTop })).toBe(true);
    await expect(page.getByTestId('area-tray')).toContainText('All Linghe');

    // A long press (touch held, not moved) on the visible map drops a pin.
    const map = (await page.getByTestId('map').boundingBox())!;
    // just above the sheet, clear of the tray and notes at the top
    const x = map.x + map.width / 2, y = sheetTop - 30;
    expect(await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.maplibregl-canvas-container'), { x, y })).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await expect(page).toHaveURL(/pin=/, { timeout: 5000 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(page.getByTestId('near-here')).toContainText('Near here');
    expect(await seriousAxe(page)).toEqual([]);
  });
});
