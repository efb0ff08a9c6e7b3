/**
 * The default start ('/'), desktop: one page load of the software-rendered map (10–15 s each on a
 * busy host) for what six tests once each loaded it for. Each step is named after the test it was
 * (keyboard.spec.ts's year timeline, start-order.spec.ts's pinyin chunk and report-late.spec.ts's
 * MapLibre controls came here from their own files).
 */
import { expect, renderedNames, test, waitForMapIdle } from './fixtures';

test('the default start: the map on Linghe, credits, the pinyin chunk, the year keys, the controls\' language, the panel', async ({ page }) => {
  // What the page had done when it asked for the pinyin chunk (start-order): recorded from the start.
  const atRequest: { mapDrawn: boolean }[] = [];
  await page.route('**/assets/pinyin-*.js', async (route) => {
    atRequest.push(
      await page.evaluate(() => {
        const map = (window as any).__atlasMap;
        return { mapDrawn: !!map?.getSource('items') && map.querySourceFeatures('items').length > 0 };
      }),
    );
    await route.fallback();
  });
  await page.goto('/');

  await test.step('the map opens on Linghe with the district outline, stations, landmarks and labels', async () => {
    await expect(page.getByTestId('map')).toBeVisible();
    await waitForMapIdle(page);

    const lingheOutline = await page.evaluate(() => {
      const map = (window as any).__atlasMap;
      return map.queryRenderedFeatures({ layers: ['linghe-outline'] }).map((f: any) => f.properties.name);
    });
    expect(lingheOutline).toContain('凌河区');

    // The first view frames Linghe: its bounds hold the district's bbox centre.
    const centreInside = await page.evaluate(async () => {
      const map = (window as any).__atlasMap;
      const manifest = await (await fetch('data/manifest.json')).json();
      const [w, s, e, n] = manifest.linghe_bbox;
      const b = map.getBounds();
      return b.contains([(w + e) / 2, (s + n) / 2]) && b.getWest() <= w + 0.02 && b.getEast() >= e - 0.02;
    });
    expect(centreInside).toBe(true);

    const context = await page.evaluate(() => {
      const map = (window as any).__atlasMap;
      const fs = map.queryRenderedFeatures({ layers: ['context-point'] });
      return [...new Set(fs.map((f: any) => f.properties.kind))];
    });
    expect(context).toEqual(expect.arrayContaining(['station', 'landmark']));

    const stationLabels = await renderedNames(page, 'context-label');
    expect(stationLabels).toContain('锦州站');
    const districtLabels = await renderedNames(page, 'district-label');
    expect(districtLabels).toContain('凌河区');
  });

  await test.step('the attribution names every data source in use', async () => {
    const manifest = await (await page.request.get('/data/manifest.json')).json();
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect(attribution).toContainText('OpenStreetMap');
    for (const a of manifest.attributions) await expect(attribution).toContainText(a.text);
  });

  await test.step('the pinyin chunk is requested only after the map has drawn the items, and pinyin search then works', async () => {
    await page.getByTestId('search').fill('spl'); // 松坡路 by its pinyin initials
    await expect(page.locator('[data-testid="item-row"][data-item-id="songpo-lu"]')).toBeVisible({ timeout: 30_000 });
    expect(atRequest).toEqual([{ mapDrawn: true }]);
    await page.getByTestId('search').fill('');
    await expect(page.getByTestId('item-list')).toHaveAttribute('data-count', '102');
  });

  await test.step('the year timeline is one tab stop and arrow keys move between years', async () => {
    const years = page.getByTestId('filter-year');
    const all = years.locator('[data-year="all"]');
    await expect(all).toHaveAttribute('tabindex', '0');
    await expect(years.locator('[data-year="2022"]')).toHaveAttribute('tabindex', '-1');

    await all.focus();
    await page.keyboard.press('ArrowRight');
    const y2018 = years.locator('[data-year="2018"]');
    await expect(y2018).toHaveAttribute('aria-checked', 'true');
    await expect(y2018).toBeFocused();
    await expect(page).toHaveURL(/[?&]year=2018/);

    await page.keyboard.press('End');
    await expect(years.locator('[data-year="2026"]')).toHaveAttribute('aria-checked', 'true');
    const count2026 = Number(await page.getByTestId('item-list').getAttribute('data-count'));
    await page.keyboard.press('Home');
    await expect(all).toHaveAttribute('aria-checked', 'true');
    const countAll = Number(await page.getByTestId('item-list').getAttribute('data-count'));
    expect(countAll).toBeGreaterThan(count2026);
  });

  await test.step("MapLibre's own controls speak the UI's language", async () => {
    await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
    await expect(page.getByRole('button', { name: '放大' })).toHaveCount(0);
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
  });

  await test.step('the panel collapses, and becomes a bottom sheet on a phone', async () => {
    const toggle = page.getByRole('button', { name: /收起面板/ });
    await toggle.click();
    await expect(page.locator('#panel')).toBeHidden();
    await page.getByRole('button', { name: /显示面板/ }).click();
    await expect(page.locator('#panel')).toBeVisible();

    await page.setViewportSize({ width: 390, height: 800 });
    const box = await page.locator('#panel').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeGreaterThan(790); // docked at the bottom
    expect(box!.width).toBeGreaterThan(380); // full width
  });
});

test.describe('broken data files', () => {
  // The browser logs the failed request itself; that one line is expected here.
  test.use({ expectedConsoleErrors: [/Failed to load resource: .*status of 404 .*items\.geojson/] });

  for (const [name, body, status] of [
    ['missing', '', 404],
    ['corrupt', '{"type": "FeatureCollection", "features": [ {oops', 200],
    ['off-schema', '{"type": "FeatureCollection", "features": [{"type": "Feature"}]}', 200],
  ] as const) {
    test(`a ${name} data file shows a readable error, not a blank page`, async ({ page }) => {
      await page.route('**/data/items.geojson', (route) =>
        route.fulfill({ status, body, contentType: 'application/json' }),
      );
      await page.goto('/');
      const notice = page.getByTestId('notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('items.geojson');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  }
});
